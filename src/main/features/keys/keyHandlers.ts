/** Bridge handlers for API keys: save, check, delete. There is deliberately no "read". */
import type { BridgeHandlers } from '../../ipc/dispatcher'
import type { EmitEvent } from '../../ipc/registerBridge'
import { lastFour, presenceOf, type KeyVault } from '../../vault/keyVault'
import type { GatewayPool } from '../workspaces/gatewayPool'

export function createKeyHandlers(
  vault: KeyVault,
  emit: EmitEvent,
  gateways: Pick<GatewayPool, 'forget'>
): Pick<BridgeHandlers, 'saveKey' | 'hasKey' | 'deleteKey'> {
  return {
    saveKey: async ({ workspaceId, apiKey }) => {
      await vault.save(workspaceId, apiKey)
      gateways.forget(workspaceId)
      const presence = { workspaceId, present: true, last4: lastFour(apiKey) }
      emit('keyChanged', presence)
      return presence
    },
    hasKey: ({ workspaceId }) => presenceOf(vault, workspaceId),
    deleteKey: async ({ workspaceId }) => {
      await vault.delete(workspaceId)
      gateways.forget(workspaceId)
      const presence = { workspaceId, present: false, last4: null }
      emit('keyChanged', presence)
      return presence
    }
  }
}
