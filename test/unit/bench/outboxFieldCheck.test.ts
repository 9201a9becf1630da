/**
 * bench:outbox's field check: a workload applied exactly (here by the official SDK, over real
 * loopback HTTP) leaves no mismatch; a touched deal with any field off — one the edit never
 * named, a skipped edit, a wrong default on a create, a delete that did not happen — is counted
 * under its field, even where the older "named fields only" verdict sees nothing wrong.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { checkTouchedFields } from '../../../bench/outbox/fieldCheck'
import { applyWithSdk } from '../../../bench/outbox/sdkBaseline'
import { buildWorkload, verify, type Change } from '../../../bench/outbox/workload'
import {
  generateDataset,
  startSimulator,
  type Dataset,
  type RunningSimulator
} from '../../../src/main/simulator'

const dataset: Dataset = generateDataset({ seed: 5150, customers: 60, opportunities: 60 })
const changes: Change[] = buildWorkload(dataset, { edits: 20, creates: 6, deletes: 4 }, 2024)

let sim: RunningSimulator
beforeEach(async () => {
  sim = await startSimulator({
    data: structuredClone(dataset),
    rateLimit: false,
    maxConcurrent: false,
    onError: () => undefined
  })
})
afterEach(async () => {
  await sim.close()
})

async function apply(list: readonly Change[]): Promise<void> {
  const run = await applyWithSdk(sim.url, sim.apiKey, list)
  expect(run.errorExamples).toEqual([])
}

function firstEdit(): Extract<Change, { kind: 'edit' }> {
  const edit = changes.find((c) => c.kind === 'edit')
  if (edit?.kind !== 'edit') throw new Error('the workload has no edit')
  return edit
}

describe('checkTouchedFields', () => {
  test('a workload applied exactly has no mismatching field', async () => {
    await apply(changes)
    const check = checkTouchedFields(dataset.opportunities, sim.store.opportunities(), changes)
    expect(check.examples).toEqual([])
    expect(check.fieldMismatches).toBe(0)
    expect(check.missingOrPresent).toBe(0)
    expect(check.dealsCompared).toBe(20 + 6)
  })

  test('a field the edit did not name, changed on the server, is a mismatch the old verdict misses', async () => {
    await apply(changes)
    const edit = firstEdit()
    expect(edit.patch.owner).toBeUndefined()
    sim.store.updateOpportunity(edit.uuid, { owner: 'someone.else@example.com' })

    const old = verify(dataset.opportunities, sim.store.opportunities(), sim.mutationLog, changes)
    expect(old.lost + old.unintended).toBe(0)

    const check = checkTouchedFields(dataset.opportunities, sim.store.opportunities(), changes)
    expect(check.fieldMismatches).toBe(1)
    expect(check.byField).toEqual({ owner: 1 })
    expect(check.examples[0]).toContain(edit.uuid)
  })

  test('a skipped edit shows in every field it should have changed', async () => {
    const edit = firstEdit()
    await apply(changes.filter((c) => c !== edit))
    const check = checkTouchedFields(dataset.opportunities, sim.store.opportunities(), changes)
    const named = Object.keys(edit.patch).length
    // The named fields, plus updatedAt that never moved.
    expect(check.fieldMismatches).toBe(named + 1)
    expect(check.byField['updatedAt']).toBe(1)
  })

  test('a create with a wrong default and a delete that did not happen are counted', async () => {
    const del = changes.find((c) => c.kind === 'delete')
    const create = changes.find((c) => c.kind === 'create')
    if (del?.kind !== 'delete' || create?.kind !== 'create') throw new Error('workload too small')
    await apply(changes.filter((c) => c !== del))
    const made = sim.store.opportunities().find((o) => o.custom['bench_ref'] === create.ref)
    if (!made) throw new Error('create not applied')
    sim.store.updateOpportunity(made.uuid, { win_likelihood: (made.win_likelihood ?? 0) + 1 })

    const check = checkTouchedFields(dataset.opportunities, sim.store.opportunities(), changes)
    expect(check.byField).toEqual({ present: 1, winLikelihood: 1 })
    expect(check.missingOrPresent).toBe(1)
    expect(check.fieldMismatches).toBe(1)
  })
})
