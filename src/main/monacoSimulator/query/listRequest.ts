/**
 * The list body every `POST /v1/{entity}/list` takes (`AccountListRequest`,
 * `ContactListRequest`, `OpportunityListRequest`): `filters`, `page` ≥ 1, `page_size` 1–500,
 * `sort`, `include_custom_fields`. The schema forbids other keys (`additionalProperties:
 * false`), so an unknown key is a 422, as is any value of the wrong JSON type.
 */
import { validationError } from '../errors'

export type FilterNode =
  | { kind: 'rule'; field: string; condition: string; value: unknown }
  | { kind: 'group'; operator: 'and' | 'or'; filters: FilterNode[] }

export interface ListRequest {
  filters: FilterNode
  page: number
  pageSize: number
  /** Field key; `descending` from the `-` prefix. */
  sort: { key: string; descending: boolean }
  includeCustomFields: boolean
}

const KEYS = new Set(['filters', 'page', 'page_size', 'sort', 'include_custom_fields'])
const RULE_KEYS = new Set(['field', 'condition', 'value'])
const GROUP_KEYS = new Set(['operator', 'filters'])
/** Deep enough for any real query; stops a hostile body from recursing the stack away. */
const MAX_DEPTH = 16

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function integer(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw validationError(`${name} must be an integer`)
  }
  if (value < min || value > max) {
    throw validationError(
      max === Number.MAX_SAFE_INTEGER
        ? `${name} must be greater than or equal to ${min}`
        : `${name} must be between ${min} and ${max}`
    )
  }
  return value
}

function parseRule(raw: Record<string, unknown>, at: string): FilterNode {
  const extra = Object.keys(raw).find((k) => !RULE_KEYS.has(k))
  if (extra !== undefined) throw validationError(`${at}: unknown key "${extra}" in filter rule`)
  if (typeof raw['field'] !== 'string') throw validationError(`${at}.field must be a string`)
  if (typeof raw['condition'] !== 'string')
    throw validationError(`${at}.condition must be a string`)
  return {
    kind: 'rule',
    field: raw['field'],
    condition: raw['condition'],
    value: raw['value'] ?? null
  }
}

function parseGroup(raw: Record<string, unknown>, at: string, depth: number): FilterNode {
  const extra = Object.keys(raw).find((k) => !GROUP_KEYS.has(k))
  if (extra !== undefined)
    throw validationError(`${at}: unknown key "${extra}" in filter expression`)
  const operator = raw['operator'] ?? 'and'
  if (operator !== 'and' && operator !== 'or') {
    throw validationError(`${at}.operator must be "and" or "or"`)
  }
  const list = raw['filters'] ?? []
  if (!Array.isArray(list)) throw validationError(`${at}.filters must be an array`)
  return {
    kind: 'group',
    operator,
    filters: list.map((f, i) => parseNode(f, `${at}.filters[${i}]`, depth + 1))
  }
}

/** A rule has `field`/`condition`; anything else must be an expression. */
function parseNode(raw: unknown, at: string, depth: number): FilterNode {
  if (depth > MAX_DEPTH)
    throw validationError(`filters are nested more than ${MAX_DEPTH} levels deep`)
  if (!isObject(raw)) throw validationError(`${at} must be a filter rule or a filter expression`)
  return 'field' in raw || 'condition' in raw ? parseRule(raw, at) : parseGroup(raw, at, depth)
}

function parseFilters(raw: unknown): FilterNode {
  if (raw === undefined) return { kind: 'group', operator: 'and', filters: [] }
  // "The flat form must be a JSON array — a single rule sent as a bare object is not valid."
  if (Array.isArray(raw)) {
    const rules = raw.map((f: unknown, i) => {
      if (!isObject(f)) throw validationError(`filters[${i}] must be a filter rule object`)
      return parseRule(f, `filters[${i}]`)
    })
    return { kind: 'group', operator: 'and', filters: rules }
  }
  if (!isObject(raw))
    throw validationError('filters must be an array of rules or a filter expression')
  if ('field' in raw || 'condition' in raw) {
    throw validationError('filters must be an array; a single rule must be wrapped in [ ]')
  }
  return parseGroup(raw, 'filters', 0)
}

function parseSort(raw: unknown): ListRequest['sort'] {
  if (raw === undefined) return { key: 'created_at', descending: true }
  if (typeof raw !== 'string' || raw === '' || raw === '-') {
    throw validationError('sort must be a field key, optionally prefixed with "-"')
  }
  return raw.startsWith('-')
    ? { key: raw.slice(1), descending: true }
    : { key: raw, descending: false }
}

/** Validates the parsed JSON body (`undefined` = no body: every default). */
export function parseListRequest(body: unknown): ListRequest {
  if (body === undefined) body = {}
  if (!isObject(body)) throw validationError('The request body must be a JSON object')
  const unknown = Object.keys(body).filter((k) => !KEYS.has(k))
  if (unknown.length > 0) {
    throw validationError(
      `Extra inputs are not permitted: ${unknown.map((k) => `"${k}"`).join(', ')}`
    )
  }
  const include = body['include_custom_fields']
  if (include !== undefined && typeof include !== 'boolean') {
    throw validationError('include_custom_fields must be a boolean')
  }
  return {
    filters: parseFilters(body['filters']),
    page:
      body['page'] === undefined ? 1 : integer('page', body['page'], 1, Number.MAX_SAFE_INTEGER),
    pageSize:
      body['page_size'] === undefined ? 50 : integer('page_size', body['page_size'], 1, 500),
    sort: parseSort(body['sort']),
    includeCustomFields: include ?? true
  }
}
