/**
 * `OpportunityCreateRequest` / `OpportunityUpdateRequest` → validated store input. Both allow
 * extra keys (`additionalProperties: true`): `custom_field_<uuid>` keys must name one of the
 * org's opportunity custom fields and carry a value of its type; other extra keys are ignored.
 * References (account, owner, tags) must exist; stage must be a stage key, not its label.
 * Every refusal is a 422 naming the field.
 */
import { parseYmd } from '../../simulator/formats'
import { validationError } from '../errors'
import type { CustomFieldDef, MoneyRecord } from '../records'
import type { MonacoStore, NewOpportunity, OpportunityPatch } from '../store'
import { STAGES, stageByKey } from '../vocabulary'
import { isUuid } from './lookups'

type Body = Record<string, unknown>

const CUSTOM_PREFIX = 'custom_field_'

export function asObject(body: unknown): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationError('The request body must be a JSON object')
  }
  return body as Body
}

function optionalString(body: Body, key: string): string | null | undefined {
  const v = body[key]
  if (v === undefined || v === null) return v
  if (typeof v !== 'string') throw validationError(`${key} must be a string or null`)
  return v
}

function date(body: Body, key: string): string | null | undefined {
  const v = optionalString(body, key)
  if (typeof v === 'string' && parseYmd(v) === null) {
    throw validationError(`${key} must be a date as YYYY-MM-DD, got "${v}"`)
  }
  return v
}

function owner(body: Body, store: MonacoStore): string | null | undefined {
  const v = body['owner_user_id']
  if (v === undefined || v === null) return v
  if (!isUuid(v)) throw validationError('owner_user_id must be a UUID or null')
  const user = store.user(v.toLowerCase())
  if (!user) throw validationError(`owner_user_id: no user ${v} in this organization`)
  return user.id
}

function stage(body: Body): string | null | undefined {
  const v = optionalString(body, 'stage')
  if (typeof v !== 'string') return v
  if (stageByKey(v)) return v
  const byLabel = STAGES.find((s) => s.label.toLowerCase() === v.toLowerCase())
  throw validationError(
    byLabel
      ? `stage takes the stage key "${byLabel.key}", not its display value "${v}"`
      : `stage "${v}" is not a stage of this pipeline; keys: ${STAGES.map((s) => s.key).join(', ')}`
  )
}

function money(body: Body): MoneyRecord | null | undefined {
  const v = body['estimated_value']
  if (v === undefined || v === null) return v
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw validationError('estimated_value must be an object {currency_code, amount} or null')
  }
  const { currency_code: currency = null, amount = null } = v as Record<string, unknown>
  if (currency !== null && (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))) {
    throw validationError('estimated_value.currency_code must be an ISO 4217 code such as "USD"')
  }
  if (
    amount !== null &&
    (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0)
  ) {
    throw validationError('estimated_value.amount must be a whole number ≥ 0')
  }
  return { currencyCode: currency as string | null, amount: amount as number | null }
}

function tags(body: Body, store: MonacoStore): string[] | null | undefined {
  const v = body['tags']
  if (v === undefined || v === null) return v
  if (!Array.isArray(v) || !v.every(isUuid))
    throw validationError('tags must be a list of tag ids (UUIDs)')
  return [...new Set(v.map((id) => id.toLowerCase()))].map((id) => {
    const tag = store.tag(id)
    if (!tag || tag.object !== 'opportunities') {
      throw validationError(
        `tags: ${id} is not an opportunity tag (GET /v1/tags/?object=opportunities)`
      )
    }
    return tag.id
  })
}

function customValue(def: CustomFieldDef, key: string, v: unknown): string | number {
  switch (def.type) {
    case 'enum':
      if (typeof v === 'string' && def.options?.some((o) => o.key === v)) return v
      throw validationError(
        `${key} takes one of ${(def.options ?? []).map((o) => `"${o.key}"`).join(', ')}`
      )
    case 'date':
      if (typeof v === 'string' && parseYmd(v) !== null) return v
      throw validationError(`${key} takes a date as YYYY-MM-DD`)
    case 'number':
      if (typeof v === 'number' && Number.isFinite(v)) return v
      throw validationError(`${key} takes a number`)
    case 'string':
      if (typeof v === 'string') return v
      throw validationError(`${key} takes a string`)
  }
}

/** `custom_field_<uuid>` keys → values by field id; null means "clear". */
function custom(body: Body, store: MonacoStore): Record<string, string | number | null> {
  const defs = store.customFields('opportunities')
  const out: Record<string, string | number | null> = {}
  for (const [key, v] of Object.entries(body)) {
    if (!key.startsWith(CUSTOM_PREFIX)) continue
    const id = key.slice(CUSTOM_PREFIX.length).toLowerCase()
    const def = defs.find((d) => d.id === id)
    if (!def)
      throw validationError(
        `${key} is not a custom field of opportunities (GET /v1/schemas/opportunities)`
      )
    out[id] = v === null ? null : customValue(def, key, v)
  }
  return out
}

export function parseCreate(raw: unknown, store: MonacoStore): NewOpportunity {
  const body = asObject(raw)
  const name = body['name']
  if (typeof name !== 'string' || name.trim() === '') throw validationError('name is required')
  const accountId = body['account_id']
  if (!isUuid(accountId)) throw validationError('account_id is required and must be a UUID')
  if (!store.get('accounts', accountId.toLowerCase())) {
    throw validationError(`account_id: no account ${accountId} in this organization`)
  }
  const values = custom(body, store)
  return {
    name,
    accountId: accountId.toLowerCase(),
    ownerId: owner(body, store) ?? null,
    // "If omitted, the opportunity is placed in the first stage of the org's pipeline."
    stage: stage(body) ?? STAGES[0]?.key ?? null,
    estimatedValue: money(body) ?? null,
    estimatedCloseDate: date(body, 'estimated_close_date') ?? null,
    notes: optionalString(body, 'notes') ?? null,
    tagIds: tags(body, store) ?? [],
    custom: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as Record<
      string,
      string | number
    >
  }
}

/** The create body's `idempotency_key` (uuid or null). */
export function idempotencyKey(raw: unknown): string | null {
  const v = asObject(raw)['idempotency_key']
  if (v === undefined || v === null) return null
  if (!isUuid(v)) throw validationError('idempotency_key must be a UUID or null')
  return v.toLowerCase()
}

/**
 * PATCH: a key that is present replaces the value (null clears it), except `stage` and
 * `tags`, where null leaves the value alone (a deal always has a stage; null is no list).
 */
export function parsePatch(raw: unknown, store: MonacoStore): OpportunityPatch {
  const body = asObject(raw)
  const patch: OpportunityPatch = {}
  if ('name' in body) {
    const name = optionalString(body, 'name')
    if (name !== undefined) patch.name = name
  }
  if ('owner_user_id' in body) patch.ownerId = owner(body, store) ?? null
  const s = stage(body)
  if (typeof s === 'string') patch.stage = s
  if ('estimated_value' in body) patch.estimatedValue = money(body) ?? null
  if ('estimated_close_date' in body)
    patch.estimatedCloseDate = date(body, 'estimated_close_date') ?? null
  if ('actual_close_date' in body) patch.actualCloseDate = date(body, 'actual_close_date') ?? null
  if ('notes' in body) patch.notes = optionalString(body, 'notes') ?? null
  const t = tags(body, store)
  if (t) patch.tagIds = t
  const values = custom(body, store)
  if (Object.keys(values).length > 0) patch.custom = values
  return patch
}
