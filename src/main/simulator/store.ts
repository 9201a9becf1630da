/**
 * The simulated account's live state: indexed, key-ordered lists of customers, plans,
 * activities and opportunities, the writes the API makes to them, and out-of-band helpers that
 * let tests change the account "as someone else" between syncs. Knows nothing about HTTP.
 */
import { describeActivity, nextMrr, type ActivitySpec } from './activityRules'
import { decodeTimestampCursor, encodeTimestampCursor } from './cursor'
import type { DataSourceInfo, Dataset, PlanMeta } from './dataset'
import { isoMillisZ, isoSecondsOffset } from './formats'
import { MutationLog, type MutationLogEntry, type NewMutationLogEntry } from './mutationLog'
import { Rng, deriveSeed } from './random'
import { SortedList, collectPage } from './sortedList'
import { CURRENCY_SIGNS, isLeadStatus } from './vocabulary'
import type { AccountWire, ActivityWire, CustomerWire, OpportunityWire, PlanWire } from './wire'

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor')
  }
}

export interface ListResult<T> {
  entries: T[]
  hasMore: boolean
  /** The cursor to send for the next page; null only for an empty first page. */
  cursor: string | null
}

interface ListQuery<T> {
  cursor?: string
  perPage: number
  match?: (item: T) => boolean
}

export interface ActivityQuery extends ListQuery<ActivityWire> {
  order: 'date' | '-date'
  /** Inclusive bounds, epoch ms. */
  startMs?: number
  endMs?: number
}

/** A validated create: everything but the server-assigned fields. */
export type NewOpportunity = Omit<OpportunityWire, 'uuid' | 'created_at' | 'updated_at'>

/** A validated PATCH: `custom` keys are merged into the existing map. */
export type OpportunityPatch = Partial<NewOpportunity>

export type { ActivitySpec }

interface PlanRow {
  wire: PlanWire
  id: number
  createdMs: number
}
interface PlanKey {
  ms: number
  id: number
}

interface ActivityRow {
  wire: ActivityWire
  ms: number
  seq: number
}
interface ActivityKey {
  ms: number
  seq: number
}

interface OpportunityRow {
  wire: OpportunityWire
  createdMs: number
}
interface OpportunityKey {
  ms: number
  uuid: string
}

export interface StoreOptions {
  /** Server clock for created_at/updated_at and log timestamps; defaults to the wall clock. */
  clock?: () => Date
  /**
   * The caller hands the dataset over and never touches it again, so the store may use it
   * in place instead of deep-copying it (the copy is most of the start-up time at 10k customers).
   */
  adopt?: boolean
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function toMs(value: string | Date): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(ms)) throw new Error(`invalid date: ${String(value)}`)
  return ms
}

export class SimulatorStore {
  readonly account: AccountWire
  readonly dataSources: readonly DataSourceInfo[]
  readonly salesOwners: readonly string[]
  readonly clock: () => Date

  // Customers ascend by id; plans and opportunities are newest first; activities ascend by date.
  private readonly customerList = new SortedList<CustomerWire, number>(
    (c) => c.id,
    (c, id) => c.id - id
  )
  private readonly customersByUuid = new Map<string, CustomerWire>()
  private readonly planList = new SortedList<PlanRow, PlanKey>(
    (p) => ({ ms: p.createdMs, id: p.id }),
    (p, k) => k.ms - p.createdMs || k.id - p.id
  )
  private readonly activityList = new SortedList<ActivityRow, ActivityKey>(
    (a) => ({ ms: a.ms, seq: a.seq }),
    (a, k) => a.ms - k.ms || a.seq - k.seq
  )
  /** Every activity uuid ever issued → its sort key, kept after deletion so cursors still resolve. */
  private readonly activityKeys = new Map<string, ActivityKey>()
  private readonly activitiesByCustomer = new Map<string, ActivityRow[]>()
  private nextActivitySeq = 0
  private readonly opportunityList = new SortedList<OpportunityRow, OpportunityKey>(
    (o) => ({ ms: o.createdMs, uuid: o.wire.uuid }),
    (o, k) => k.ms - o.createdMs || compareStrings(k.uuid, o.wire.uuid)
  )
  private readonly opportunitiesByUuid = new Map<string, OpportunityRow>()
  private readonly log: MutationLog
  private readonly rng: Rng

