/**
 * One connectivity model: the OS's flag and what the last attempts learnt about the provider's
 * server give one state, and every sentence shown for it comes from that state — so the status
 * bar can never say "Online" and "Offline" at once.
 */
import { describe, expect, test } from 'vitest'
import {
  connectivityHeadline,
  connectivityState,
  emptyStateHint,
  holdsPushes,
  outboxWaitReason,
  reachOfFailure,
  type ConnectivityInput
} from '../../../src/renderer/src/lib/connectivityModel'

const AT_0630 = Date.UTC(2026, 0, 1, 6, 30)
const format = (ms: number): string =>
  `${String(new Date(ms).getUTCHours()).padStart(2, '0')}:${String(new Date(ms).getUTCMinutes()).padStart(2, '0')}`
const input = (over: Partial<ConnectivityInput>): ConnectivityInput => ({
  osOnline: true,
  reach: 'unknown',
  nextAttemptAt: null,
  serverWait: null,
  ...over
})

describe('connectivityState', () => {
  test('the OS being offline wins over everything the server said', () => {
    expect(connectivityState(input({ osOnline: false, reach: 'unreachable' }))).toEqual({
      kind: 'offline'
    })
  })
  test('online but the server out of reach carries the scheduler’s next attempt', () => {
    expect(connectivityState(input({ reach: 'unreachable', nextAttemptAt: AT_0630 }))).toEqual({
      kind: 'unreachable',
      retryAt: AT_0630
    })
  })
  test('a pause the server asked for is its own state', () => {
    const wait = { retryAt: AT_0630, requestedUntil: AT_0630 }
    expect(connectivityState(input({ serverWait: wait }))).toEqual({ kind: 'rate_limited', wait })
  })
  test('reachable or not yet known reads as online', () => {
    expect(connectivityState(input({ reach: 'reachable' })).kind).toBe('online')
    expect(connectivityState(input({ reach: 'unknown' })).kind).toBe('online')
  })
})

describe('the sentences', () => {
  test('unreachable while the OS is online: one headline in the provider’s name, never “Online” or “Offline”', () => {
    const state = connectivityState(input({ reach: 'unreachable', nextAttemptAt: AT_0630 }))
    const headline = connectivityHeadline(state, 'ChartMogul', format)
    expect(headline).toBe('ChartMogul cannot be reached — retrying at 06:30')
    expect(headline).not.toMatch(/Online|Offline/)
    expect(outboxWaitReason(state, 'ChartMogul', format)).toBe(
      'Waiting — ChartMogul cannot be reached; next try 06:30'
    )
  })
  test('while an attempt runs there is no next time to give', () => {
    const state = connectivityState(input({ reach: 'unreachable' }))
    expect(connectivityHeadline(state, 'Monaco', format)).toBe(
      'Monaco cannot be reached — trying again now'
    )
  })
  test('offline, and online', () => {
    expect(connectivityHeadline({ kind: 'offline' }, 'ChartMogul', format)).toMatch(/^Offline/)
    expect(connectivityHeadline({ kind: 'online' }, 'ChartMogul', format)).toBe('Online')
    expect(outboxWaitReason({ kind: 'online' }, 'ChartMogul', format)).toBeNull()
    expect(outboxWaitReason({ kind: 'offline' }, 'ChartMogul', format)).toMatch(/offline/)
  })
  test('a server pause gives both times when Revdesk waits less than asked', () => {
    const state = connectivityState(
      input({ serverWait: { retryAt: AT_0630, requestedUntil: AT_0630 + 3_600_000 } })
    )
    expect(connectivityHeadline(state, 'ChartMogul', format)).toBe(
      'ChartMogul asked us to wait until 07:30; Revdesk will try again at 06:30.'
    )
  })
})

test('pushes are held only while offline or out of reach', () => {
  expect(holdsPushes({ kind: 'offline' })).toBe(true)
  expect(holdsPushes({ kind: 'unreachable', retryAt: null })).toBe(true)
  expect(holdsPushes({ kind: 'online' })).toBe(false)
  expect(
    holdsPushes({ kind: 'rate_limited', wait: { retryAt: AT_0630, requestedUntil: AT_0630 } })
  ).toBe(false)
})

test('what a failure says about the server', () => {
  expect(reachOfFailure('network')).toBe('unreachable')
  expect(reachOfFailure('offline')).toBe('unreachable')
  expect(reachOfFailure('rate_limited')).toBe('reachable')
  expect(reachOfFailure('unauthorized')).toBe('reachable')
  expect(reachOfFailure('timeout')).toBeNull()
  expect(reachOfFailure('cancelled')).toBeNull()
})

test('an empty section says when its data can come', () => {
  expect(emptyStateHint({ kind: 'unreachable', retryAt: AT_0630 }, 'ChartMogul', format)).toBe(
    'ChartMogul cannot be reached — retrying at 06:30.'
  )
  expect(emptyStateHint({ kind: 'offline' }, 'ChartMogul', format)).toMatch(/offline/)
  expect(emptyStateHint({ kind: 'online' }, 'ChartMogul', format)).toBeNull()
})
