/**
 * The simulated org's live state: records by entity, the listing (filter → sort → page) over
 * them, the API's opportunity writes, and out-of-band changes tests make "as someone else"
 * (including page drift: records appearing or vanishing between two pages of one pass).
 * Knows nothing about HTTP.
 */
import type { Faker } from '@faker-js/faker'
import {
  MutationLog,
  type MutationLogEntry,
  type NewMutationLogEntry
} from '../simulator/mutationLog'
import { createFaker, deriveSeed, Rng } from '../simulator/random'
import type { MonacoDataset } from './dataset'
import { fieldsFor, type FieldContext, type FieldDef } from './fields'
import { generateAccount } from './generate/accounts'
import { generateContact } from './generate/contacts'
import { fieldsOf } from './generate/customFields'
import { generateOpportunity } from './generate/opportunities'
import { compileFilters } from './query/filters'
import type { ListRequest } from './query/listRequest'
import { pageOf, type PaginationWire } from './query/paging'
import { sortField, sortRecords } from './query/sorting'
import {
  isoSeconds,
  type CustomFieldDef,
  type EntityName,
  type OpportunityRecord,
  type OrgRecord,
  type RecordOf,
  type TagRecord,
  type UserRecord
} from './records'
import type { TagObject } from './vocabulary'

export type MonacoMutationEntity = 'account' | 'contact' | 'opportunity'
export type MonacoMutationLogEntry = MutationLogEntry<MonacoMutationEntity>

const ENTITY_OF: Record<EntityName, MonacoMutationEntity> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity'
}

/** A validated create, in store terms. */
export type NewOpportunity = Pick<
  OpportunityRecord,
  | 'name'
  | 'accountId'
  | 'ownerId'
  | 'stage'
  | 'estimatedValue'
  | 'estimatedCloseDate'
  | 'notes'
  | 'tagIds'
  | 'custom'
>

/** A validated PATCH: given keys replace (`tagIds` too); `custom` keys merge, null clears. */
export type OpportunityPatch = Partial<
  Omit<NewOpportunity, 'accountId' | 'custom'> & Pick<OpportunityRecord, 'actualCloseDate'>
> & { custom?: Record<string, string | number | null> }

export interface StoreOptions {
  /** Server clock for created/updated times, "now" in date filters and the log; default wall clock. */
  clock?: () => Date
  /** Seeds the records that out-of-band helpers make up; default 1. */
  seed?: number
}

export interface ListOutcome<R> {
  records: R[]
  pagination: PaginationWire
}

type Tables = { [E in EntityName]: Map<string, RecordOf[E]> }

export class MonacoStore {
  readonly org: OrgRecord
  readonly clock: () => Date
  private readonly userList: UserRecord[]
  private readonly tagList: TagRecord[]
  private readonly customFieldList: CustomFieldDef[]
  private readonly tables: Tables
  private readonly fieldMaps: { [E in EntityName]: Map<string, FieldDef<RecordOf[E]>> }
  /** Sorted listings by `entity:key:direction`, dropped on any change. */
  private sortCache = new Map<string, readonly unknown[]>()
  private readonly log: MutationLog<MonacoMutationEntity>
  private readonly rng: Rng
  private readonly faker: Faker

