/**
 * The outbox's `OpportunityWrites` for a Monaco workspace. Creates carry the entry's
 * idempotency key (`monacoCreateOpportunity`), updates take Monaco's patch
 * (`monacoUpdateOpportunity`); get, delete and an account's deals use the provider-neutral
 * bridge methods, which main routes to the workspace's gateway. Errors arrive as
 * `BridgeCallError` with a snake_case `code` (see outbox/failures.ts).
 */
import type { MonacoDealDraft, MonacoDealPatch } from '../../../shared/domain'
import { capabilitiesOf } from '../../../shared/providers/capabilities'
import type { OpportunityWrites } from '../outbox/types'
import { BridgeCallError, call } from './bridge'
import { bridgeDealReads, checkAbort, type BridgeInvoke } from './bridgeOpportunityWrites'

export type { BridgeInvoke } from './bridgeOpportunityWrites'

export type MonacoWrites = OpportunityWrites<MonacoDealDraft, MonacoDealPatch>

export function createBridgeMonacoWrites(
  workspaceId: string,
  invoke: BridgeInvoke = call
): MonacoWrites {
  return {
    createsAreIdempotent: capabilitiesOf('monaco').idempotentCreates,
    async create(draft, options) {
      checkAbort(options)
      const idempotencyKey = options?.idempotencyKey
      if (idempotencyKey === undefined) {
        // Never invent one here: a key made per call would make a second deal on a resend.
        throw new BridgeCallError({
          code: 'invalid_argument',
          message: 'A Monaco create needs the idempotency key stored with its outbox entry.'
        })
      }
      return invoke('monacoCreateOpportunity', { workspaceId, draft, idempotencyKey })
    },
    async update(uuid, patch, options) {
      checkAbort(options)
      return invoke('monacoUpdateOpportunity', { workspaceId, uuid, patch })
    },
    ...bridgeDealReads(workspaceId, invoke)
  }
}
