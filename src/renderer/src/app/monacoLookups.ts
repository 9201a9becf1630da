/**
 * What a Monaco workspace's views look up beside the records: the opportunity field schema the
 * sync caches in `meta` (stage keys → labels, which fields Monaco lets us change) and people's
 * display names. The one reader of that `meta` entry, so its key lives in one place.
 */
import type {
  MonacoEnumOption,
  MonacoField,
  MonacoFieldSchema,
  MonacoOwner,
  MonacoUser
} from '../../../shared/domain/monaco'
import type { DealField } from '../../../shared/providers/capabilities'
import type { WorkspaceCache } from '../cache'

/**
 * Where the Monaco sync keeps `GET /v1/schemas/opportunities`: `{ schema: MonacoFieldSchema,
 * at: ISO }`, replaced whole by every run.
 */
export const MONACO_OPPORTUNITY_SCHEMA_KEY = 'monaco.opportunitySchema'

function isEnumOption(value: unknown): value is MonacoEnumOption {
  const option = value as Partial<MonacoEnumOption> | null
  return typeof option?.key === 'string' && typeof option.label === 'string'
}

/**
 * The cached schema, or null when none is cached yet (or it is not shaped like one: a view
 * then falls back to keys as labels rather than failing).
 */
export async function readOpportunitySchema(
  cache: WorkspaceCache
): Promise<MonacoFieldSchema | null> {
  const entry = await cache.meta.get(MONACO_OPPORTUNITY_SCHEMA_KEY)
  const stored = entry?.value as { schema?: unknown } | null | undefined
  return asFieldSchema(typeof stored === 'object' && stored !== null ? stored.schema : null)
}

export function asFieldSchema(value: unknown): MonacoFieldSchema | null {
  const schema = value as Partial<MonacoFieldSchema> | null | undefined
  if (typeof schema !== 'object' || schema === null || !Array.isArray(schema.fields)) return null
  const stages = Array.isArray(schema.stages) ? schema.stages.filter(isEnumOption) : null
  return {
    fields: schema.fields.filter(
      (field): field is MonacoField => typeof (field as MonacoField | null)?.key === 'string'
    ),
    stages,
    customFields: Array.isArray(schema.customFields) ? schema.customFields : [],
    skipped: Array.isArray(schema.skipped) ? schema.skipped : []
  }
}

/** Stage key → label, in Monaco's pipeline order. */
export function stageLabels(schema: Pick<MonacoFieldSchema, 'stages'> | null): Map<string, string> {
  return new Map((schema?.stages ?? []).map((option) => [option.key, option.label]))
}

/** A stage's label; an unknown key is shown as it is (never hidden), no stage as ''. */
export function stageLabelOf(labels: ReadonlyMap<string, string>, key: string | null): string {
  if (!key) return ''
  return labels.get(key) ?? key
}

/** "Ada Lovelace", else the email, else the id: something a person recognises. */
export function personName(
  person: Partial<Pick<MonacoUser, 'firstName' | 'lastName' | 'email'>> & { id?: string }
): string {
  const full = [person.firstName, person.lastName]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
  return full || person.email || person.id || ''
}

/** User id → display name, from the cached users. */
export async function readUserNames(cache: WorkspaceCache): Promise<Map<string, string>> {
  const users = await cache.users.toArray()
  return new Map(users.map((user) => [user.id, personName(user)]))
}

/** An owner's name: the cached user's, else what the record embedded. */
export function ownerName(
  owner: MonacoOwner | string | null | undefined,
  users: ReadonlyMap<string, string>
): string {
  if (!owner) return ''
  if (typeof owner === 'string') return users.get(owner) ?? owner
  return users.get(owner.id) ?? personName(owner)
}

/** Where each neutral deal field lives in Monaco's opportunity schema (wire keys). */
export const MONACO_SCHEMA_FIELD: Readonly<Partial<Record<DealField, string>>> = {
  name: 'name',
  customerUuid: 'account_id',
  owner: 'owner',
  pipelineStage: 'stage',
  amountCents: 'amount',
  currency: 'currency_code',
  estimatedCloseDate: 'estimated_close_date',
  tags: 'tags'
}

/**
 * Whether the cached schema lets an existing deal's field change: false only when the schema
 * lists the field with `updatable: false`. No schema (ChartMogul, or not synced yet) or a field
 * it does not list leaves the decision to the capability table.
 */
export function schemaAllowsEdit(schema: MonacoFieldSchema | null, field: DealField): boolean {
  const key = MONACO_SCHEMA_FIELD[field]
  if (!schema || !key) return true
  const entry = schema.fields.find((candidate) => candidate.key === key)
  return entry?.updatable !== false
}
