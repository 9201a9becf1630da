import { describe, expect, it } from 'vitest'
import type { WorkspaceCache } from '../../../src/renderer/src/cache'
import { CustomerNames } from '../../../src/renderer/src/sections/data/customerNames'

function fakeCache(names: Record<string, string>): WorkspaceCache & { lookups: string[][] } {
  const lookups: string[][] = []
  const cache = {
    lookups,
    customers: {
      bulkGet: async (keys: string[]) => {
        lookups.push(keys)
        return keys.map((uuid) => (names[uuid] ? { uuid, name: names[uuid] } : undefined))
      }
    }
  }
  return cache as unknown as WorkspaceCache & { lookups: string[][] }
}

describe('opportunity customer names', () => {
  it('looks up only the customers the rows mention, once', async () => {
    const cache = fakeCache({ cus_a: 'Acme', cus_b: 'Globex' })
    const names = new CustomerNames()
    const rows = [
      { uuid: 'o1', customerUuid: 'cus_a' },
      { uuid: 'o2', customerUuid: 'cus_a' },
      { uuid: 'o3', customerUuid: 'cus_missing' }
    ]
    const named = await names.load(cache, rows)
    expect(named.map((r) => (r as { customerName?: string | null }).customerName)).toEqual([
      'Acme',
      'Acme',
      null
    ])
    expect(cache.lookups).toEqual([['cus_a', 'cus_missing']])
    await names.load(cache, [{ uuid: 'o4', customerUuid: 'cus_a' }])
    expect(cache.lookups).toHaveLength(1)
  })

  it('names live rows from what it knows, without touching the originals', async () => {
    const names = new CustomerNames()
    await names.load(fakeCache({ cus_a: 'Acme' }), [{ uuid: 'o1', customerUuid: 'cus_a' }])
    const live = [
      { uuid: 'o9', customerUuid: 'cus_a' },
      { uuid: 'o10', customerUuid: 'cus_new' }
    ]
    const named = names.apply(live)
    expect(named).toEqual([
      { uuid: 'o9', customerUuid: 'cus_a', customerName: 'Acme' },
      { uuid: 'o10', customerUuid: 'cus_new', customerName: null }
    ])
    expect(live[0]).toEqual({ uuid: 'o9', customerUuid: 'cus_a' })
  })
})