  constructor(dataset: Dataset, options: StoreOptions = {}) {
    // The store owns its records: later writes must never reach back into the caller's dataset.
    const data = options.adopt ? dataset : structuredClone(dataset)
    this.clock = options.clock ?? (() => new Date())
    this.log = new MutationLog(this.clock)
    this.rng = new Rng(deriveSeed(data.seed, 'runtime'))
    this.account = data.account
    this.dataSources = data.dataSources
    this.salesOwners = data.salesOwners

    this.customerList.load(data.customers.slice().sort((a, b) => a.id - b.id))
    for (const c of data.customers) this.customersByUuid.set(c.uuid, c)

    const planRows = data.plans.map((wire) => {
      const meta: PlanMeta | undefined = data.planMeta[wire.uuid]
      if (!meta) throw new Error(`dataset has no planMeta for ${wire.uuid}`)
      return { wire, id: meta.id, createdMs: Date.parse(meta.createdAt) }
    })
    planRows.sort((a, b) => b.createdMs - a.createdMs || b.id - a.id)
    this.planList.load(planRows)

    const activityRows = data.activities.map((wire) => ({
      wire,
      ms: Date.parse(wire.date),
      seq: 0
    }))
    // Stable sort keeps the dataset's tie order; seq then makes every key unique.
    activityRows.sort((a, b) => a.ms - b.ms)
    for (const row of activityRows) this.indexActivity(row)
    this.activityList.load(activityRows)

    const oppRows = data.opportunities.map((wire) => ({
      wire,
      createdMs: Date.parse(wire.created_at)
    }))
    oppRows.sort((a, b) => b.createdMs - a.createdMs || compareStrings(b.wire.uuid, a.wire.uuid))
    this.opportunityList.load(oppRows)
    for (const row of oppRows) this.opportunitiesByUuid.set(row.wire.uuid, row)
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Live, read-only views in API order (do not mutate; use the write methods). */
  customers(): readonly CustomerWire[] {
    return this.customerList.all()
  }
  plans(): PlanWire[] {
    return this.planList.all().map((p) => p.wire)
  }
  activities(): ActivityWire[] {
    return this.activityList.all().map((a) => a.wire)
  }
  opportunities(): OpportunityWire[] {
    return this.opportunityList.all().map((o) => o.wire)
  }

  getCustomer(uuid: string): CustomerWire | undefined {
    return this.customersByUuid.get(uuid)
  }
  getPlan(uuid: string): PlanWire | undefined {
    return this.planList.all().find((p) => p.wire.uuid === uuid)?.wire
  }
  getOpportunity(uuid: string): OpportunityWire | undefined {
    return this.opportunitiesByUuid.get(uuid)?.wire
  }
  dataSourceOf(uuid: string): DataSourceInfo | undefined {
    return this.dataSources.find((d) => d.uuid === uuid)
  }

  get mutationLog(): readonly MutationLogEntry[] {
    return this.log.all()
  }

  /** Used by the HTTP layer to record API writes; returns the entry so delivery can be updated. */
  recordMutation(entry: NewMutationLogEntry): MutationLogEntry {
    return this.log.append(entry)
  }

  countCustomers(match: (c: CustomerWire) => boolean): number {
    let n = 0
    for (const c of this.customerList.all()) if (match(c)) n++
    return n
  }

  countPlans(match: (p: PlanWire) => boolean): number {
    let n = 0
    for (const p of this.planList.all()) if (match(p.wire)) n++
    return n
  }

  listCustomers(q: ListQuery<CustomerWire>): ListResult<CustomerWire> {
    let start = 0
    if (q.cursor !== undefined) {
      const decoded = decodeTimestampCursor(q.cursor)
      const id = decoded ? Number(decoded.id) : NaN
      if (!Number.isSafeInteger(id)) throw new InvalidCursorError()
      start = this.customerList.upperBound(id)
    }
    const page = collectPage(this.customerList.all(), start, 1, q.perPage, q.match ?? (() => true))
    const last = page.entries[page.entries.length - 1]
    return {
      ...page,
      cursor: last
        ? encodeTimestampCursor(
            last['customer-since'] === null ? null : Date.parse(last['customer-since']),
            last.id
          )
        : (q.cursor ?? null)
    }
  }

  listPlans(q: ListQuery<PlanWire>): ListResult<PlanWire> {
    let start = 0
    if (q.cursor !== undefined) {
      const decoded = decodeTimestampCursor(q.cursor)
      const id = decoded ? Number(decoded.id) : NaN
      if (!decoded || decoded.ms === null || !Number.isSafeInteger(id)) {
        throw new InvalidCursorError()
      }
      start = this.planList.upperBound({ ms: decoded.ms, id })
    }
    const match = q.match ?? (() => true)
    const page = collectPage(this.planList.all(), start, 1, q.perPage, (p) => match(p.wire))
    const last = page.entries[page.entries.length - 1]
    return {
      entries: page.entries.map((p) => p.wire),
      hasMore: page.hasMore,
      cursor: last ? encodeTimestampCursor(last.createdMs, last.id) : (q.cursor ?? null)
    }
  }

  listActivities(q: ActivityQuery): ListResult<ActivityWire> {
    const rows = this.activityList.all()
    const descending = q.order === '-date'
    let start: number
    if (q.cursor !== undefined) {
      const key = this.activityKeys.get(q.cursor)
      if (!key) throw new InvalidCursorError()
      start = descending ? this.activityList.lowerBound(key) - 1 : this.activityList.upperBound(key)
    } else {
      start = descending ? rows.length - 1 : 0
    }
    // Date bounds narrow the walk by binary search instead of scanning the whole history.
    if (!descending && q.startMs !== undefined) {
      start = Math.max(start, this.activityList.lowerBound({ ms: q.startMs, seq: -1 }))
    }
    if (descending && q.endMs !== undefined) {
      const endIndex =
        this.activityList.upperBound({ ms: q.endMs, seq: Number.MAX_SAFE_INTEGER }) - 1
      start = Math.min(start, endIndex)
    }
    const { startMs, endMs } = q
    const stop = descending
      ? (a: ActivityRow) => startMs !== undefined && a.ms < startMs
      : (a: ActivityRow) => endMs !== undefined && a.ms > endMs
    const match = q.match ?? (() => true)
    const page = collectPage(
      rows,
      start,
      descending ? -1 : 1,
      q.perPage,
      (a) => match(a.wire),
      stop
    )
    const last = page.entries[page.entries.length - 1]
    return {
      entries: page.entries.map((a) => a.wire),
      hasMore: page.hasMore,
      cursor: last ? last.wire.uuid : (q.cursor ?? null)
    }
  }

  listOpportunities(q: ListQuery<OpportunityWire>): ListResult<OpportunityWire> {
    let start = 0
    if (q.cursor !== undefined) {
      const decoded = decodeTimestampCursor(q.cursor)
      if (!decoded || decoded.ms === null) throw new InvalidCursorError()
      start = this.opportunityList.upperBound({ ms: decoded.ms, uuid: decoded.id })
    }
    const match = q.match ?? (() => true)
    const page = collectPage(this.opportunityList.all(), start, 1, q.perPage, (o) => match(o.wire))
    const last = page.entries[page.entries.length - 1]
    return {
      entries: page.entries.map((o) => o.wire),
      hasMore: page.hasMore,
      cursor: last ? encodeTimestampCursor(last.createdMs, last.wire.uuid) : (q.cursor ?? null)
    }
  }

  // ---- API writes (the HTTP layer logs them, with status and delivery) -----------------------

  createOpportunity(input: NewOpportunity): OpportunityWire {
    const createdMs = this.clock().getTime()
    const stamp = isoMillisZ(createdMs)
    const wire: OpportunityWire = {
      uuid: this.rng.uuidV1(createdMs),
      customer_uuid: input.customer_uuid,
      owner: input.owner,
      pipeline: input.pipeline,
      pipeline_stage: input.pipeline_stage,
      estimated_close_date: input.estimated_close_date,
      currency: input.currency,
      amount_in_cents: input.amount_in_cents,
      type: input.type,
      forecast_category: input.forecast_category,
      win_likelihood: input.win_likelihood,
      custom: { ...input.custom },
      created_at: stamp,
      updated_at: stamp
    }
    const row = { wire, createdMs }
    this.opportunityList.insert(row)
    this.opportunitiesByUuid.set(wire.uuid, row)
    return wire
  }

  updateOpportunity(uuid: string, patch: OpportunityPatch): OpportunityWire | undefined {
    const row = this.opportunitiesByUuid.get(uuid)
    if (!row) return undefined
    const { custom, ...fields } = patch
    // Only known fields are copied, so a stray key can never reach the wire object.
    const w = row.wire
    if (fields.customer_uuid !== undefined) w.customer_uuid = fields.customer_uuid
    if (fields.owner !== undefined) w.owner = fields.owner
    if (fields.pipeline !== undefined) w.pipeline = fields.pipeline
    if (fields.pipeline_stage !== undefined) w.pipeline_stage = fields.pipeline_stage
    if (fields.estimated_close_date !== undefined) {
      w.estimated_close_date = fields.estimated_close_date
    }
    if (fields.currency !== undefined) w.currency = fields.currency
    if (fields.amount_in_cents !== undefined) w.amount_in_cents = fields.amount_in_cents
    if (fields.type !== undefined) w.type = fields.type
    if (fields.forecast_category !== undefined) w.forecast_category = fields.forecast_category
    if (fields.win_likelihood !== undefined) w.win_likelihood = fields.win_likelihood
    if (custom !== undefined) w.custom = { ...w.custom, ...custom }
    w.updated_at = this.bumpedTimestamp(w.updated_at)
    return w
  }

  deleteOpportunity(uuid: string): boolean {
    const row = this.opportunitiesByUuid.get(uuid)
    if (!row) return false
    this.opportunityList.remove({ ms: row.createdMs, uuid })
    this.opportunitiesByUuid.delete(uuid)
    return true
  }

  /** `updated_at` must move forward even when two writes land in the same millisecond. */
  private bumpedTimestamp(previous: string): string {
    const now = this.clock().getTime()
    return isoMillisZ(Math.max(now, Date.parse(previous) + 1))
  }

  // ---- out-of-band changes: "someone else" edits the account --------------------------------

  /**
   * Changes made outside the API under test, as if by another user or the billing system.
   * Each is recorded in the mutation log with source `out_of_band`.
   */
  readonly outOfBand = {
    addCustomer: (fields: Partial<CustomerWire> = {}): CustomerWire => {
      const customer = this.buildCustomer(fields)
      this.customerList.insert(customer)
      this.customersByUuid.set(customer.uuid, customer)
      this.logOutOfBand('customer', 'create', fields, customer.uuid)
      return customer
    },

    /** Shallow field edit (e.g. a rename in the billing system); ids are not editable. */
    editCustomer: (uuid: string, fields: Partial<CustomerWire>): CustomerWire | undefined => {
      const customer = this.customersByUuid.get(uuid)
      if (!customer) return undefined
      const { id: _id, uuid: _uuid, ...editable } = fields
      Object.assign(customer, editable)
      this.logOutOfBand('customer', 'update', fields, uuid)
      return customer
    },

    /** Deletes the customer with its activities and opportunities, as ChartMogul does. */
    deleteCustomer: (uuid: string): boolean => {
      const customer = this.customersByUuid.get(uuid)
      if (!customer) return false
      this.customerList.remove(customer.id)
      this.customersByUuid.delete(uuid)
      for (const row of this.activitiesByCustomer.get(uuid) ?? []) {
        this.activityList.remove({ ms: row.ms, seq: row.seq })
      }
      this.activitiesByCustomer.delete(uuid)
      for (const row of [...this.opportunitiesByUuid.values()]) {
        if (row.wire.customer_uuid === uuid) this.deleteOpportunity(row.wire.uuid)
      }
      this.logOutOfBand('customer', 'delete', { uuid }, uuid)
      return true
    },

    /**
     * Appends MRR movements to a customer's history, keeping it consistent (running MRR,
     * legal type transitions) and updating the customer's mrr/arr/status/customer-since.
     * Throws on an inconsistent spec, so a test cannot build an impossible history by accident.
     */
    addActivities: (customerUuid: string, specs: readonly ActivitySpec[]): ActivityWire[] => {
      const customer = this.customersByUuid.get(customerUuid)
      if (!customer) throw new Error(`no customer ${customerUuid}`)
      const created = specs.map((spec) => this.appendActivity(customer, spec))
      this.logOutOfBand(
        'activity',
        'create',
        { customer_uuid: customerUuid, activities: specs },
        created[0]?.uuid ?? null
      )
      return created
    },

    addOpportunity: (
      fields: Partial<NewOpportunity> & { customer_uuid: string }
    ): OpportunityWire => {
      const wire = this.createOpportunity({
        owner: this.salesOwners[0] ?? 'sales@example.com',
        pipeline: 'New Business',
        pipeline_stage: 'Discovery',
        estimated_close_date: isoMillisZ(this.clock().getTime()).slice(0, 10),
        currency: this.account.currency,
        amount_in_cents: 100_000,
        type: 'recurring',
        forecast_category: 'pipeline',
        win_likelihood: 10,
        custom: {},
        ...fields
      })
      this.logOutOfBand('opportunity', 'create', fields, wire.uuid)
      return wire
    },

    /** Someone else edits a deal: fields are replaced as given, `updated_at` moves forward. */
    editOpportunity: (uuid: string, patch: OpportunityPatch): OpportunityWire | undefined => {
      const row = this.opportunitiesByUuid.get(uuid)
      if (!row) return undefined
      const { custom, ...rest } = patch
      const wire = this.updateOpportunity(uuid, rest)
      if (wire && custom !== undefined) wire.custom = { ...custom }
      this.logOutOfBand('opportunity', 'update', patch, uuid)
      return wire
    },

    deleteOpportunity: (uuid: string): boolean => {
      const deleted = this.deleteOpportunity(uuid)
      if (deleted) this.logOutOfBand('opportunity', 'delete', { uuid }, uuid)
      return deleted
    }
  }

  private logOutOfBand(
    entity: NewMutationLogEntry['entity'],
    action: NewMutationLogEntry['action'],
    body: unknown,
    uuid: string | null
  ): void {
    this.log.append({
      source: 'out_of_band',
      entity,
      action,
      method: null,
      path: null,
      body: structuredClone(body),
      uuid,
      status: null,
      applied: true,
      delivery: 'n/a'
    })
  }

  private indexActivity(row: ActivityRow): void {
    row.seq = this.nextActivitySeq++
    this.activityKeys.set(row.wire.uuid, { ms: row.ms, seq: row.seq })
    const uuid = row.wire['customer-uuid']
    const list = this.activitiesByCustomer.get(uuid)
    if (list) list.push(row)
    else this.activitiesByCustomer.set(uuid, [row])
  }

  private buildCustomer(fields: Partial<CustomerWire>): CustomerWire {
    const nowMs = this.clock().getTime()
    const last = this.customerList.at(this.customerList.length - 1)
    const id = fields.id ?? (last ? last.id : 110_000_000) + 1
    const source = this.dataSources[0]
    if (!source) throw new Error('account has no data source')
    const name = fields.name ?? `Customer ${id}`
    const externalId = fields.external_id ?? `cus_${this.rng.alnum(14)}`
    const currency = this.account.currency
    const base: CustomerWire = {
      id,
      uuid: `cus_${this.rng.uuidV1(nowMs)}`,
      external_id: externalId,
      name,
      email: '',
      status: 'New Lead',
      'customer-since': null,
      attributes: { custom: {}, clearbit: {}, stripe: {}, tags: [] },
      data_source_uuid: source.uuid,
      data_source_uuids: [source.uuid],
      external_ids: [externalId],
      company: '',
      country: null,
      state: null,
      city: '',
      zip: null,
      lead_created_at: isoMillisZ(nowMs),
      free_trial_started_at: null,
      address: { country: null, state: null, city: '', address_zip: null },
      mrr: 0,
      arr: 0,
      'billing-system-url': null,
      'chartmogul-url': `https://app.chartmogul.com/#/customers/${id}-${name.replace(/\s+/g, '_')}`,
      'billing-system-type': source.system,
      currency,
      'currency-sign': CURRENCY_SIGNS[currency] ?? currency,
      owner: null
    }
    return { ...base, ...fields, id }
  }

  private appendActivity(customer: CustomerWire, spec: ActivitySpec): ActivityWire {
    const history = this.activitiesByCustomer.get(customer.uuid) ?? []
    const previous = history[history.length - 1]
    const currentMrr = previous?.wire['activity-mrr'] ?? 0
    const defaultMs = Math.max(this.clock().getTime(), (previous?.ms ?? 0) + 1000)
    const ms = Math.floor((spec.date === undefined ? defaultMs : toMs(spec.date)) / 1000) * 1000
    if (previous && ms < previous.ms) {
      throw new Error('addActivities: activities must not predate the customer’s last activity')
    }
    const after = nextMrr(spec, currentMrr, history.length > 0)
    const plan =
      spec.planExternalId ??
      previous?.wire['plan-external-id'] ??
      this.planList.all().find((p) => p.wire.data_source_uuid === customer.data_source_uuid)?.wire
        .external_id ??
      'plan'
    const subscription = previous?.wire['subscription-external-id'] ?? `sub_${this.rng.alnum(14)}`
    const wire: ActivityWire = {
      description:
        spec.description ??
        describeActivity(
          spec.type,
          this.planList.all().find((p) => p.wire.external_id === plan)?.wire.name ?? plan
        ),
      'activity-mrr-movement': after - currentMrr,
      'activity-mrr': after,
      'activity-arr': after * 12,
      date: isoSecondsOffset(ms),
      type: spec.type,
      currency: this.account.currency,
      'subscription-external-id': subscription,
      'subscription-set-external-id': subscription,
      'plan-external-id': plan,
      'customer-name': customer.name,
      'customer-uuid': customer.uuid,
      'customer-external-id': customer.external_id,
      'billing-connector-uuid': customer.data_source_uuid,
      uuid: this.rng.uuidV4()
    }
    const row: ActivityRow = { wire, ms, seq: 0 }
    this.indexActivity(row)
    this.activityList.insert(row)

    customer.mrr = after
    customer.arr = after * 12
    if (customer['customer-since'] === null) customer['customer-since'] = isoSecondsOffset(ms)
    if (after === 0) customer.status = 'Cancelled'
    else if (isLeadStatus(customer.status) || customer.status === 'Cancelled') {
      customer.status = 'Active'
    }
    return wire
  }
}
