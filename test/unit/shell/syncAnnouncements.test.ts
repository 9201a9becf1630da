/**
 * The status bar's live region speaks at the start, at each quarter and at the end of a sync —
 * not on every progress tick — and when the connection's sentence changes.
 */
import { expect, test } from 'vitest'
import {
  initialAnnouncer,
  nextAnnouncement,
  percentDone,
  type ProgressPart,
  type StatusSnapshot
} from '../../../src/renderer/src/shell/syncAnnouncements'

const idle: StatusSnapshot = {
  syncing: false,
  progress: [],
  summary: 'Never synced'
}

const part = (records: number, total: number | null, phase = 'fetching'): ProgressPart => ({
  records,
  estimatedTotal: total,
  phase
})

test('a first sync of thousands of ticks is announced a handful of times', () => {
  let state = initialAnnouncer(idle)
  const texts: string[] = [state.text]
  const see = (snapshot: StatusSnapshot): void => {
    state = nextAnnouncement(state, snapshot)
    if (state.text !== texts.at(-1)) texts.push(state.text)
  }
  see({ ...idle, syncing: true, progress: [part(0, null), part(0, null)] })
  // Two resources, 1,000 records each, reported record by record.
  for (let n = 1; n <= 1_000; n++) {
    see({ ...idle, syncing: true, progress: [part(n, 1_000), part(n, n < 10 ? null : 1_000)] })
  }
  see({ ...idle, syncing: false, summary: 'Last synced 2 Dec 2026, 14:03' })
  expect(texts).toEqual([
    '',
    'Sync started',
    'Sync 25% done',
    'Sync 50% done',
    'Sync 75% done',
    'Last synced 2 Dec 2026, 14:03'
  ])
})

test('nothing is news at first, and the same snapshot again changes nothing', () => {
  const state = initialAnnouncer(idle)
  expect(state.text).toBe('')
  expect(nextAnnouncement(state, idle)).toEqual(state)
})

test('a second sync starts its quarters again', () => {
  let state = nextAnnouncement(initialAnnouncer(idle), { ...idle, syncing: true })
  state = nextAnnouncement(state, { ...idle, syncing: true, progress: [part(80, 100)] })
  state = nextAnnouncement(state, { ...idle, summary: 'Last synced 14:03' })
  state = nextAnnouncement(state, { ...idle, syncing: true })
  expect(state.text).toBe('Sync started')
  state = nextAnnouncement(state, { ...idle, syncing: true, progress: [part(30, 100)] })
  expect(state.text).toBe('Sync 25% done')
})

test('milestones never go backwards when a late total makes the share smaller', () => {
  let state = nextAnnouncement(initialAnnouncer(idle), { ...idle, syncing: true })
  state = nextAnnouncement(state, { ...idle, syncing: true, progress: [part(60, 100)] })
  expect(state.text).toBe('Sync 50% done')
  state = nextAnnouncement(state, {
    ...idle,
    syncing: true,
    progress: [part(60, 100), part(0, 100)]
  })
  expect(state.text).toBe('Sync 50% done')
})

test('the share waits until every unfinished resource knows its total', () => {
  expect(percentDone([part(50, 100), part(10, null)])).toBeNull()
  expect(percentDone([part(100, 100, 'done'), part(0, 100)])).toBe(50)
  expect(percentDone([part(30, 10)])).toBe(100)
  expect(percentDone([])).toBeNull()
})
