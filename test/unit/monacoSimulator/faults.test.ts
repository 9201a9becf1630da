/**
 * Injected failures (the ChartMogul simulator's fault knobs, reused) and the mutation log:
 * a write applied and then left without an answer is recorded as applied, and retrying it
 * with the same idempotency_key returns the deal made the first time instead of a second one.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { call, startSmall } from './support'

describe('Monaco simulator: faults and the mutation log', () => {
  let sim: RunningMonacoSimulator
  beforeAll(async () => {
    sim = await startSmall()
  })
  afterEach(() => sim.clearFaults())
  afterAll(() => sim.close())

  const create = (body: Record<string, unknown>) =>
    call(sim, 'POST', '/v1/opportunities/', { body })
  const deal = (name: string, key: string) => ({
    name,
    account_id: sim.store.all('accounts')[0]?.id,
    idempotency_key: key
  })

  it('injects 429s with the rate-limit headers and Retry-After', async () => {
    sim.setFaults({ rate429: 1, retryAfter: '7' })
    const res = await call(sim, 'GET', '/v1/me')
    expect(res.status).toBe(429)
    expect(res.validated).toBe(true)
    expect(res.headers['retry-after']).toBe('7')
    expect(res.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
  })

  it('injects JSON and plain-text server errors before anything is handled', async () => {
    const before = sim.store.count('opportunities')
    sim.setFaults({ rate5xxJson: 1 })
    const json = await create(deal('never made', randomUUID()))
    expect(json.status).toBe(500)
    expect(json.body).toEqual({
      error: { code: 'internal_error', message: 'Internal server error' }
    })
    sim.setFaults({ rate5xxJson: 0, rate5xxText: 1 })
    const text = await call(sim, 'GET', '/v1/me')
    expect([500, 504]).toContain(text.status)
    expect(text.headers['content-type']).toMatch(/^text\/plain/)
    expect(sim.store.count('opportunities')).toBe(before)
  })

  it('resets the connection without an answer', async () => {
    sim.setFaults({ rateReset: 1 })
    await expect(call(sim, 'GET', '/v1/me')).rejects.toThrow()
    expect(sim.stats.faults.reset).toBeGreaterThan(0)
  })

  it('applies a create, loses its answer, and replays it for the same idempotency_key', async () => {
    const key = randomUUID()
    const body = deal('Lost answer', key)
    sim.setFaults({ applyThenFail: true, applyThenFailMode: 'reset' })
    await expect(create(body)).rejects.toThrow()
    sim.clearFaults()
    const made = sim.store.all('opportunities').filter((o) => o.name === 'Lost answer')
    expect(made).toHaveLength(1)
    const lost = sim.mutationLog.find((e) => e.uuid === made[0]?.id)
    expect(lost).toMatchObject({
      source: 'api',
      action: 'create',
      applied: true,
      delivery: 'reset',
      status: 200
    })

    const retry = await create(body)
    expect(retry.status).toBe(200)
    expect((retry.body as { data: { id: string } }).data.id).toBe(made[0]?.id)
    expect(sim.store.all('opportunities').filter((o) => o.name === 'Lost answer')).toHaveLength(1)
  })

  it('answers 504 after applying when the mode is gateway_timeout, and leaves reads alone', async () => {
    sim.setFaults({ applyThenFail: 1, applyThenFailMode: 'gateway_timeout' })
    expect((await call(sim, 'POST', '/v1/opportunities/list', { body: {} })).status).toBe(200)
    const res = await create(deal('Timed out', randomUUID()))
    expect(res.status).toBe(504)
    expect(sim.mutationLog.at(-1)).toMatchObject({ applied: true, delivery: 'server_error' })
  })

  it('sends half a body, or a body that is not JSON, after handling', async () => {
    sim.setFaults({ rateMalformed: 1 })
    await expect(call(sim, 'GET', '/v1/me')).rejects.toThrow(/JSON/)
    sim.setFaults({ rateMalformed: 0, rateTruncated: 1 })
    await expect(call(sim, 'GET', '/v1/me')).rejects.toThrow()
  })

  it('draws the same faults for the same fault seed', async () => {
    const run = async () => {
      sim.setFaults({ rate5xxJson: 0.5, seed: 99 })
      const statuses: number[] = []
      for (let i = 0; i < 12; i++) statuses.push((await call(sim, 'GET', '/v1/me')).status)
      sim.clearFaults()
      return statuses
    }
    const first = await run()
    expect(new Set(first)).toEqual(new Set([200, 500]))
    expect(await run()).toEqual(first)
  })
})
