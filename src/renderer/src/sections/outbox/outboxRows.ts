/**
 * How queued changes read in the Outbox section: which deal, what changed (in words, money in
 * the deal's currency), where the change stands, and what the user may do about it. Everything
 * here is plain data in, plain data out, except `loadOutboxLookup`, which reads just the cached
 * rows and customer names the entries mention.
 */
import type { WorkspaceCache } from '../../cache'
import type { PushEntry } from '../../outbox/types'
import type { Opportunity } from '../../../../shared/domain'

/** What a row needs of the cached opportunity (a `CachedOpportunity` fits). */
export type OpportunitySummary = Pick<
  Opportunity,
  'customerUuid' | 'pipeline' | 'pipelineStage' | 'currency'
>

export interface OutboxLookup {
  /** Cached opportunity rows by uuid (local edits already laid over them). */
  readonly opportunities: ReadonlyMap<string, OpportunitySummary>
  /** Customer names by customer uuid. */
  readonly customerNames: ReadonlyMap<string, string>
}

export const EMPTY_LOOKUP: OutboxLookup = { opportunities: new Map(), customerNames: new Map() }

export interface FieldChange {
  field: string
  label: string
  /** The new (local) value, formatted. */
  value: string
  /** The value the change was made against, formatted; null when there was none (a create). */
  previous: string | null
}

export interface RowIssue {
  /** Human field label; null for a complaint about the change as a whole. */
  label: string | null
  message: string
}

export type RowTone = 'neutral' | 'busy' | 'warn' | 'danger'

export interface OutboxRow {
  id: number
  entry: PushEntry
  opportunityUuid: string
  /** "Acme Corp — New Business · Proposal" */
  title: string
  /** "New opportunity", "Edit: Stage, Amount", "Delete" */
  action: string
  /** Where the change stands, in plain words. */
  status: string
  tone: RowTone
  changes: FieldChange[]
  /** The server's complaints about individual fields, for a refused change. */
  issues: RowIssue[]
  /** The deal's currency (for money values), when known. */
  currency: string | null
  canRetry: boolean
  canDiscard: boolean
  canResolve: boolean
  /** The opportunity is in the cache and not being deleted: it can be opened for editing. */
  canEdit: boolean
}

export interface OutboxRowOptions {
  /** For telling a future retry time from a past one (default: the current time). */
  now?: Date
  /** How a retry time reads (default: the user's locale, short time, e.g. "14:05"). */
  formatTime?: (date: Date) => string
  /** The provider's name (default ChartMogul). */
  provider?: string
  /**
   * Whether a push is running now. An entry stored as in flight says "Sending…" only then: one
   * left in flight by an earlier session, or between pushes, is waiting (default true).
   */
  pushing?: boolean
  /**
   * Why nothing is being sent at the moment, from the connectivity model ("Waiting — ChartMogul
   * cannot be reached; next try 06:30"); null when the connection holds nothing back.
   */
  waitReason?: string | null
}

// ---- field labels and values ---------------------------------------------------------------

/** Editable fields in the order the editor shows them (changes are listed in this order). */
const FIELD_ORDER = [
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
  'custom'
] as const

const FIELD_LABELS: Record<string, string> = {
  customerUuid: 'Customer',
  owner: 'Owner',
  pipeline: 'Pipeline',
  pipelineStage: 'Stage',
  estimatedCloseDate: 'Estimated close date',
  currency: 'Currency',
  amountCents: 'Amount',
  amountInCents: 'Amount',
  amount: 'Amount',
  type: 'Type',
  forecastCategory: 'Forecast category',
  winLikelihood: 'Win likelihood',
  custom: 'Custom attributes'
}

function camelCase(value: string): string {
  return value.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())
}

function sentenceCase(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The label a user sees for a field: `pipelineStage` → "Stage". Takes the server's spelling
 * too (`pipeline_stage`, `amount_in_cents`) and dotted paths (`custom.region` →
 * "Custom attributes › region"); an unknown field reads as words ("fooBar" → "Foo bar").
 */
export function fieldLabel(field: string): string {
  const [head = '', ...rest] = field.split('.')
  const key = camelCase(head)
  const label = FIELD_LABELS[key] ?? (sentenceCase(head) || field)
  return rest.length > 0 ? `${label} › ${rest.join('.')}` : label
}

const moneyFormats = new Map<string, Intl.NumberFormat>()
const plainMoney = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2
})
// A calendar date (`YYYY-MM-DD`) is the same day everywhere: formatted at UTC midnight in UTC.
const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/** Integer cents as money in `currency`; a plain decimal when the currency is unknown. */
export function formatMoney(cents: number, currency: string | null): string {
  if (currency === null || !/^[A-Z]{3}$/.test(currency)) return plainMoney.format(cents / 100)
  let format = moneyFormats.get(currency)
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency })
    moneyFormats.set(currency, format)
  }
  return format.format(cents / 100)
}

function formatCalendarDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime())
    ? calendarDate.format(date)
    : value
}

function formatPlain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/**
 * A field's value as the user reads it: money from integer cents in `currency`, calendar dates
 * in the user's locale, "40%", category names in words, custom attributes as "key: value"
 * pairs; "—" for no value.
 */
export function formatFieldValue(field: string, value: unknown, currency: string | null): string {
  if (value === null || value === undefined || value === '') return '—'
  switch (camelCase(field)) {
    case 'amountCents':
    case 'amountInCents':
      return typeof value === 'number' ? formatMoney(value, currency) : formatPlain(value)
    case 'estimatedCloseDate':
      return typeof value === 'string' ? formatCalendarDate(value) : formatPlain(value)
    case 'winLikelihood':
      return typeof value === 'number' ? `${value}%` : formatPlain(value)
    case 'forecastCategory':
    case 'type':
      return typeof value === 'string' ? sentenceCase(value) : formatPlain(value)
    case 'custom': {
      if (typeof value !== 'object' || Array.isArray(value)) return formatPlain(value)
      const pairs = Object.entries(value as Record<string, unknown>)
      if (pairs.length === 0) return 'None'
      return pairs.map(([key, v]) => `${key}: ${formatPlain(v)}`).join(', ')
    }
    default:
      return formatPlain(value)
  }
}

// ---- rows ----------------------------------------------------------------------------------

function orderIndex(field: string): number {
  const index = (FIELD_ORDER as readonly string[]).indexOf(field)
  return index === -1 ? FIELD_ORDER.length : index
}

