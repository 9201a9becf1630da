import { describe, expect, it } from 'vitest'
import {
  centsToMajorUnits,
  compareCellDay,
  csvFileName,
  describeRowCount,
  isFindShortcut,
  isoToLocalDay
} from '../../../src/renderer/src/grid/values'

const localMidnight = (y: number, m: number, d: number): Date => new Date(y, m - 1, d)

describe('money filter values', () => {
  it('compares major units: 100 means 100.00, not 100 cents', () => {
    expect(centsToMajorUnits(10_000)).toBe(100)
    expect(centsToMajorUnits(12_345)).toBe(123.45)
    expect(centsToMajorUnits(-995)).toBe(-9.95)
    expect(centsToMajorUnits(0)).toBe(0)
  })

  it('leaves missing amounts blank', () => {
    expect(centsToMajorUnits(null)).toBeNull()
    expect(centsToMajorUnits(undefined)).toBeNull()
    expect(centsToMajorUnits('100')).toBeNull()
    expect(centsToMajorUnits(Number.NaN)).toBeNull()
  })
})

describe('date filter', () => {
  it('reads calendar dates as that day, whatever the time zone', () => {
    expect(isoToLocalDay('2024-03-30')?.getTime()).toBe(localMidnight(2024, 3, 30).getTime())
  })

  it('reads timestamps as the local day they fall on', () => {
    const stamp = '2024-03-30T12:34:56Z'
    const instant = new Date(stamp)
    const expected = localMidnight(instant.getFullYear(), instant.getMonth() + 1, instant.getDate())
    expect(isoToLocalDay(stamp)?.getTime()).toBe(expected.getTime())
  })

  it('rejects what is not a date', () => {
    expect(isoToLocalDay(null)).toBeNull()
    expect(isoToLocalDay('')).toBeNull()
    expect(isoToLocalDay('not a date at all')).toBeNull()
  })

  it('compares whole days: before, same, after', () => {
    const filter = localMidnight(2024, 3, 30)
    expect(compareCellDay(filter, '2024-03-29')).toBe(-1)
    expect(compareCellDay(filter, '2024-03-30')).toBe(0)
    expect(compareCellDay(filter, '2024-03-31')).toBe(1)
    // A timestamp late in the local day still equals that day.
    const late = new Date(2024, 2, 30, 23, 59, 0).toISOString()
    expect(compareCellDay(filter, late)).toBe(0)
    const early = new Date(2024, 2, 30, 0, 0, 1).toISOString()
    expect(compareCellDay(filter, early)).toBe(0)
    expect(compareCellDay(filter, new Date(2024, 2, 31, 0, 0, 1).toISOString())).toBe(1)
  })

  it('accepts Dates and puts blanks before every day', () => {
    const filter = localMidnight(2024, 1, 1)
    expect(compareCellDay(filter, new Date(2024, 0, 1, 15))).toBe(0)
    expect(compareCellDay(filter, null)).toBe(-1)
    expect(compareCellDay(filter, 'garbage')).toBe(-1)
  })
})

describe('grid chrome', () => {
  it('names the CSV after the grid and the local date', () => {
    expect(csvFileName('customers', new Date(2026, 2, 5, 23, 30))).toBe('customers-2026-03-05.csv')
  })

  it('says how many rows are shown of how many', () => {
    expect(describeRowCount(12, 300, 'customers')).toBe(`12 of ${(300).toLocaleString()} customers`)
    expect(describeRowCount(1000, 100000, 'plans')).toBe(
      `${(1000).toLocaleString()} of ${(100000).toLocaleString()} plans`
    )
  })

  it('recognises Ctrl+F and ⌘F only', () => {
    const key = { key: 'f', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }
    expect(isFindShortcut({ ...key, ctrlKey: true })).toBe(true)
    expect(isFindShortcut({ ...key, metaKey: true, key: 'F' })).toBe(true)
    expect(isFindShortcut(key)).toBe(false)
    expect(isFindShortcut({ ...key, ctrlKey: true, shiftKey: true })).toBe(false)
    expect(isFindShortcut({ ...key, ctrlKey: true, key: 'g' })).toBe(false)
  })
})
