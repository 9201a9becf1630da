/**
 * The app's Monaco writes: creates go to `monacoCreateOpportunity` with the entry's key (never
 * one made up per call), updates to `monacoUpdateOpportunity`, the rest to the neutral methods;
 * the idempotency capability comes from the capability table.
 */
import { describe, expect, test } from 'vitest'
import {
  createBridgeMonacoWrites,
  type BridgeInvoke
} from '../../../src/renderer/src/lib/bridgeMonacoWrites'
import { PROVIDER_CAPABILITIES } from '../../../src/shared/providers/capabilities'
import { monacoDeal, monacoDraft } from './monacoSupport'

function recording() {
  const calls: { method: string; args: unknown }[] = []
  const invoke = (async (method: string, args: unknown) => {
    calls.push({ method, args })
    if (method === 'deleteOpportunity') return { deleted: true }
    if (method === 'listCustomerOpportunities') return [monacoDeal()]
    return monacoDeal()
  }) as unknown as BridgeInvoke
  return { calls, invoke }
}

const KEY = '0b9c0d8e-3a43-4b0f-9f57-2f7d0a3f1c11'

describe('createBridgeMonacoWrites', () => {
  test('each write goes to its bridge method; creates carry the stored key', async () => {
    const { calls, invoke } = recording()
    const writes = createBridgeMonacoWrites('ws_m', invoke)
    expect(writes.createsAreIdempotent).toBe(PROVIDER_CAPABILITIES.monaco.idempotentCreates)
    await writes.create(monacoDraft(), { idempotencyKey: KEY })
    await writes.update('opp_1', { tagIds: ['tag_hot'] })
    await writes.delete('opp_1')
    await writes.get('opp_1')
    await writes.listForCustomer('acc_1')
    expect(calls).toEqual([
      {
        method: 'monacoCreateOpportunity',
        args: { workspaceId: 'ws_m', draft: monacoDraft(), idempotencyKey: KEY }
      },
      {
        method: 'monacoUpdateOpportunity',
        args: { workspaceId: 'ws_m', uuid: 'opp_1', patch: { tagIds: ['tag_hot'] } }
      },
      { method: 'deleteOpportunity', args: { workspaceId: 'ws_m', uuid: 'opp_1' } },
      { method: 'getOpportunity', args: { workspaceId: 'ws_m', uuid: 'opp_1' } },
      { method: 'listCustomerOpportunities', args: { workspaceId: 'ws_m', customerUuid: 'acc_1' } }
    ])
  })

  test('a create without its stored key is refused before anything is sent', async () => {
    const { calls, invoke } = recording()
    const writes = createBridgeMonacoWrites('ws_m', invoke)
    await expect(writes.create(monacoDraft())).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'A Monaco create needs the idempotency key stored with its outbox entry.'
    })
    expect(calls).toEqual([])
  })
})
