/**
 * An Outbox row says "Sending…" only while its request is really on its way, and a waiting row
 * says why, in the provider's name, from the one connectivity model.
 */
import { expect, test } from 'vitest'
import { outboxRows, EMPTY_LOOKUP } from '../../../src/renderer/src/sections/outbox/outboxRows'
import {
  connectivityState,
  outboxWaitReason
} from '../../../src/renderer/src/lib/connectivityModel'
import type { PushEntry } from '../../../src/renderer/src/outbox'

const NOW = new Date('2030-06-01T12:00:00.000Z')
const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16)

function entry(fields: Partial<PushEntry> = {}): PushEntry {
  return {
    id: 1,
    opportunityUuid: 'opp_1',
    kind: 'update',
    payload: { pipelineStage: 'Proposal' },
    baseValues: { pipelineStage: 'Discovery' },
    status: 'pending',
    createdAt: '2030-06-01T11:00:00.000Z',
    attempts: 1,
    lastError: null,
    ...fields
  }
}

const unreachable = outboxWaitReason(
  connectivityState({
    osOnline: true,
    reach: 'unreachable',
    nextAttemptAt: Date.parse('2030-06-01T12:04:00.000Z'),
    serverWait: null
  }),
  'ChartMogul',
  hhmm
)

test('a stored "in flight" entry is "Sending…" only while a push runs', () => {
  const inFlight = entry({ status: 'in_flight' })
  expect(outboxRows([inFlight], EMPTY_LOOKUP, { now: NOW, pushing: true })[0]?.status).toBe(
    'Sending…'
  )
  expect(outboxRows([inFlight], EMPTY_LOOKUP, { now: NOW, pushing: false })[0]?.status).toBe(
    'Waiting to send'
  )
})

test('server out of reach: waiting rows say so, with the scheduler’s next try', () => {
  const backingOff = entry({
    nextAttemptAt: '2030-06-01T12:00:10.000Z',
    lastErrorKind: 'network',
    lastError: 'connect ECONNREFUSED'
  })
  const rows = outboxRows([backingOff, entry({ id: 2, status: 'in_flight' })], EMPTY_LOOKUP, {
    now: NOW,
    pushing: false,
    waitReason: unreachable
  })
  expect(rows.map((r) => r.status)).toEqual([
    'Waiting — ChartMogul cannot be reached; next try 12:04',
    'Waiting — ChartMogul cannot be reached; next try 12:04'
  ])
  expect(rows.every((r) => r.tone === 'neutral')).toBe(true)
})

test('refusals and conflicts keep their own words, in the provider’s name', () => {
  const rows = outboxRows(
    [
      entry({ status: 'failed', lastError: 'Amount is invalid.' }),
      entry({ id: 2, status: 'conflict' })
    ],
    EMPTY_LOOKUP,
    { now: NOW, waitReason: unreachable, provider: 'Monaco' }
  )
  expect(rows.map((r) => r.status)).toEqual([
    'Refused by Monaco: Amount is invalid.',
    'Changed in Monaco too'
  ])
})
