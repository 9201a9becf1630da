import { describe, expect, it } from 'vitest'
import { mrrChartConfig } from '../../../src/renderer/src/sections/customer360/mrrChartConfig'

describe('the MRR chart configuration', () => {
  it('never shows a legend, whatever Chart.js plugins another view registered', () => {
    // Chart.js reads `plugins.legend.display` only when the Legend plugin is registered (the
    // dashboard registers it globally): the chart must say "no" itself, in every currency.
    for (const currency of ['USD', 'EUR', null]) {
      expect(mrrChartConfig(currency).options?.plugins?.legend?.display).toBe(false)
    }
  })

  it('labels its one series and its tooltips as MRR', () => {
    const config = mrrChartConfig('USD')
    expect(config.data.datasets.map((set) => set.label)).toEqual(['MRR'])
  })
})
