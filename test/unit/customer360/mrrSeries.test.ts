/** The pure helpers behind the Customer 360 panel: MRR step series, timeline order, labels. */
import { describe, expect, it } from 'vitest'
import {
  buildMrrSeries,
  formatAddress,
  formatAttributeValue,
  humanizeActivityType,
  newestFirst
} from '../../../src/renderer/src/sections/customer360/mrrSeries'

const at = (iso: string): number => Date.parse(iso)

describe('buildMrrSeries', () => {
  it('is empty without activities, even with an end date', () => {
    expect(buildMrrSeries([], at('2024-06-01T00:00:00Z'))).toEqual([])
  })

  it('orders by date whatever the input order, one point per activity valued at MRR after', () => {
    const series = buildMrrSeries([
      { date: '2024-03-01T00:00:00Z', mrrCents: 150_00 },
      { date: '2024-01-01T00:00:00Z', mrrCents: 100_00 },
      { date: '2024-05-01T00:00:00Z', mrrCents: 0 }
    ])
    expect(series).toEqual([
      { x: at('2024-01-01T00:00:00Z'), y: 100_00 },
      { x: at('2024-03-01T00:00:00Z'), y: 150_00 },
      { x: at('2024-05-01T00:00:00Z'), y: 0 }
    ])
  })

  it('keeps the last movement of the same instant (input order breaks ties)', () => {
    const series = buildMrrSeries([
      { date: '2024-01-01T00:00:00Z', mrrCents: 100_00 },
      { date: '2024-02-01T00:00:00Z', mrrCents: 0 },
      { date: '2024-02-01T00:00:00Z', mrrCents: 200_00 }
    ])
    expect(series).toEqual([
      { x: at('2024-01-01T00:00:00Z'), y: 100_00 },
      { x: at('2024-02-01T00:00:00Z'), y: 200_00 }
    ])
  })

  it('extends the current level to the end date, but never backwards', () => {
    const activities = [{ date: '2024-01-01T00:00:00Z', mrrCents: 100_00 }]
    expect(buildMrrSeries(activities, at('2024-04-01T00:00:00Z'))).toEqual([
      { x: at('2024-01-01T00:00:00Z'), y: 100_00 },
      { x: at('2024-04-01T00:00:00Z'), y: 100_00 }
    ])
    expect(buildMrrSeries(activities, at('2023-01-01T00:00:00Z'))).toHaveLength(1)
  })

  it('skips activities with an unreadable date or MRR', () => {
    const series = buildMrrSeries([
      { date: 'not a date', mrrCents: 5 },
      { date: '2024-01-01T00:00:00Z', mrrCents: Number.NaN },
      { date: '2024-02-01T00:00:00Z', mrrCents: 7 }
    ])
    expect(series).toEqual([{ x: at('2024-02-01T00:00:00Z'), y: 7 }])
  })
})

describe('newestFirst', () => {
  it('puts the newest activity first and does not touch the input', () => {
    const input = [
      { uuid: 'a', date: '2024-01-01T00:00:00Z' },
      { uuid: 'c', date: '2024-03-01T00:00:00Z' },
      { uuid: 'b', date: '2024-02-01T00:00:00Z' },
      { uuid: 'd', date: '2024-03-01T00:00:00Z' }
    ]
    expect(newestFirst(input).map((a) => a.uuid)).toEqual(['d', 'c', 'b', 'a'])
    expect(input.map((a) => a.uuid)).toEqual(['a', 'c', 'b', 'd'])
  })
})

describe('labels', () => {
  it('names activity types, known or not', () => {
    expect(humanizeActivityType('new_biz')).toBe('New business')
    expect(humanizeActivityType('churn')).toBe('Churn')
    expect(humanizeActivityType('plan_swap')).toBe('Plan swap')
    expect(humanizeActivityType('')).toBe('Unknown')
  })

  it('renders custom attribute values as text', () => {
    expect(formatAttributeValue('Pro')).toBe('Pro')
    expect(formatAttributeValue('')).toBe('—')
    expect(formatAttributeValue(null)).toBe('—')
    expect(formatAttributeValue(42)).toBe('42')
    expect(formatAttributeValue(false)).toBe('false')
    expect(formatAttributeValue({ seats: 3 })).toBe('{"seats":3}')
    expect(formatAttributeValue(['a', 'b'])).toBe('["a","b"]')
  })

  it('joins the address parts that are present', () => {
    expect(formatAddress({ city: 'Berlin', zip: '10115', country: 'Germany' })).toBe(
      'Berlin, 10115, Germany'
    )
    expect(formatAddress({ city: 'Austin', state: 'TX', zip: '73301', country: 'US' })).toBe(
      'Austin, TX 73301, US'
    )
    expect(formatAddress({ country: 'France' })).toBe('France')
    expect(formatAddress({ city: ' ', state: null })).toBe('')
  })
})
