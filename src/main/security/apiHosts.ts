/**
 * Where a stored API key may go without asking the user: the provider's own API host (a
 * ChartMogul key to api.chartmogul.com, a Monaco key to api.monaco.com — not each other's),
 * this computer, or a host the user confirmed for that workspace. Anything else needs a native
 * question first (see features/workspaces/keyHostConsent.ts). Pure, so it is tested alone.
 */
import {
  checkApiAddress,
  isLoopbackHostname,
  isProviderOwnHost,
  type ApiProvider
} from '../../shared/workspace/apiAddress'
import type { Workspace } from '../../shared/workspace/workspace'

/** The provider whose key a workspace holds; null for the demo (it has no key of the user's). */
export function providerOf(kind: Workspace['kind']): ApiProvider | null {
  return kind === 'demo' ? null : kind
}

/**
 * true when sending the key of `provider` to `url` needs the user's say first. An address the
 * rules refuse always "needs" it (callers refuse such an address before asking anything).
 */
export function keyNeedsConfirmation(
  provider: ApiProvider | null,
  url: string,
  confirmedHosts: readonly string[]
): boolean {
  if (provider === null) return false
  const checked = checkApiAddress(url)
  if (!checked.ok) return true
  if (isProviderOwnHost(provider, checked.host)) return false
  if (isLoopbackHostname(new URL(checked.url).hostname)) return false
  return !confirmedHosts.includes(checked.host)
}
