/**
 * Navigation rules for the app window: it may only ever show the app's own page. Everything is a
 * pure function of URLs so the rules are tested without Electron.
 */
import { decideExternalLink } from './externalLinks'

/**
 * The app's page is the built renderer served from `app://revdesk/` (or, unusually, from
 * file://) or the dev server's origin. A URL is "the app" when it is that same document (any
 * hash/query) for file://, or the same scheme and host otherwise.
 * For file:// the host counts too: `file://evilhost/<app path>` is another machine's file (a UNC
 * share on Windows), not the app. The URL parser folds `localhost` into the empty host.
 */
export function createAppUrlMatcher(appUrl: string): (url: string) => boolean {
  const app = new URL(appUrl)
  return (raw) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return false
    }
    if (app.protocol === 'file:') {
      return url.protocol === 'file:' && url.host === app.host && url.pathname === app.pathname
    }
    // Not `url.origin === app.origin`: Node reports the origin of every custom scheme (app://…)
    // as "null", so app://evil/ would equal app://revdesk/. Compare scheme and host (with port)
    // explicitly; hosts of custom schemes are not lowercased by Node, Chromium lowercases them.
    return (
      url.protocol === app.protocol &&
      url.host.toLowerCase() === app.host.toLowerCase() &&
      url.username === '' &&
      url.password === ''
    )
  }
}

/**
 * `offerExternally`: the normalised href to offer the user in the system browser (after asking:
 * the link is page content), or null when it may not leave the app at all.
 */
export type WindowOpenDecision = { action: 'deny'; offerExternally: string | null }

/** `window.open` and target=_blank never make a new Electron window; https may go to the browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  const link = decideExternalLink(url, 'link')
  return { action: 'deny', offerExternally: link.action === 'refuse' ? null : link.href }
}