/** The fields an entry changes, in the editor's order (unknown ones last, as given). */
function changedFields(entry: PushEntry): string[] {
  if (entry.kind === 'delete' || entry.payload === null) return []
  const payload = entry.payload as Record<string, unknown>
  return Object.keys(payload)
    .filter((field) => payload[field] !== undefined)
    .filter((field) => !(entry.kind === 'create' && field === 'customerUuid'))
    .sort((a, b) => orderIndex(a) - orderIndex(b))
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** Where the deal's description comes from: the draft, the cached row, or a delete's snapshot. */
function dealSource(
  entry: PushEntry,
  row: OpportunitySummary | undefined
): Record<string, unknown> | null {
  if (entry.kind === 'create') return entry.payload as Record<string, unknown> | null
  if (entry.kind === 'delete') return entry.baseValues
  // An edit's base values are the *old* values of the fields it changes: no description.
  return (row as Record<string, unknown> | undefined) ?? null
}

function dealTitle(
  entry: PushEntry,
  source: Record<string, unknown> | null,
  names: ReadonlyMap<string, string>
): string {
  const customerUuid = text(source?.['customerUuid'])
  const name =
    (customerUuid === null ? null : text(names.get(customerUuid))) ??
    customerUuid ??
    entry.opportunityUuid
  const where = [text(source?.['pipeline']), text(source?.['pipelineStage'])]
    .filter((part): part is string => part !== null)
    .join(' · ')
  return where === '' ? name : `${name} — ${where}`
}

function actionText(entry: PushEntry, fields: readonly string[]): string {
  if (entry.kind === 'create') return 'New opportunity'
  if (entry.kind === 'delete') return 'Delete'
  return fields.length === 0 ? 'Edit' : `Edit: ${fields.map(fieldLabel).join(', ')}`
}

/** Why a transient failure is being waited out, by normalised error kind. */
const RETRY_REASONS: Record<string, (provider: string) => string> = {
  rate_limited: (p) => `${p} was busy`,
  offline: () => 'this computer was offline',
  network: (p) => `${p} could not be reached`,
  timeout: (p) => `${p} did not answer in time`,
  server: (p) => `${p} had a problem`,
  outcome_unknown: (p) => `the answer from ${p} was lost`,
  bad_response: (p) => `the answer from ${p} could not be read`
}

function retryReason(kind: string | null | undefined, provider: string): string {
  return (kind ? RETRY_REASONS[kind]?.(provider) : undefined) ?? 'the last try failed'
}

const shortTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

interface StatusContext {
  now: Date
  formatTime: (date: Date) => string
  provider: string
  pushing: boolean
  waitReason: string | null
}

function statusOf(entry: PushEntry, context: StatusContext): { status: string; tone: RowTone } {
  const { now, formatTime, provider } = context
  switch (entry.status) {
    case 'in_flight':
      if (context.pushing) return { status: 'Sending…', tone: 'busy' }
      // Not actually on its way (left by an earlier session, or the push ended): it waits.
      return statusOf({ ...entry, status: 'pending' }, context)
    case 'failed':
      return {
        status: `Refused by ${provider}: ${text(entry.lastError) ?? 'no reason was given.'}`,
        tone: 'danger'
      }
    case 'conflict':
      return { status: `Changed in ${provider} too`, tone: 'danger' }
    case 'done':
      return { status: 'Sent', tone: 'neutral' }
    case 'pending': {
      // The connection holds every waiting change back: say that, with the real next try.
      // Neutral: nothing for the user to do here; the status bar carries the warning.
      if (context.waitReason !== null) return { status: context.waitReason, tone: 'neutral' }
      const next = entry.nextAttemptAt ? new Date(entry.nextAttemptAt) : null
      if (next !== null && next.getTime() > now.getTime()) {
        return {
          status: `Will retry at ${formatTime(next)} (${retryReason(entry.lastErrorKind, provider)})`,
          tone: 'warn'
        }
      }
      if (entry.outcomeUnknown === true) {
        return {
          status: `Waiting to send (Revdesk first checks whether ${provider} already has it)`,
          tone: 'neutral'
        }
      }
      return { status: 'Waiting to send', tone: 'neutral' }
    }
  }
}

function changesOf(
  entry: PushEntry,
  fields: readonly string[],
  currency: string | null
): FieldChange[] {
  const payload = (entry.payload ?? {}) as Record<string, unknown>
  const base = entry.kind === 'update' ? (entry.baseValues ?? {}) : {}
  const baseCurrency = text(base['currency']) ?? currency
  return fields.map((field) => ({
    field,
    label: fieldLabel(field),
    value: formatFieldValue(field, payload[field], currency),
    previous: field in base ? formatFieldValue(field, base[field], baseCurrency) : null
  }))
}

function issuesOf(entry: PushEntry): RowIssue[] {
  return (entry.fieldIssues ?? []).map((issue) => ({
    label: issue.field === '' || issue.field === 'request' ? null : fieldLabel(issue.field),
    message: issue.message
  }))
}

/** One display row per entry, in the order given (the push order). */
export function outboxRows(
  entries: readonly PushEntry[],
  lookup: OutboxLookup,
  options: OutboxRowOptions = {}
): OutboxRow[] {
  const context: StatusContext = {
    now: options.now ?? new Date(),
    formatTime: options.formatTime ?? ((date: Date) => shortTime.format(date)),
    provider: options.provider ?? 'ChartMogul',
    pushing: options.pushing ?? true,
    waitReason: options.waitReason ?? null
  }
  return entries.map((entry) => {
    const row = lookup.opportunities.get(entry.opportunityUuid)
    const source = dealSource(entry, row)
    const fields = changedFields(entry)
    const payloadCurrency = text((entry.payload as Record<string, unknown> | null)?.['currency'])
    const currency = payloadCurrency ?? text(source?.['currency'])
    const { status, tone } = statusOf(entry, context)
    const settled =
      entry.status === 'pending' || entry.status === 'failed' || entry.status === 'conflict'
    return {
      id: entry.id ?? -1,
      entry,
      opportunityUuid: entry.opportunityUuid,
      title: dealTitle(entry, source, lookup.customerNames),
      action: actionText(entry, fields),
      status,
      tone,
      changes: changesOf(entry, fields, currency),
      issues: issuesOf(entry),
      currency,
      canRetry: entry.status === 'failed',
      // A create that may already be in ChartMogul cannot be discarded until it is checked.
      canDiscard: settled && !(entry.kind === 'create' && entry.outcomeUnknown === true),
      canResolve: entry.status === 'conflict' && Object.keys(entry.conflicts ?? {}).length > 0,
      canEdit: entry.kind !== 'delete' && row !== undefined
    }
  })
}

// ---- reading the cache ---------------------------------------------------------------------

function customerOf(entry: PushEntry, row: OpportunitySummary | undefined): string | null {
  return text(dealSource(entry, row)?.['customerUuid'])
}

/**
 * The cached rows and customer names these entries mention, read by primary key (never a
 * table scan).
 */
export async function loadOutboxLookup(
  cache: WorkspaceCache,
  entries: readonly PushEntry[]
): Promise<OutboxLookup> {
  const uuids = [...new Set(entries.map((entry) => entry.opportunityUuid))]
  const opportunities = new Map<string, OpportunitySummary>()
  if (uuids.length > 0) {
    for (const row of await cache.opportunities.bulkGet(uuids)) {
      if (row !== undefined) opportunities.set(row.uuid, row)
    }
  }
  const customerUuids = new Set<string>()
  for (const entry of entries) {
    const uuid = customerOf(entry, opportunities.get(entry.opportunityUuid))
    if (uuid !== null) customerUuids.add(uuid)
  }
  const customerNames = new Map<string, string>()
  if (customerUuids.size > 0) {
    for (const customer of await cache.customers.bulkGet([...customerUuids])) {
      const name = text(customer?.name) ?? text(customer?.company)
      if (customer !== undefined && name !== null) customerNames.set(customer.uuid, name)
    }
  }
  return { opportunities, customerNames }
}
