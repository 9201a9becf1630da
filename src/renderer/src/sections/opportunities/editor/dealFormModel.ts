/**
 * Which deal fields an editor shows, and how: the provider's capability table (which fields
 * exist, which are required, which can change after creation) merged with what the provider
 * says at runtime — Monaco's cached field schema (`updatable: false` → read-only; the stages
 * with their labels) and its cached users and tags as the choices for owner and tags.
 */
import type { MonacoFieldSchema } from '../../../../../shared/domain/monaco'
import {
  DEAL_FIELDS,
  type DealField,
  type ProviderCapabilities
} from '../../../../../shared/providers/capabilities'
import { schemaAllowsEdit } from '../../../app/monacoLookups'

export type FieldControl =
  'parent' | 'text' | 'select' | 'multiselect' | 'date' | 'currency' | 'amount'

export interface ChoiceOption {
  value: string
  label: string
}

export interface FormFieldSpec {
  field: DealField
  label: string
  required: boolean
  /** false: shown, not changeable here. */
  editable: boolean
  control: FieldControl
  /** For select and multiselect. */
  options?: ChoiceOption[]
}

export interface FormLookups {
  schema: MonacoFieldSchema | null
  /** Users as owner choices (providers whose owner is a user id). */
  users: ChoiceOption[]
  tags: ChoiceOption[]
}

/** The fields this form model renders; custom fields have their own (`customFieldForm.ts`). */
const RENDERED: readonly DealField[] = DEAL_FIELDS.filter((field) => field !== 'custom')

function controlFor(
  field: DealField,
  capabilities: ProviderCapabilities,
  lookups: FormLookups
): Pick<FormFieldSpec, 'control' | 'options'> {
  switch (field) {
    case 'customerUuid':
      return { control: 'parent' }
    case 'owner':
      return capabilities.ownerReference === 'user-id'
        ? { control: 'select', options: lookups.users }
        : { control: 'text' }
    case 'pipelineStage':
      return capabilities.stageSource === 'schema'
        ? {
            control: 'select',
            options: (lookups.schema?.stages ?? []).map((s) => ({ value: s.key, label: s.label }))
          }
        : { control: 'text' }
    case 'estimatedCloseDate':
      return { control: 'date' }
    case 'currency':
      return { control: 'currency' }
    case 'amountCents':
      return { control: 'amount' }
    case 'tags':
      return { control: 'multiselect', options: lookups.tags }
    default:
      return { control: 'text' }
  }
}

export function dealFormModel(
  capabilities: ProviderCapabilities,
  lookups: FormLookups,
  mode: 'create' | 'edit'
): FormFieldSpec[] {
  const specs: FormFieldSpec[] = []
  for (const field of RENDERED) {
    const capability = capabilities.dealFields[field]
    if (!capability) continue
    specs.push({
      field,
      label: capability.label,
      required: capability.required,
      // A create sets every field it has; afterwards only what both the table and the
      // provider's own schema allow.
      editable:
        mode === 'create' || (capability.editable && schemaAllowsEdit(lookups.schema, field)),
      ...controlFor(field, capabilities, lookups)
    })
  }
  return specs
}
