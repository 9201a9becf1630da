/** Partition builders: every record falls in exactly one partition, whatever the cut points. */
import { expect, test } from 'vitest'
import type { Activity, Opportunity } from '../../../src/shared/domain'
import {
  activityWindows,
  closeDateRanges,
  customerStatusPartitions,
  quantileCuts,
  recordMatchesQuery,
  statusFilterValue
} from '../../../src/renderer/src/sync/partitions'
import { seededRandom } from './support/random'

const activityAt = (date: string) => ({ uuid: date, date }) as Activity
const closingOn = (estimatedCloseDate: string | null) =>
  ({ uuid: String(estimatedCloseDate), estimatedCloseDate }) as Opportunity

test('activity windows cover all time once, boundaries included', () => {
  const random = seededRandom(3)
  const minMs = Date.parse('2022-01-01T00:00:00Z')
  const maxMs = Date.parse('2026-01-01T00:00:00Z')
  const cuts = quantileCuts(
    Array.from({ length: 50 }, () => Math.round(minMs + random() * (maxMs - minMs)) * 1).sort(
      (a, b) => a - b
    ),
    6
  )
  const windows = activityWindows(cuts, { minMs, maxMs })
  expect(windows).toHaveLength(cuts.length + 1)
  expect(windows[0]?.query).not.toHaveProperty('startDate')
  expect(windows.at(-1)?.query).not.toHaveProperty('endDate')
  const instants = [
    ...cuts,
    ...cuts.map((c) => c - 1),
    minMs - 86_400_000,
    maxMs + 86_400_000,
    ...Array.from({ length: 200 }, () => minMs + Math.floor(random() * (maxMs - minMs)))
  ]
  for (const ms of instants) {
    const record = activityAt(new Date(ms).toISOString())
    const matching = windows.filter((w) => recordMatchesQuery('activities', w.query, record))
    expect(matching, record.date).toHaveLength(1)
  }
})

test('close-date ranges cover every date once', () => {
  const ranges = closeDateRanges(['2025-03-01', '2025-06-15', '2026-01-01'])
  expect(ranges.map((r) => r.query)).toEqual([
    { estimatedCloseDateOnOrBefore: '2025-02-28' },
    { estimatedCloseDateOnOrAfter: '2025-03-01', estimatedCloseDateOnOrBefore: '2025-06-14' },
    { estimatedCloseDateOnOrAfter: '2025-06-15', estimatedCloseDateOnOrBefore: '2025-12-31' },
    { estimatedCloseDateOnOrAfter: '2026-01-01' }
  ])
  for (const date of [
    '1999-01-01',
    '2025-02-28',
    '2025-03-01',
    '2025-06-14',
    '2025-06-15',
    '2026-01-01',
    '2030-12-31'
  ]) {
    const matching = ranges.filter((r) =>
      recordMatchesQuery('opportunities', r.query, closingOn(date))
    )
    expect(matching, date).toHaveLength(1)
  }
  // No close date matches no range: the planner keeps such accounts unfiltered.
  expect(ranges.some((r) => recordMatchesQuery('opportunities', r.query, closingOn(null)))).toBe(
    false
  )
})

test('quantile cuts are distinct, ascending and interior', () => {
  expect(quantileCuts([1, 1, 1, 1, 2, 2, 3, 3], 4)).toEqual([2, 3])
  expect(quantileCuts([5, 5, 5, 5], 4)).toEqual([])
  expect(quantileCuts(['a', 'b', 'c', 'd', 'e', 'f'], 3)).toEqual(['c', 'e'])
})

test('status partitions use the list filter spelling', () => {
  expect(statusFilterValue('New Lead')).toBe('New_Lead')
  expect(customerStatusPartitions().map((p) => p.query)).toContainEqual({ status: 'Past_Due' })
  expect(customerStatusPartitions()).toHaveLength(7)
})
