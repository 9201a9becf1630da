/**
 * The Customer 360 MRR chart's Chart.js configuration (colours are applied by MrrChart.svelte).
 *
 * No legend, ever: the chart has one series, and the region's heading ("Revenue") and the
 * chart's accessible label already say it is MRR. It must be said explicitly: Chart.js plugins
 * are registered globally, and the dashboard registers `Legend` (with its default
 * `display: true`), so without this the legend appeared once the dashboard had been opened and
 * not before.
 */
import type { ChartConfiguration } from 'chart.js'
import { formatCents, formatDate } from '../data/formatters'
import { formatCompactCents, formatMonth } from './chartFormat'
import type { MrrPoint } from './mrrSeries'

export function mrrChartConfig(currency: string | null): ChartConfiguration<'line', MrrPoint[]> {
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'MRR',
          data: [],
          stepped: 'before',
          fill: 'origin',
          borderWidth: 2,
          pointRadius: 2.5,
          pointHoverRadius: 4
        }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: {
          type: 'linear',
          bounds: 'data',
          ticks: { maxTicksLimit: 6, callback: (value) => formatMonth(Number(value)) },
          grid: { display: false }
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          ticks: {
            maxTicksLimit: 5,
            callback: (value) => formatCompactCents(Number(value), currency)
          },
          grid: {}
        }
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) =>
              items[0] ? formatDate(new Date(items[0].parsed.x ?? 0).toISOString()) : '',
            label: (item) => `MRR ${formatCents(item.parsed.y ?? 0, currency)}`
          }
        }
      }
    }
  }
}
