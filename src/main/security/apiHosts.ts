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
import { providerOf, type Workspace } from '../../shared/workspace/workspace'

/**
 * The provider whose key a workspace holds (from its `provider`, not its `kind`: a Monaco
 * workspace's key belongs at api.monaco.com); null for a demo (it has no key of the user's).
 */
export function keyProviderOf(workspace: Pick<Workspace, 'kind' | 'provider'>): ApiProvider | null {
  return workspace.kind === 'demo' ? null : providerOf(workspace)
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
