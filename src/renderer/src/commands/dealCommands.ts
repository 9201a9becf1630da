/**
 * The commands the Opportunities grid makes possible on its selected (or focused, or edited)
 * deals: move stage, set forecast category, set close date, assign owner. Each is offered only
 * when the provider's capability table (and its runtime schema) lets that field be edited;
 * applying goes through the grid's own quick edit, so through the outbox.
 */
import { FORECAST_CATEGORIES } from '../../../shared/domain'
import type { DealField, ProviderCapabilities } from '../../../shared/providers/capabilities'
import type { Command, CommandChoice } from './types'

/** The fields these commands set. */
export type DealCommandField = Extract<
  DealField,
  'pipelineStage' | 'forecastCategory' | 'estimatedCloseDate' | 'owner'
>

export interface DealCommandsInput {
  capabilities: Pick<ProviderCapabilities, 'dealFields'>
  /** Runtime knowledge on top of the table (Monaco's `updatable: false`). */
  canEdit: (field: DealCommandField) => boolean
  /** The deals the commands apply to (uuids), and how to say which they are. */
  targets: readonly string[]
  targetDescription: string
  stageChoices: () => Promise<CommandChoice[]>
  ownerChoices: () => Promise<CommandChoice[]>
  apply: (field: DealCommandField, value: string, uuids: readonly string[]) => void | Promise<void>
}

/** "best_case" → "Best case". */
export function forecastLabel(category: string): string {
  const text = category.replace(/_/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function dealCommands(input: DealCommandsInput): Command[] {
  if (input.targets.length === 0) return []
  const uuids = [...input.targets]
  const editable = (field: DealCommandField): boolean =>
    input.capabilities.dealFields[field]?.editable === true && input.canEdit(field)
  const apply = (field: DealCommandField) => (value: string) => input.apply(field, value, uuids)
  const detail = input.targetDescription
  const list: Command[] = []
  if (editable('pipelineStage')) {
    list.push({
      id: 'deal.moveStage',
      title: 'Move stage…',
      group: 'actions',
      keywords: ['stage', 'pipeline'],
      detail,
      step: {
        kind: 'choose',
        label: 'Stage',
        choices: input.stageChoices,
        apply: apply('pipelineStage')
      }
    })
  }
  if (editable('forecastCategory')) {
    list.push({
      id: 'deal.setForecast',
      title: 'Set forecast category…',
      group: 'actions',
      keywords: ['forecast'],
      detail,
      step: {
        kind: 'choose',
        label: 'Forecast category',
        choices: () =>
          Promise.resolve(
            FORECAST_CATEGORIES.map((value) => ({ value, label: forecastLabel(value) }))
          ),
        apply: apply('forecastCategory')
      }
    })
  }
  if (editable('estimatedCloseDate')) {
    list.push({
      id: 'deal.setCloseDate',
      title: 'Set close date…',
      group: 'actions',
      keywords: ['date', 'close'],
      detail,
      step: { kind: 'date', label: 'Close date', apply: apply('estimatedCloseDate') }
    })
  }
  if (editable('owner')) {
    list.push({
      id: 'deal.assignOwner',
      title: 'Assign owner…',
      group: 'actions',
      keywords: ['owner', 'assign'],
      detail,
      step: { kind: 'choose', label: 'Owner', choices: input.ownerChoices, apply: apply('owner') }
    })
  }
  return list
}
