/** The one place a workspace's provider picks its behaviour. */
import type { ProviderId } from '../../../shared/providers/providerId'
import { providerOf, type Workspace } from '../../../shared/workspace/workspace'
import { chartmogulAdapter } from './chartmogul'
import { monacoAdapter } from './monaco'
import type { ProviderAdapter } from './types'

const ADAPTERS: Readonly<Record<ProviderId, ProviderAdapter>> = {
  chartmogul: chartmogulAdapter,
  monaco: monacoAdapter
}

export function adapterFor(workspace: Pick<Workspace, 'provider'>): ProviderAdapter {
  return ADAPTERS[providerOf(workspace)]
}

export type { ProviderAdapter, QuickEditPatch, SessionEngineInput } from './types'
