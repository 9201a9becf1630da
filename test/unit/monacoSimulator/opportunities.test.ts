/** Opportunity writes: create (with idempotency_key replay), get, PATCH (tags replace), DELETE. */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { requestProblems } from '../support/monacoOpenApi'
import { call, errorOf, startSmall } from './support'

interface Opp {
  id: string
  name: string
  stage: string
  tags: string[]
  [key: string]: unknown
}
const dataOf = (res: { body: unknown }) => (res.body as { data: Opp }).data

describe('Monaco simulator: opportunity writes', () => {
  let sim: RunningMonacoSimulator
  beforeAll(async () => {
    sim = await startSmall()
  })
  afterAll(() => sim.close())

  function newDeal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const account = sim.store.all('accounts')[0]
    const body = {
      name: 'Simulated expansion',
      account_id: account?.id,
      owner_user_id: sim.store.users()[0]?.id,
      stage: 'proposal',
      estimated_value: { currency_code: 'USD', amount: 42000 },
      estimated_close_date: '2026-03-31',
      notes: 'Created by a test',
      tags: [sim.store.tags('opportunities')[0]?.id],
      ...overrides
    }
    // Through JSON, as on the wire: a key set to undefined is not sent.
    const sent = JSON.parse(JSON.stringify(body)) as Record<string, unknown>
    expect(requestProblems('POST', '/v1/opportunities/', sent)).toEqual([])
    return sent
  }

  it('creates a deal (200) whose response echoes it with the stage label and tag names', async () => {
    const res = await call(sim, 'POST', '/v1/opportunities/', { body: newDeal() })
    expect(res.status).toBe(200)
    expect(res.validated).toBe(true)
    const deal = dataOf(res)
    expect(deal).toMatchObject({
      name: 'Simulated expansion',
      stage: 'Proposal',
      estimated_value: { currency_code: 'USD', amount: 42000 },
      tags: [sim.store.tags('opportunities')[0]?.name],
      risks: []
    })
    expect(sim.store.get('opportunities', deal.id)?.stage).toBe('proposal')
  })

  it('puts a deal without a stage in the first stage of the pipeline', async () => {
    const { STAGES } = await import('../../../src/main/monacoSimulator')
    const res = await call(sim, 'POST', '/v1/opportunities/', {
      body: newDeal({ stage: undefined })
    })
    expect(dataOf(res).stage).toBe(STAGES[0]?.label)
  })

  it('refuses bad creates with 422 and creates nothing', async () => {
    const before = sim.store.count('opportunities')
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ name: undefined }, /name/],
      [{ account_id: randomUUID() }, /account_id/],
      [{ account_id: 'acc_1' }, /account_id/],
      [{ stage: 'Closed Won' }, /closed-won/],
      [{ owner_user_id: randomUUID() }, /owner_user_id/],
      [{ estimated_close_date: '30/09/2026' }, /YYYY-MM-DD/],
      [{ estimated_value: { currency_code: 'usd', amount: 1 } }, /currency_code/],
      [{ tags: [sim.store.tags('accounts')[0]?.id] }, /tags/],
      [{ [`custom_field_${randomUUID()}`]: 'x' }, /custom field/]
    ]
    for (const [overrides, message] of bad) {
      const res = await call(sim, 'POST', '/v1/opportunities/', {
        body: newDealUnchecked(overrides)
      })
      expect(res.status, JSON.stringify(overrides)).toBe(422)
      expect(errorOf(res).message).toMatch(message)
    }
    expect(sim.store.count('opportunities')).toBe(before)
    const refused = sim.mutationLog.filter((e) => e.status === 422)
    expect(refused.length).toBe(bad.length)
    expect(refused.every((e) => !e.applied && e.action === 'create')).toBe(true)
  })

  function newDealUnchecked(overrides: Record<string, unknown>): Record<string, unknown> {
    const account = sim.store.all('accounts')[0]
    return { name: 'x', account_id: account?.id, ...overrides }
  }

  describe('idempotency_key', () => {
    it('answers a repeat with the same body with the original response and creates once', async () => {
      const key = randomUUID()
      const body = newDeal({ idempotency_key: key, name: 'Idempotent deal' })
      const first = await call(sim, 'POST', '/v1/opportunities/', { body })
      const second = await call(sim, 'POST', '/v1/opportunities/', {
        // Same content, other key order: still the same request.
        body: Object.fromEntries(Object.entries(body).reverse())
      })
      expect(second.status).toBe(200)
      expect(second.text).toBe(first.text)
      const made = sim.store.all('opportunities').filter((o) => o.name === 'Idempotent deal')
      expect(made).toHaveLength(1)
      const log = sim.mutationLog.filter((e) => e.uuid === made[0]?.id && e.action === 'create')
      expect(log.map((e) => e.applied)).toEqual([true, false])
    })

    it('refuses the same key with a different body with 422 and creates nothing', async () => {
      const key = randomUUID()
      await call(sim, 'POST', '/v1/opportunities/', { body: newDeal({ idempotency_key: key }) })
      const before = sim.store.count('opportunities')
      const res = await call(sim, 'POST', '/v1/opportunities/', {
        body: newDeal({ idempotency_key: key, name: 'Another name' })
      })
      expect(res.status).toBe(422)
      expect(errorOf(res).code).toBe('idempotency_key_reused')
      expect(sim.store.count('opportunities')).toBe(before)
    })

    it('leaves the key free when the first attempt was refused', async () => {
      const key = randomUUID()
      const refused = await call(sim, 'POST', '/v1/opportunities/', {
        body: newDealUnchecked({ idempotency_key: key, stage: 'nowhere' })
      })
      expect(refused.status).toBe(422)
      const ok = await call(sim, 'POST', '/v1/opportunities/', {
        body: newDeal({ idempotency_key: key })
      })
      expect(ok.status).toBe(200)
    })

    it('refuses a key that is not a UUID', async () => {
      const res = await call(sim, 'POST', '/v1/opportunities/', {
        body: newDealUnchecked({ idempotency_key: 'k1' })
      })
      expect(res.status).toBe(422)
    })
  })

  it('gets a deal with its custom fields and AI explanations', async () => {
    const withWhy = sim.store
      .all('opportunities')
      .find((o) => Object.keys(o.explanations).length > 0)
    const res = await call(sim, 'GET', `/v1/opportunities/${withWhy?.id}`)
    expect(res.status).toBe(200)
    const deal = dataOf(res)
    const fieldId = Object.keys(withWhy?.explanations ?? {})[0]
    expect(deal[`custom_field_${fieldId}`]).toBe(withWhy?.custom[fieldId as string])
    expect(deal['custom_field_explanations']).toHaveProperty(`custom_field_${fieldId}`)
  })

  it('answers 404 for an unknown id and 422 for an id that is not a UUID', async () => {
    const missing = await call(sim, 'GET', `/v1/opportunities/${randomUUID()}`)
    expect(missing.status).toBe(404)
    expect(errorOf(missing).code).toBe('not_found')
    expect((await call(sim, 'GET', '/v1/opportunities/opp_abc123')).status).toBe(422)
    expect((await call(sim, 'GET', '/v1/opportunities/list')).status).toBe(422)
  })

  it('PATCH replaces tags, merges custom fields, clears with null and moves updated_at', async () => {
    const target =
      sim.store.all('opportunities').find((o) => o.tagIds.length >= 1) ??
      sim.store.all('opportunities')[0]
    const id = target?.id as string
    const before = structuredClone(sim.store.get('opportunities', id))
    const newTag = sim.store.tags('opportunities').find((t) => !before?.tagIds.includes(t.id))
    const health = sim.store.customFields('opportunities').find((d) => d.name === 'Deal Health')
    const patch = {
      stage: 'negotiation',
      tags: [newTag?.id],
      notes: null,
      [`custom_field_${health?.id}`]: 'stalled'
    }
    expect(requestProblems('PATCH', `/v1/opportunities/${id}`, patch)).toEqual([])
    const res = await call(sim, 'PATCH', `/v1/opportunities/${id}`, { body: patch })
    expect(res.status).toBe(200)
    const deal = dataOf(res)
    expect(deal.tags).toEqual([newTag?.name])
    expect(deal.stage).toBe('Negotiation')
    expect(deal).not.toHaveProperty('notes')
    expect(deal[`custom_field_${health?.id}`]).toBe('stalled')
    expect(deal['name']).toBe(before?.name)
    expect(Date.parse(deal['updated_at'] as string)).toBeGreaterThan(
      Date.parse(before?.updatedAt as string)
    )
    const otherCustom = Object.keys(before?.custom ?? {}).filter((k) => k !== health?.id)
    for (const k of otherCustom) expect(deal[`custom_field_${k}`]).toBe(before?.custom[k])
  })

  it('PATCH refuses bad values with 422 and an unknown deal with 404', async () => {
    const id = sim.store.all('opportunities')[0]?.id
    expect(
      (await call(sim, 'PATCH', `/v1/opportunities/${id}`, { body: { stage: 'Negotiation' } }))
        .status
    ).toBe(422)
    expect((await call(sim, 'PATCH', `/v1/opportunities/${id}`, { body: [] })).status).toBe(422)
    expect(
      (await call(sim, 'PATCH', `/v1/opportunities/${randomUUID()}`, { body: { notes: 'x' } }))
        .status
    ).toBe(404)
  })

  it('DELETE answers 204 with no body, then the deal is gone', async () => {
    const id = sim.store.all('opportunities')[2]?.id
    const res = await call(sim, 'DELETE', `/v1/opportunities/${id}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect((await call(sim, 'GET', `/v1/opportunities/${id}`)).status).toBe(404)
    expect((await call(sim, 'DELETE', `/v1/opportunities/${id}`)).status).toBe(404)
    expect(sim.mutationLog.at(-1)).toMatchObject({ action: 'delete', status: 404, applied: false })
  })
})
