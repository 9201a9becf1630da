/**
 * What each provider can do, as data. Views, the deal editor, validation, Customer/Account 360
 * and the dashboard read this table instead of asking which provider a workspace has: adding a
 * provider is a new row here (and a gateway in main), not a branch in every view.
 *
 * Runtime knowledge refines it: Monaco's field schema (`GET /v1/schemas/opportunities`) says
 * which fields are `updatable` and which stages exist; see `dealFieldsFor` in the renderer.
 */
import type { ProviderId } from './providerId'

/** The deal fields of the provider-neutral model (`shared/domain/opportunity.ts`). */
export const DEAL_FIELDS = [
  'name',
  'customerUuid',
  'owner',
  'pipeline',
  'pipelineStage',
  'estimatedCloseDate',
  'currency',
  'amountCents',
  'type',
  'forecastCategory',
  'winLikelihood',
  'tags',
  'custom'
] as const
export type DealField = (typeof DEAL_FIELDS)[number]

export interface DealFieldCapability {
  /** What the field is called in this provider's words (form labels, column headers). */
  label: string
  /** A create without it is refused locally. */
  required: boolean
  /** false: shown, never edited (set on create only, or derived by the server). */
  editable: boolean
}

/** Every section id any provider shows; each provider lists its own, in sidebar order. */
export type SectionId =
  | 'customers'
  | 'plans'
  | 'activities'
  | 'accounts'
  | 'contacts'
  | 'opportunities'
  | 'dashboard'
  | 'outbox'
  | 'settings'

export interface ProviderCapabilities {
  id: ProviderId
  /** The product's name, as people say it ("ChartMogul cannot be reached"). */
  displayName: string
  /** Sidebar order. */
  sections: readonly SectionId[]
  /** What a deal belongs to: ChartMogul customers, Monaco accounts. */
  dealParent: { section: SectionId; singular: string; plural: string }
  /** Fields a deal has here; a field absent from the table does not exist for this provider. */
  dealFields: Partial<Record<DealField, DealFieldCapability>>
  /** `email`: the owner is a user's email; `user-id`: an id resolved through the users table. */
  ownerReference: 'email' | 'user-id'
  /** `free-text`: any stage name; `schema`: keys from the provider's field schema. */
  stageSource: 'free-text' | 'schema'
  /** A create carries an idempotency key, so an ambiguous one is resent with the same key. */
  idempotentCreates: boolean
  /** `mrr`: MRR movements and churn; `pipeline`: open pipeline by stage (no MRR data). */
  dashboard: 'mrr' | 'pipeline'
  /** Records can be opened in the provider's own web app. */
  opensInProviderApp: boolean
  /**
   * How the workspace's request budget is set: ChartMogul's is requests per second, chosen in
   * Settings; Monaco's is a fixed share of limits its whole organization shares (the limiter in
   * `src/main/monaco/rateLimiter.ts`), said in words instead of offered as a number to change.
   */
  requestBudget:
    { editable: true; label: string; max: number } | { editable: false; description: string }
  apiKey: {
    /** Shown under the key field. */
    hint: string
    /** Where a user finds a key, in the provider's words. */
    whereToFind: string
  }
}

const chartmogul: ProviderCapabilities = {
  id: 'chartmogul',
  displayName: 'ChartMogul',
  sections: [
    'customers',
    'plans',
    'activities',
    'opportunities',
    'dashboard',
    'outbox',
    'settings'
  ],
  dealParent: { section: 'customers', singular: 'customer', plural: 'customers' },
  dealFields: {
    customerUuid: { label: 'Customer', required: true, editable: false },
    owner: { label: 'Owner', required: true, editable: true },
    pipeline: { label: 'Pipeline', required: true, editable: true },
    pipelineStage: { label: 'Stage', required: true, editable: true },
    estimatedCloseDate: { label: 'Estimated close', required: true, editable: true },
    currency: { label: 'Currency', required: true, editable: true },
    amountCents: { label: 'Amount', required: true, editable: true },
    type: { label: 'Type', required: false, editable: true },
    forecastCategory: { label: 'Forecast', required: false, editable: true },
    winLikelihood: { label: 'Win %', required: false, editable: true },
    custom: { label: 'Custom attributes', required: false, editable: true }
  },
  ownerReference: 'email',
  stageSource: 'free-text',
  idempotentCreates: false,
  dashboard: 'mrr',
  opensInProviderApp: true,
  requestBudget: {
    editable: true,
    label: 'Request budget (requests per second, ChartMogul allows 40)',
    max: 40
  },
  apiKey: {
    hint: 'A ChartMogul API key with read and write access.',
    whereToFind: 'ChartMogul → Profile → API keys'
  }
}

const monaco: ProviderCapabilities = {
  id: 'monaco',
  displayName: 'Monaco',
  sections: ['accounts', 'contacts', 'opportunities', 'dashboard', 'outbox', 'settings'],
  dealParent: { section: 'accounts', singular: 'account', plural: 'accounts' },
  dealFields: {
    name: { label: 'Name', required: true, editable: true },
    customerUuid: { label: 'Account', required: true, editable: false },
    owner: { label: 'Owner', required: false, editable: true },
    pipelineStage: { label: 'Stage', required: false, editable: true },
    estimatedCloseDate: { label: 'Estimated close', required: false, editable: true },
    currency: { label: 'Currency', required: false, editable: true },
    amountCents: { label: 'Estimated value', required: false, editable: true },
    tags: { label: 'Tags', required: false, editable: true },
    custom: { label: 'Custom fields', required: false, editable: true }
  },
  ownerReference: 'user-id',
  stageSource: 'schema',
  idempotentCreates: true,
  dashboard: 'pipeline',
  opensInProviderApp: false,
  requestBudget: {
    editable: false,
    description:
      'Monaco allows 100 requests a minute and 1,000 an hour for your whole organization. Revdesk uses at most 80 % of each (80 a minute, 800 an hour), so your teammates keep the rest.'
  },
  apiKey: {
    hint: 'Monaco API keys start with “mks_”.',
    whereToFind: 'Monaco → Settings → API Keys'
  }
}

export const PROVIDER_CAPABILITIES: Readonly<Record<ProviderId, ProviderCapabilities>> = {
  chartmogul,
  monaco
}

export function capabilitiesOf(provider: ProviderId): ProviderCapabilities {
  return PROVIDER_CAPABILITIES[provider]
}
