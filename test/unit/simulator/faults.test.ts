/** Each injected fault is observable, deterministic per seed, and placed before or after writes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../src/main/simulator'
import type { CustomerWire, OpportunityWire } from '../../../src/main/simulator/wire'
import { call, callLoosely, get, startSmall, type LooseResponse } from './support'

function newDeal(customer: CustomerWire) {
  return {
    customer_uuid: customer.uuid,
    owner: 'rep@example.com',
    pipeline: 'New Business',
    pipeline_stage: 'Evaluation',
    estimated_close_date: '2026-02-01',
    currency: 'USD',
    amount_in_cents: 250_000
  }
}

/** A compact label for what a client would have seen. */
function outcome(r: LooseResponse): string {
  if (r.status === null) return 'reset'
  if (!r.complete) return `${r.status}:truncated`
  try {
    JSON.parse(r.text)
    return String(r.status)
  } catch {
    return `${r.status}:${r.text.startsWith('50') ? 'text' : 'malformed'}`
  }
}

describe('fault injection', () => {
  let sim: RunningSimulator
  let customer: CustomerWire
  beforeEach(async () => {
    sim = await startSmall()
    customer = sim.store.customers()[0] as CustomerWire
  })
  afterEach(() => sim.close())

  it('injects 429 and JSON 500 with their bodies', async () => {
    sim.setFaults({ rate429: 1 })
    const limited = await get(sim, '/v1/ping')
    expect(limited.status).toBe(429)
    expect(limited.json()).toEqual({
      code: 429,
      message: 'Your request rate has exceeded our rate limit.',
      param: null
    })
    sim.setFaults({ rate429: 0, rate5xxJson: 1 })
    const failed = await get(sim, '/v1/ping')
    expect(failed.status).toBe(500)
    expect(failed.json()).toMatchObject({ code: 500 })
    expect(sim.stats.faults).toMatchObject({ status429: 1, serverErrorJson: 1 })
  })

  it('sends the configured Retry-After with injected 429s, in either form', async () => {
    const limited = await get(sim, '/v1/ping')
    expect(limited.headers['retry-after']).toBeUndefined()
    sim.setFaults({ rate429: 1, retryAfter: '3600' })
    expect((await get(sim, '/v1/ping')).headers['retry-after']).toBe('3600')
    sim.setFaults({ retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' })
    const dated = await get(sim, '/v1/ping')
    expect(dated.status).toBe(429)
    expect(dated.headers['retry-after']).toBe('Wed, 21 Oct 2026 07:28:00 GMT')
    expect(() => sim.setFaults({ retryAfter: 'two\nlines' })).toThrow(/printable header/)
  })

  it('resets the connection without any response', async () => {
    sim.setFaults({ rateReset: 1 })
    await expect(get(sim, '/v1/ping')).rejects.toThrow(/socket hang up|ECONNRESET/)
    const loose = await callLoosely(sim, 'GET', '/v1/ping')
    expect(loose.status).toBeNull()
    expect(sim.stats.faults.reset).toBe(2)
  })

  it('truncates: the headers promise more body than arrives', async () => {
    sim.setFaults({ rateTruncated: 1 })
    const loose = await callLoosely(sim, 'GET', '/v1/customers?per_page=5')
    expect(loose.status).toBe(200)
    expect(loose.complete).toBe(false)
    expect(loose.contentLength).toBeGreaterThan(Buffer.byteLength(loose.text))
    expect(loose.text.startsWith('{"entries":[')).toBe(true)
    await expect(get(sim, '/v1/ping')).rejects.toThrow()
  })

  it('sends complete responses with malformed JSON', async () => {
    sim.setFaults({ rateMalformed: 1 })
    const res = await get(sim, '/v1/ping')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    expect(() => res.json()).toThrow(SyntaxError)
  })

  it('adds latency (lower bound only: a slow machine can only make it longer)', async () => {
    sim.setFaults({ latencyMs: 120 })
    const started = performance.now()
    expect((await get(sim, '/v1/ping')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(110)
  })

  it('is deterministic for a fault seed, and differs for another seed', async () => {
    const mix = {
      rate429: 0.15,
      rate5xxText: 0.15,
      rate5xxJson: 0.1,
      rateReset: 0.1,
      rateMalformed: 0.1,
      rateTruncated: 0.1
    }
    const run = async (seed: number) => {
      const s = await startSmall({ faults: { ...mix, seed } })
      try {
        const seen: string[] = []
        for (let i = 0; i < 40; i++) seen.push(outcome(await callLoosely(s, 'GET', '/v1/ping')))
        return seen
      } finally {
        await s.close()
      }
    }
    const a = await run(99)
    expect(await run(99)).toEqual(a)
    expect(await run(100)).not.toEqual(a)
    // The mix really produced every kind of outcome.
    expect(new Set(a)).toEqual(
      new Set([
        '200',
        '429',
        '500',
        '500:text',
        '504:text',
        'reset',
        '200:malformed',
        '200:truncated'
      ])
    )
  })

  it('fails 429/5xx/reset BEFORE handling: a failed write changed nothing and is not logged', async () => {
    const before = sim.store.opportunities().length
    sim.setFaults({ rate5xxJson: 1 })
    expect((await call(sim, 'POST', '/v1/opportunities', { body: newDeal(customer) })).status).toBe(
      500
    )
    sim.setFaults({ rate5xxJson: 0, rateReset: 1 })
    await expect(
      call(sim, 'POST', '/v1/opportunities', { body: newDeal(customer) })
    ).rejects.toThrow()
    expect(sim.store.opportunities()).toHaveLength(before)
    expect(sim.mutationLog).toEqual([])
  })

  it('applyThenFail: the create happens, the response is lost (reset)', async () => {
    sim.setFaults({ applyThenFail: true })
    await expect(
      call(sim, 'POST', '/v1/opportunities', { body: newDeal(customer) })
    ).rejects.toThrow(/socket hang up|ECONNRESET/)
    sim.clearFaults()
    const mine = (await get(sim, `/v1/opportunities?customer_uuid=${customer.uuid}`))
      .json<{ entries: OpportunityWire[] }>()
      .entries.filter((o) => o.amount_in_cents === 250_000)
    expect(mine).toHaveLength(1)
    expect(sim.mutationLog).toEqual([
      expect.objectContaining({
        action: 'create',
        uuid: mine[0]?.uuid,
        status: 201,
        applied: true,
        delivery: 'reset'
      })
    ])
    expect(sim.stats.faults.applyThenFail).toBe(1)
  })

  it('applyThenFail in gateway_timeout mode answers 504 text after applying; reads are untouched', async () => {
    const target = sim.store.opportunities()[0] as OpportunityWire
    sim.setFaults({ applyThenFail: 1, applyThenFailMode: 'gateway_timeout' })
    expect((await get(sim, `/v1/opportunities/${target.uuid}`)).status).toBe(200)
    const res = await call(sim, 'PATCH', `/v1/opportunities/${target.uuid}`, {
      body: { win_likelihood: 77 }
    })
    expect(res.status).toBe(504)
    expect(res.text).toBe('504 Gateway Timeout Error')
    expect(sim.store.getOpportunity(target.uuid)?.win_likelihood).toBe(77)
    expect(sim.mutationLog.at(-1)).toMatchObject({
      action: 'update',
      applied: true,
      delivery: 'server_error'
    })
    // A rejected write is not "applied then failed": it gets its normal answer.
    const rejected = await call(sim, 'PATCH', `/v1/opportunities/${target.uuid}`, {
      body: { win_likelihood: 700 }
    })
    expect(rejected.status).toBe(422)
  })

  it('truncated/malformed strike AFTER handling: the write happened', async () => {
    sim.setFaults({ rateTruncated: 1 })
    const loose = await callLoosely(sim, 'POST', '/v1/opportunities', newDeal(customer))
    expect(loose.status).toBe(201)
    expect(loose.complete).toBe(false)
    sim.setFaults({ rateTruncated: 0, rateMalformed: 1 })
    const target = sim.store.opportunities()[3] as OpportunityWire
    const res = await call(sim, 'DELETE', `/v1/opportunities/${target.uuid}`)
    expect(res.status).toBe(200)
    expect(sim.store.getOpportunity(target.uuid)).toBeUndefined()
    expect(sim.mutationLog.map((e) => [e.action, e.applied, e.delivery])).toEqual([
      ['create', true, 'truncated'],
      ['delete', true, 'malformed']
    ])
  })

  it('can target faults at some methods or paths only', async () => {
    sim.setFaults({ rate5xxJson: 1, match: { methods: ['POST'], pathPrefix: '/v1/opportunities' } })
    expect((await get(sim, '/v1/opportunities')).status).toBe(200)
    expect((await call(sim, 'POST', '/v1/opportunities', { body: newDeal(customer) })).status).toBe(
      500
    )
  })

  it('validates settings and can be cleared', async () => {
    expect(() => sim.setFaults({ rate429: 1.5 })).toThrow(/between 0 and 1/)
    expect(() => sim.setFaults({ rate429: 0.6, rateReset: 0.6 })).toThrow(/more than 1/)
    sim.setFaults({ rate429: 1 })
    sim.clearFaults()
    expect((await get(sim, '/v1/ping')).status).toBe(200)
    expect(sim.faults.rate429).toBe(0)
  })
})
