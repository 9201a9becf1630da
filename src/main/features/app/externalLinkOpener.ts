/**
 * Opens a link in the system browser by the rules of `security/externalLinks.ts`: the browser
 * only ever gets the normalised href; a link that needs the user's word gets a native question
 * naming the exact host, which the page cannot answer. Used by the bridge's `openExternal` and by
 * the window's `window.open` / target=_blank handler.
 */
import { AppError } from '../../ipc/appError'
import type { AskUser } from '../../platform/askUser'
import { decideExternalLink, type LinkPurpose } from '../../security/externalLinks'

export type OpenLink = (raw: string, purpose: LinkPurpose) => Promise<void>

export interface ExternalLinkOpenerDeps {
  /** shell.openExternal in the app. */
  openExternal: (href: string) => Promise<void>
  askUser: AskUser
}

export function createExternalLinkOpener(deps: ExternalLinkOpenerDeps): OpenLink {
  return async (raw, purpose) => {
    const decision = decideExternalLink(raw, purpose)
    if (decision.action === 'refuse') throw new AppError('forbidden', decision.reason)
    if (decision.action === 'ask') {
      const confirmed = await deps.askUser({
        title: 'Open link in your browser?',
        message: `Open a page on ${decision.host} in your browser?`,
        detail: `The link came from data Revdesk shows, not from Revdesk itself. Open it only if you expected a page on ${decision.host}:\n\n${decision.href}`,
        confirmLabel: `Open ${decision.host}`,
        cancelLabel: 'Cancel'
      })
      if (!confirmed) {
        throw new AppError('cancelled', `The link to ${decision.host} was not opened.`)
      }
    }
    await deps.openExternal(decision.href)
  }
}
