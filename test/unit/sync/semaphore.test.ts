/**
 * The engine's fetch slots: never more holders than slots; a freed slot goes to the waiter
 * with the highest priority, first come first served among equals; an aborted waiter leaves.
 * The priority a partition asks with: its estimated remaining pages.
 */
import { describe, expect, it } from 'vitest'
import { remainingPagesEstimate } from '../../../src/renderer/src/sync/partitionRunner'
import { Semaphore } from '../../../src/renderer/src/sync/semaphore'

describe('Semaphore', () => {
  it('serves the highest priority first, and FIFO among equal priorities', async () => {
    const semaphore = new Semaphore(1)
    const signal = new AbortController().signal
    const releaseFirst = await semaphore.acquire(signal)
    const order: string[] = []
    const wait = (name: string, priority?: number) =>
      semaphore.acquire(signal, priority).then((release) => {
        order.push(name)
        release()
      })
    const all = Promise.all([wait('low-a', 0), wait('high', 5), wait('low-b'), wait('mid', 2)])
    releaseFirst()
    await all
    expect(order).toEqual(['high', 'mid', 'low-a', 'low-b'])
    expect(semaphore.inFlight).toBe(0)
  })

  it('never lets more than its slots be held, whatever the priorities', async () => {
    const semaphore = new Semaphore(3)
    const signal = new AbortController().signal
    let held = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const release = await semaphore.acquire(signal, i % 7)
        held++
        peak = Math.max(peak, held)
        await new Promise((r) => setTimeout(r, 1))
        held--
        release()
      })
    )
    expect(peak).toBe(3)
    expect(semaphore.inFlight).toBe(0)
  })

  it('drops a waiter whose signal aborts, and the slot goes to the next one', async () => {
    const semaphore = new Semaphore(1)
    const release = await semaphore.acquire(new AbortController().signal)
    const aborted = new AbortController()
    const gone = semaphore.acquire(aborted.signal, 9)
    const next = semaphore.acquire(new AbortController().signal, 1)
    aborted.abort(new Error('stop'))
    await expect(gone).rejects.toThrow('stop')
    release()
    const releaseNext = await next
    expect(semaphore.inFlight).toBe(1)
    releaseNext()
    expect(semaphore.inFlight).toBe(0)
  })
})

describe('remaining pages estimate (fetch priority)', () => {
  const span = { from: '2025-01-01T00:00:00.000Z', to: '2025-01-11T00:00:00.000Z' }
  it('extrapolates a date window from how far through its span it is', () => {
    // 4 pages took it 20% of the way: about 16 to go.
    expect(
      remainingPagesEstimate({ pages: 4, maxDate: '2025-01-03T00:00:00.000Z', span })
    ).toBeCloseTo(16)
    expect(remainingPagesEstimate({ pages: 9, maxDate: '2025-01-11T00:00:00.000Z', span })).toBe(0)
  })

  it('takes the pages so far when nothing tells how far along the partition is', () => {
    expect(remainingPagesEstimate({ pages: 7, maxDate: null })).toBe(7)
    expect(remainingPagesEstimate({ pages: 0, maxDate: null, span })).toBe(0)
    expect(remainingPagesEstimate({ pages: 3, maxDate: '2025-01-01T00:00:00.000Z', span })).toBe(3)
  })
})
