/**
 * The simulated org's fixed vocabularies: pipeline stages (key + label, in pipeline order),
 * account statuses, tag colours and names, currencies. Shared by the generator, the field
 * schemas the API publishes and the validation of writes, so they can never disagree.
 */

export interface StageOption {
  /** What clients send and filter on ("callers must pass the key rather than the display value"). */
  key: string
  /** The display value. */
  label: string
  /** Closed stages carry an actual close date. */
  closed: 'won' | 'lost' | null
}

/** Kebab-case keys as in the OpenAPI's create example (`"stage": "closed-won"`). */
export const STAGES: readonly StageOption[] = [
  { key: 'meeting-booked', label: 'Meeting Booked', closed: null },
  { key: 'discovery', label: 'Discovery', closed: null },
  { key: 'demo', label: 'Demo', closed: null },
  { key: 'proposal', label: 'Proposal', closed: null },
  { key: 'negotiation', label: 'Negotiation', closed: null },
  { key: 'closed-won', label: 'Closed Won', closed: 'won' },
  { key: 'closed-lost', label: 'Closed Lost', closed: 'lost' }
]

export function stageByKey(key: string): StageOption | undefined {
  return STAGES.find((s) => s.key === key)
}

/** `AccountStatusEnum` in the OpenAPI: "suggested values, but the field accepts any string". */
export const ACCOUNT_STATUSES = [
  'NEW',
  'PROSPECTING',
  'OPPORTUNITY',
  'CUSTOMER',
  'DISQUALIFIED',
  'NURTURE',
  'INBOUND',
  'CHURNED'
] as const

/** `DisplayColorEnum` in the OpenAPI. */
export const TAG_COLORS = [
  'green',
  'blue',
  'red',
  'yellow',
  'purple',
  'berry',
  'peach',
  'gray'
] as const

export const TAG_OBJECTS = ['contacts', 'accounts', 'opportunities'] as const
export type TagObject = (typeof TAG_OBJECTS)[number]

export const TAG_NAMES: Record<TagObject, readonly string[]> = {
  accounts: ['Enterprise', 'Mid-Market', 'SMB', 'High Priority', 'Strategic', 'Partner'],
  contacts: ['Decision Maker', 'Champion', 'Interested', 'Technical Buyer', 'Do Not Call'],
  opportunities: ['High Priority', 'Expansion', 'New Logo', 'Renewal', 'At Risk', 'Upsell']
}

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const

export const HEAT_SCORES = ['Hot', 'Warm', 'Cold'] as const
export const TIERS = ['A', 'B', 'C', 'D'] as const

export const INDUSTRIES = [
  'Software',
  'Artificial Intelligence',
  'Financial Services',
  'Healthcare',
  'E-commerce',
  'Manufacturing',
  'Education',
  'Logistics',
  'Media',
  'Cybersecurity'
] as const

export const RISKS = [
  'Budget constraints',
  'Competing vendor evaluation',
  'Champion left the company',
  'Long procurement cycle',
  'Unclear decision process',
  'Security review pending'
] as const

export const CONTACT_SOURCES = ['api', 'linkedin', 'import', 'website', 'event'] as const
