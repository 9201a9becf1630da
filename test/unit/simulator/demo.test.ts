/** The demo workspace's in-process simulator, as the main process starts it. */
import { describe, expect, it } from 'vitest'
import { DEMO_CUSTOMERS, startDemoWorkspace } from '../../../src/main/simulator'
import { get } from './support'

describe('startDemoWorkspace', () => {
  it('serves a fixed demo account on 127.0.0.1 with a fresh random key each time', async () => {
    const [a, b] = await Promise.all([startDemoWorkspace(), startDemoWorkspace()])
    try {
      for (const demo of [a, b]) {
        expect(new URL(demo.url).hostname).toBe('127.0.0.1')
        expect(demo.port).toBeGreaterThan(0)
        expect((await get(demo, '/v1/ping')).status).toBe(200)
        expect((await get(demo, '/v1/ping', { key: 'demo' })).status).toBe(401)
      }
      expect(a.apiKey).not.toBe(b.apiKey)
      expect(a.apiKey).toMatch(/^demo_[0-9a-f]{32}$/)
      // Same seed, same day: the same account.
      expect(a.store.customers()).toHaveLength(DEMO_CUSTOMERS)
      expect(b.store.customers()).toEqual(a.store.customers())
      // "Today" is the current day, so the pipeline has deals closing in the future.
      const today = new Date().toISOString().slice(0, 10)
      expect(a.store.opportunities().some((o) => o.estimated_close_date > today)).toBe(true)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
