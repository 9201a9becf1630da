/**
 * Page drift: Monaco pages by offset, so records created or deleted between two pages of one
 * pass shift the rows under the client. The out-of-band helpers make that happen on purpose,
 * and the `onListed` hook makes it happen in the middle of a pass a client drives.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { list, page, startSmall } from './support'

describe('Monaco simulator: page drift', () => {
  let sim: RunningMonacoSimulator
  afterEach(() => sim.close())

  const ids = async (p: number) =>
    page(await list(sim, 'accounts', { page: p, page_size: 10 })).data.map((a) => a['id'] as string)

  it('a record created mid-pass pushes the last row of page 1 onto page 2 (seen twice)', async () => {
    sim = await startSmall({ clock: () => new Date('2026-02-01T00:00:00Z') })
    const first = await ids(1)
    const [added] = sim.store.outOfBand.add('accounts')
    const second = await ids(2)
    expect(second[0]).toBe(first.at(-1))
    expect(await ids(1)).toContain(added?.id)
    expect(sim.mutationLog.at(-1)).toMatchObject({
      source: 'out_of_band',
      entity: 'account',
      action: 'create'
    })
  })

  it('a record deleted mid-pass pulls the first row of page 2 onto page 1 (never seen)', async () => {
    sim = await startSmall()
    const first = await ids(1)
    const secondBefore = await ids(2)
    const removed = sim.store.outOfBand.removeListed('accounts', 0)
    expect(removed).toEqual([first[0]])
    const secondAfter = await ids(2)
    expect(secondAfter[0]).toBe(secondBefore[1])
    expect(secondAfter).not.toContain(secondBefore[0])
  })

  it('drifts in the middle of a pass through the onListed hook', async () => {
    sim = await startSmall({ clock: () => new Date('2026-02-01T00:00:00Z') })
    const total = sim.store.count('accounts')
    let lists = 0
    sim.onListed((entity) => {
      lists++
      if (entity === 'accounts' && lists === 1) sim.store.outOfBand.add('accounts', {}, 3)
    })
    const seen: string[] = []
    for (let p = 1; p <= Math.ceil(total / 10); p++) seen.push(...(await ids(p)))
    expect(sim.store.count('accounts')).toBe(total + 3)
    expect(seen.length - new Set(seen).size).toBe(3)
  })

  it('edits out of band move updated_at forward and are logged', async () => {
    sim = await startSmall()
    const account = sim.store.all('accounts')[0]
    const before = account?.updatedAt as string
    const edited = sim.store.outOfBand.edit('accounts', account?.id as string, {
      name: 'Renamed Inc'
    })
    expect(edited?.name).toBe('Renamed Inc')
    expect(Date.parse(edited?.updatedAt as string)).toBeGreaterThan(Date.parse(before))
    expect(sim.mutationLog.at(-1)).toMatchObject({ action: 'update', uuid: account?.id })
  })
})
