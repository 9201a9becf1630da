/** The status bar's sentence while a sync waits for ChartMogul stays true when Revdesk capped the wait. */
import { expect, test } from 'vitest'
import { serverWaitMessage } from '../../../src/renderer/src/shell/serverWaitMessage'

const at = (hhmm: string): number => Date.parse(`2026-03-02T${hhmm}:00Z`)
const utc = (ms: number): string => new Date(ms).toISOString().slice(11, 16)

test('capped: both the time asked for and the time Revdesk tries again', () => {
  expect(serverWaitMessage({ retryAt: at('10:01'), requestedUntil: at('11:00') }, utc)).toBe(
    'ChartMogul asked us to wait until 11:00; Revdesk will try again at 10:01.'
  )
})

test('not capped: one time', () => {
  expect(serverWaitMessage({ retryAt: at('10:01'), requestedUntil: at('10:01') }, utc)).toBe(
    'ChartMogul asked us to wait until 10:01.'
  )
})

test('the default clock reads 00:05 five minutes after local midnight, not 24:05', () => {
  // `hour12: false` alone picks the h24 cycle in en-US (ICU), so midnight read "24:05".
  const midnight = new Date(2026, 2, 2, 0, 5).getTime()
  const message = serverWaitMessage({ retryAt: midnight, requestedUntil: midnight + 3_600_000 })
  expect(message).toMatch(/until 01:05; Revdesk will try again at 00:05\.$/)
})
