/**
 * The org's custom fields: a few per entity, of each type the filter language treats
 * differently (enum, string, date, number), one of them AI auto-filled (it carries
 * explanations on the opportunity detail response).
 */
import type { Rng } from '../../simulator/random'
import type { CustomFieldDef, EntityName } from '../records'

type Spec = Omit<CustomFieldDef, 'id' | 'entity'>

const opt = (...keys: string[]) =>
  keys.map((key) => ({
    key,
    label: key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
  }))

const SPECS: Record<EntityName, readonly Spec[]> = {
  accounts: [
    {
      name: 'Customer Fit',
      type: 'enum',
      options: opt('high', 'medium', 'low'),
      aiAutoFilled: false
    },
    { name: 'Renewal Date', type: 'date', aiAutoFilled: false },
    { name: 'Seats', type: 'number', aiAutoFilled: false }
  ],
  contacts: [
    {
      name: 'Persona',
      type: 'enum',
      options: opt('buyer', 'champion', 'user', 'executive'),
      aiAutoFilled: false
    },
    { name: 'Last Met', type: 'date', aiAutoFilled: false }
  ],
  opportunities: [
    {
      name: 'Lead Source',
      type: 'enum',
      options: opt('inbound', 'outbound', 'referral', 'partner', 'event'),
      aiAutoFilled: false
    },
    {
      name: 'Forecast Category',
      type: 'enum',
      options: opt('commit', 'best_case', 'pipeline', 'omitted'),
      aiAutoFilled: false
    },
    { name: 'Competitor', type: 'string', aiAutoFilled: false },
    {
      name: 'Deal Health',
      type: 'enum',
      options: opt('healthy', 'at_risk', 'stalled'),
      aiAutoFilled: true
    }
  ]
}

export function generateCustomFields(rng: Rng): CustomFieldDef[] {
  const defs: CustomFieldDef[] = []
  for (const entity of ['accounts', 'contacts', 'opportunities'] as const) {
    for (const spec of SPECS[entity]) defs.push({ ...spec, id: rng.uuidV4(), entity })
  }
  return defs
}

export function fieldsOf(defs: readonly CustomFieldDef[], entity: EntityName): CustomFieldDef[] {
  return defs.filter((d) => d.entity === entity)
}
