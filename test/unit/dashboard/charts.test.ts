import { describe, expect, it } from 'vitest'
import { monthlyMovements } from '../../../src/renderer/src/sections/dashboard/aggregate'
import {
  monthLabel,
  movementsChart,
  pipelineChart,
  stageLabel,
  type MoneyFormat
} from '../../../src/renderer/src/sections/dashboard/charts'
import { readPalette, withAlpha } from '../../../src/renderer/src/sections/dashboard/palette'

const money: MoneyFormat = {
  full: (cents) => `$${(cents / 100).toFixed(2)}`,
  compact: (cents) => `$${Math.round(cents / 100)}`
}

const dark: Record<string, string> = {
  '--text': ' #e6e9ef',
  '--text-muted': '#9aa2b2',
  '--border': '#2e333d',
  '--accent': '#7b9bff',
  '--ok': '#4cc285',
  '--warn': '#e0a93b',
  '--danger': '#ff7a73'
}

describe('palette', () => {
  it('reads the CSS variables, trimmed, with fallbacks for missing ones', () => {
    const palette = readPalette((name) => dark[name] ?? '')
    expect(palette).toEqual({
      text: '#e6e9ef',
      textMuted: '#9aa2b2',
      border: '#2e333d',
      accent: '#7b9bff',
      ok: '#4cc285',
      warn: '#e0a93b',
      danger: '#ff7a73'
    })
    expect(readPalette(() => '').accent).toBe('#2f5bea')
  })

  it('adds alpha to hex colours only', () => {
    expect(withAlpha('#4cc285', 0.5)).toBe('rgba(76, 194, 133, 0.5)')
    expect(withAlpha('#fff', 1)).toBe('rgba(255, 255, 255, 1)')
    expect(withAlpha('rgb(1, 2, 3)', 0.5)).toBe('rgb(1, 2, 3)')
  })
})

describe('chart configurations', () => {
  const palette = readPalette((name) => dark[name] ?? '')

  it('stacks movement bars (contraction and churn below zero) under a net line', () => {
    const months = monthlyMovements([
      { date: '2024-01-05T00:00:00Z', type: 'new_biz', mrrMovementCents: 12_345 },
      { date: '2024-01-06T00:00:00Z', type: 'churn', mrrMovementCents: -2_345 },
      { date: '2024-02-06T00:00:00Z', type: 'contraction', mrrMovementCents: -100 }
    ])
    const config = movementsChart(months, palette, money)
    expect(config.data.labels).toEqual([monthLabel('2024-01'), monthLabel('2024-02')])
    const byLabel = Object.fromEntries(config.data.datasets.map((d) => [d.label, d]))
    expect(byLabel['Net MRR movement']).toMatchObject({ type: 'line', data: [100, -1] })
    expect(byLabel['New business']).toMatchObject({ type: 'bar', data: [123.45, 0] })
    expect(byLabel['Churn']).toMatchObject({ data: [-23.45, 0], backgroundColor: '#ff7a73' })
    expect(byLabel['Contraction']).toMatchObject({ data: [0, -1], backgroundColor: '#e0a93b' })
    const scales = config.options?.scales as Record<string, { stacked?: boolean }>
    expect(scales['x']?.stacked).toBe(true)
    expect(scales['y']?.stacked).toBe(true)
  })

  it('draws one horizontal bar per pipeline stage', () => {
    const config = pipelineChart(
      [
        { pipeline: 'New Business', stage: 'Discovery', count: 2, amountCents: 150_001 },
        { pipeline: 'New Business', stage: 'Negotiation', count: 1, amountCents: 300_000 }
      ],
      palette,
      money
    )
    expect(config.options?.indexAxis).toBe('y')
    expect(config.data.labels).toEqual(['New Business · Discovery', 'New Business · Negotiation'])
    expect(config.data.datasets[0]?.data).toEqual([1500.01, 3000])
    expect(stageLabel({ pipeline: 'P', stage: 'S' })).toBe('P · S')
  })
})