  constructor(dataset: MonacoDataset, options: StoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date())
    const data = structuredClone(dataset)
    this.org = data.org
    this.userList = data.users
    this.tagList = data.tags
    this.customFieldList = data.customFields
    this.tables = {
      accounts: new Map(data.accounts.map((r) => [r.id, r])),
      contacts: new Map(data.contacts.map((r) => [r.id, r])),
      opportunities: new Map(data.opportunities.map((r) => [r.id, r]))
    }
    const mapOf = <E extends EntityName>(entity: E) =>
      new Map(fieldsFor(entity, this.customFieldList).map((f) => [f.key, f]))
    this.fieldMaps = {
      accounts: mapOf('accounts'),
      contacts: mapOf('contacts'),
      opportunities: mapOf('opportunities')
    }
    this.log = new MutationLog(this.clock)
    const seed = options.seed ?? 1
    this.rng = new Rng(deriveSeed(seed, 'out-of-band'))
    this.faker = createFaker(deriveSeed(seed, 'out-of-band'))
  }

  // ---- reads ----------------------------------------------------------------------------

  users(): readonly UserRecord[] {
    return this.userList
  }

  user(id: string): UserRecord | undefined {
    return this.userList.find((u) => u.id === id)
  }

  tags(object?: TagObject): readonly TagRecord[] {
    return object === undefined ? this.tagList : this.tagList.filter((t) => t.object === object)
  }

  tag(id: string): TagRecord | undefined {
    return this.tagList.find((t) => t.id === id)
  }

  customFields(entity: EntityName): readonly CustomFieldDef[] {
    return fieldsOf(this.customFieldList, entity)
  }

  /** The fields `GET /v1/schemas/{entity}` lists (filter-only related fields excluded). */
  fields<E extends EntityName>(entity: E): FieldDef<RecordOf[E]>[] {
    return [...this.fieldMaps[entity].values()].filter((f) => !f.hidden) as FieldDef<RecordOf[E]>[]
  }

  fieldContext(): FieldContext {
    return {
      users: this.userList,
      tags: this.tagList,
      accountById: (id) => this.tables.accounts.get(id),
      nowMs: this.clock().getTime()
    }
  }

  all<E extends EntityName>(entity: E): RecordOf[E][] {
    return [...(this.tables[entity] as Map<string, RecordOf[E]>).values()]
  }

  count(entity: EntityName): number {
    return this.tables[entity].size
  }

  get<E extends EntityName>(entity: E, id: string): RecordOf[E] | undefined {
    return (this.tables[entity] as Map<string, RecordOf[E]>).get(id)
  }

  /** Filter, sort and page as `POST /v1/{entity}/list` does; throws `ApiError` 422 on a bad query. */
  list<E extends EntityName>(entity: E, request: ListRequest): ListOutcome<RecordOf[E]> {
    type R = RecordOf[E]
    const fields = this.fieldMaps[entity] as unknown as Map<string, FieldDef<R>>
    const ctx = this.fieldContext()
    const field = sortField(request.sort.key, fields)
    const match = compileFilters<R>(request.filters, fields, ctx)
    const cacheKey = `${entity}:${field.key}:${request.sort.descending}`
    let sorted = this.sortCache.get(cacheKey) as R[] | undefined
    if (!sorted) {
      sorted = sortRecords<R>(this.all(entity), field, request.sort.descending, ctx)
      this.sortCache.set(cacheKey, sorted)
    }
    const matching =
      request.filters.kind === 'group' && request.filters.filters.length === 0
        ? sorted
        : sorted.filter(match)
    const { data, pagination } = pageOf(matching, request.page, request.pageSize)
    return { records: data, pagination }
  }

  // ---- API writes (opportunities) --------------------------------------------------------

  createOpportunity(input: NewOpportunity): OpportunityRecord {
    const now = isoSeconds(this.clock().getTime())
    const record: OpportunityRecord = {
      id: this.rng.uuidV4(),
      ...structuredClone(input),
      actualCloseDate: null,
      summary: null,
      risks: [],
      lastActivityAt: null,
      updatedAt: now,
      createdAt: now,
      explanations: {}
    }
    this.put('opportunities', record)
    return record
  }

  updateOpportunity(id: string, patch: OpportunityPatch): OpportunityRecord | undefined {
    const record = this.tables.opportunities.get(id)
    if (!record) return undefined
    const { custom, ...fields } = structuredClone(patch)
    Object.assign(record, fields)
    for (const [fieldId, value] of Object.entries(custom ?? {})) {
      if (value === null) delete record.custom[fieldId]
      else record.custom[fieldId] = value
    }
    record.updatedAt = this.nextUpdatedAt(record.updatedAt)
    this.changed()
    return record
  }

  deleteOpportunity(id: string): boolean {
    const deleted = this.tables.opportunities.delete(id)
    if (deleted) this.changed()
    return deleted
  }

  // ---- the mutation log -----------------------------------------------------------------

  get mutationLog(): readonly MonacoMutationLogEntry[] {
    return this.log.all()
  }

  recordMutation(entry: NewMutationLogEntry<MonacoMutationEntity>): MonacoMutationLogEntry {
    return this.log.append(entry)
  }

  // ---- out-of-band changes: "someone else" edits the org --------------------------------

  /**
   * Changes made outside the API under test (another user, an import, the AI filling fields).
   * New records are made up from the store's own seeded stream and are the newest by default
   * (`created_at` = now), so with the default `-created_at` sort they push every later page
   * one row down: the page drift an offset-paged pass must survive. Each change is logged
   * with source `out_of_band`.
   */
  readonly outOfBand = {
    add: <E extends EntityName>(
      entity: E,
      fields: Partial<RecordOf[E]> = {},
      count = 1
    ): RecordOf[E][] => {
      const made: RecordOf[E][] = []
      for (let i = 0; i < count; i++) {
        const record = { ...this.makeUp(entity), ...structuredClone(fields) } as RecordOf[E]
        this.put(entity, record)
        this.logOutOfBand(entity, 'create', fields, record.id)
        made.push(record)
      }
      return made
    },

    /** Shallow field edit; `updated_at` moves forward unless given. The id cannot change. */
    edit: <E extends EntityName>(
      entity: E,
      id: string,
      fields: Partial<RecordOf[E]>
    ): RecordOf[E] | undefined => {
      const record = this.get(entity, id)
      if (!record) return undefined
      const { id: _id, ...rest } = structuredClone(fields) as Partial<RecordOf[E]> & { id?: string }
      Object.assign(record, { updatedAt: this.nextUpdatedAt(record.updatedAt) }, rest)
      this.changed()
      this.logOutOfBand(entity, 'update', fields, id)
      return record
    },

    remove: (entity: EntityName, id: string): boolean => {
      const deleted = this.tables[entity].delete(id)
      if (deleted) {
        this.changed()
        this.logOutOfBand(entity, 'delete', { id }, id)
      }
      return deleted
    },

    /**
     * Removes the records an unfiltered listing in `sort` order shows at positions
     * `index..index+count-1` (0-based, across pages): "the row a client is about to reach".
     */
    removeListed: (
      entity: EntityName,
      index: number,
      count = 1,
      sort = '-created_at'
    ): string[] => {
      const everything = this.list(entity, {
        filters: { kind: 'group', operator: 'and', filters: [] },
        page: 1,
        pageSize: Number.MAX_SAFE_INTEGER,
        sort: sort.startsWith('-')
          ? { key: sort.slice(1), descending: true }
          : { key: sort, descending: false },
        includeCustomFields: false
      })
      const ids = everything.records.slice(index, index + count).map((r) => r.id)
      for (const id of ids) this.outOfBand.remove(entity, id)
      return ids
    }
  }

  // ---- internals ------------------------------------------------------------------------

  private put<E extends EntityName>(entity: E, record: RecordOf[E]): void {
    ;(this.tables[entity] as Map<string, RecordOf[E]>).set(record.id, record)
    this.changed()
  }

  private changed(): void {
    this.sortCache = new Map()
  }

  /** Strictly later than the previous value, even when the clock has not moved a second. */
  private nextUpdatedAt(previous: string): string {
    return isoSeconds(Math.max(this.clock().getTime(), Date.parse(previous) + 1000))
  }

  private makeUp<E extends EntityName>(entity: E): RecordOf[E] {
    const nowMs = this.clock().getTime()
    const base = { rng: this.rng, faker: this.faker, nowMs, users: this.userList }
    const tagsOf = (o: TagObject) => this.tagList.filter((t) => t.object === o)
    const anyAccount = () => {
      const accounts = this.all('accounts')
      if (accounts.length === 0) throw new Error('the org has no account to attach this record to')
      return this.rng.pick(accounts)
    }
    switch (entity) {
      case 'accounts':
        return generateAccount(
          { ...base, tags: tagsOf('accounts'), fields: this.customFields('accounts') },
          nowMs
        ) as RecordOf[E]
      case 'contacts':
        return generateContact(
          { ...base, tags: tagsOf('contacts'), fields: this.customFields('contacts') },
          anyAccount(),
          nowMs
        ) as RecordOf[E]
      default:
        return generateOpportunity(
          { ...base, tags: tagsOf('opportunities'), fields: this.customFields('opportunities') },
          anyAccount(),
          nowMs
        ) as RecordOf[E]
    }
  }

  private logOutOfBand(
    entity: EntityName,
    action: 'create' | 'update' | 'delete',
    body: unknown,
    id: string
  ): void {
    this.log.append({
      source: 'out_of_band',
      entity: ENTITY_OF[entity],
      action,
      method: null,
      path: null,
      body: structuredClone(body),
      uuid: id,
      status: null,
      applied: true,
      delivery: 'n/a'
    })
  }
}
