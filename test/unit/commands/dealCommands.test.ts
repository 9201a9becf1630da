/** Deal commands are offered only for fields the provider lets be edited, and apply to their targets. */
import { describe, expect, it, vi } from 'vitest'
import { PROVIDER_CAPABILITIES } from '../../../src/shared/providers/capabilities'
import {
  dealCommands,
  forecastLabel,
  type DealCommandsInput
} from '../../../src/renderer/src/commands/dealCommands'

function input(overrides: Partial<DealCommandsInput> = {}): DealCommandsInput {
  return {
    capabilities: PROVIDER_CAPABILITIES.chartmogul,
    canEdit: () => true,
    targets: ['d1', 'd2'],
    targetDescription: '2 selected opportunities',
    stageChoices: () => Promise.resolve([{ value: 'Won', label: 'Won' }]),
    ownerChoices: () => Promise.resolve([]),
    apply: () => {},
    ...overrides
  }
}

describe('dealCommands', () => {
  it('offers all four on ChartMogul, each a second step, applied to every target', async () => {
    const apply = vi.fn()
    const list = dealCommands(input({ apply }))
    expect(list.map((c) => c.title)).toEqual([
      'Move stage…',
      'Set forecast category…',
      'Set close date…',
      'Assign owner…'
    ])
    expect(list.every((c) => c.detail === '2 selected opportunities')).toBe(true)
    const move = list[0]!.step!
    expect(move.kind).toBe('choose')
    await move.apply('Won')
    expect(apply).toHaveBeenCalledWith('pipelineStage', 'Won', ['d1', 'd2'])
    const forecast = list[1]!.step!
    if (forecast.kind !== 'choose') throw new Error('a choice step')
    expect((await forecast.choices()).map((c) => c.label)).toEqual([
      'Pipeline',
      'Best case',
      'Committed',
      'Lost',
      'Won'
    ])
    expect(list[2]!.step!.kind).toBe('date')
  })

  it('does not offer a forecast category on Monaco, which has no such field', () => {
    const titles = dealCommands(input({ capabilities: PROVIDER_CAPABILITIES.monaco })).map(
      (c) => c.title
    )
    expect(titles).toEqual(['Move stage…', 'Set close date…', 'Assign owner…'])
  })

  it('leaves out a field the runtime schema says cannot change, and everything with no target', () => {
    const titles = dealCommands(
      input({ capabilities: PROVIDER_CAPABILITIES.monaco, canEdit: (f) => f !== 'owner' })
    ).map((c) => c.title)
    expect(titles).toEqual(['Move stage…', 'Set close date…'])
    expect(dealCommands(input({ targets: [] }))).toEqual([])
    expect(forecastLabel('best_case')).toBe('Best case')
  })
})
