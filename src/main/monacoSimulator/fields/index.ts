/** Every field of an entity: the standard ones, the org's custom fields, and (hidden) the
 * filter-only related-account custom fields of contacts and opportunities. */
import type { CustomFieldDef, EntityName, RecordOf } from '../records'
import { ACCOUNT_FIELDS } from './accounts'
import { customField, relatedAccountField } from './build'
import { CONTACT_FIELDS } from './contacts'
import { OPPORTUNITY_FIELDS } from './opportunities'
import type { FieldDef } from './types'

const STANDARD: { [E in EntityName]: readonly FieldDef<RecordOf[E]>[] } = {
  accounts: ACCOUNT_FIELDS,
  contacts: CONTACT_FIELDS,
  opportunities: OPPORTUNITY_FIELDS
}

export function fieldsFor<E extends EntityName>(
  entity: E,
  customFields: readonly CustomFieldDef[]
): FieldDef<RecordOf[E]>[] {
  const own = customFields
    .filter((d) => d.entity === entity)
    .map((d) => customField<RecordOf[E]>(d))
  const related =
    entity === 'accounts'
      ? []
      : customFields
          .filter((d) => d.entity === 'accounts')
          .map((d) => relatedAccountField(d) as unknown as FieldDef<RecordOf[E]>)
  return [...(STANDARD[entity] as readonly FieldDef<RecordOf[E]>[]), ...own, ...related]
}

export type { FieldDef, FieldContext, FieldValue, AllowedValue, FieldType } from './types'
