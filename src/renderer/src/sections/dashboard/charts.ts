/**
 * Chart.js configurations for the dashboard, built from aggregates and a palette. No DOM here:
 * the component owns the canvas and the Chart instance. Sums are done in cents by the aggregates;
 * dividing by 100 below is for plotting only.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js'
import type { MonthlyMovement, MovementKind, StageTotal } from './aggregate'
import { withAlpha, type Palette } from './palette'

export interface MoneyFormat {
  /** Full amount, e.g. "$1,234.56". */
  full(cents: number): string
  /** Short axis label, e.g. "$1.2K". */
  compact(cents: number): string
}

export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  newBusiness: 'New business',
  expansion: 'Expansion',
  reactivation: 'Reactivation',
  contraction: 'Contraction',
  churn: 'Churn'
}

export function movementColors(palette: Palette): Record<MovementKind, string> {
  return {
    newBusiness: palette.ok,
    expansion: palette.accent,
    reactivation: withAlpha(palette.ok, 0.5),
    contraction: palette.warn,
    churn: palette.danger
  }
}

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC'
})

/** "Mar 2025" for `2025-03`. */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`))
}

export function stageLabel(stage: Pick<StageTotal, 'pipeline' | 'stage'>): string {
  return `${stage.pipeline} · ${stage.stage}`
}

const toUnits = (cents: number): number => cents / 100
const toCents = (units: number): number => Math.round(units * 100)

function axes(palette: Palette, money: MoneyFormat, stacked: boolean, moneyAxis: 'x' | 'y') {
  const other = moneyAxis === 'x' ? 'y' : 'x'
  return {
    [moneyAxis]: {
      stacked,
      ticks: {
        color: palette.textMuted,
        maxTicksLimit: 6,
        callback: (value: string | number) => money.compact(toCents(Number(value)))
      },
      grid: { color: palette.border },
      border: { color: palette.border }
    },
    [other]: {
      stacked,
      ticks: { color: palette.textMuted },
      grid: { display: false },
      border: { color: palette.border }
    }
  }
}

export function movementsChart(
  movements: readonly MonthlyMovement[],
  palette: Palette,
  money: MoneyFormat
): ChartConfiguration<'bar' | 'line'> {
  const colors = movementColors(palette)
  const kinds = Object.keys(MOVEMENT_LABELS) as MovementKind[]
  return {
    type: 'bar',
    data: {
      labels: movements.map((m) => monthLabel(m.month)),
      datasets: [
        {
          type: 'line',
          label: 'Net MRR movement',
          data: movements.map((m) => toUnits(m.net)),
          borderColor: palette.text,
          backgroundColor: palette.text,
          pointRadius: 2,
          borderWidth: 2,
          stack: 'net',
          order: 0
        },
        ...kinds.map((kind) => ({
          type: 'bar' as const,
          label: MOVEMENT_LABELS[kind],
          data: movements.map((m) => toUnits(m[kind])),
          backgroundColor: colors[kind],
          stack: 'movements',
          order: 1
        }))
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: axes(palette, money, true, 'y'),
      plugins: {
        legend: { labels: { color: palette.text, boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line'>) =>
              `${item.dataset.label ?? ''}: ${money.full(toCents(Number(item.raw)))}`
          }
        }
      }
    }
  }
}

export function pipelineChart(
  stages: readonly StageTotal[],
  palette: Palette,
  money: MoneyFormat
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: stages.map(stageLabel),
      datasets: [
        {
          label: 'Open amount',
          data: stages.map((s) => toUnits(s.amountCents)),
          backgroundColor: withAlpha(palette.accent, 0.8),
          borderColor: palette.accent,
          borderWidth: 1
        }
      ]
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: axes(palette, money, false, 'x'),
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const stage = stages[item.dataIndex]
              const count = stage ? ` (${stage.count} ${stage.count === 1 ? 'deal' : 'deals'})` : ''
              return `${money.full(toCents(Number(item.raw)))}${count}`
            }
          }
        }
      }
    }
  }
}
