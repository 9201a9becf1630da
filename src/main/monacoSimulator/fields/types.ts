/**
 * A field as `GET /v1/schemas/{entity}` declares it, plus how the simulator reads it from a
 * record. The same declaration drives the schemas response, filter validation and evaluation,
 * and sorting, so the API can never accept a filter or sort its own schema does not publish.
 */
import type {
  AnyRecord,
  EntityName,
  RecordOf,
  TagRecord,
  UserRecord,
  AccountRecord
} from '../records'

/** `FieldSchemaResponse.type` in the OpenAPI. */
export type FieldType =
  | 'string'
  | 'number'
  | 'time'
  | 'boolean'
  | 'enum'
  | 'array'
  | 'date'
  | 'datetime'
  | 'text'
  | 'uuid'
  | 'object'

/** What a field reads as: dates `YYYY-MM-DD`, datetimes ISO strings, arrays of keys. */
export type FieldValue = string | number | boolean | readonly string[] | null

export interface AllowedValue {
  key: string
  label: string
}

/** What the field declarations may look at besides the record itself. */
export interface FieldContext {
  users: readonly UserRecord[]
  tags: readonly TagRecord[]
  accountById: (id: string) => AccountRecord | undefined
  /** The server's "now", for semantic date periods (`previous_week`, …). */
  nowMs: number
}

export interface FieldDef<R extends AnyRecord = AnyRecord> {
  key: string
  name: string
  type: FieldType
  parent?: string
  filterable: boolean
  sortable: boolean
  updatable: boolean
  operators: readonly string[]
  /** Enum-like fields: the keys filters must use, with display values. */
  allowed?: (ctx: FieldContext) => readonly AllowedValue[]
  read: (record: R, ctx: FieldContext) => FieldValue
  /** Sort position when it is not the value itself (e.g. stages in pipeline order). */
  sortValue?: (record: R, ctx: FieldContext) => string | number | null
  custom?: { id: string; aiAutoFilled: boolean }
  /** Filter-only fields (related-entity custom fields) are not listed by the schemas endpoint. */
  hidden?: boolean
}

export type FieldsOf<E extends EntityName> = readonly FieldDef<RecordOf[E]>[]
