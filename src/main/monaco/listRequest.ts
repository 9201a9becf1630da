import { ValidationError } from '../chartmogul/errors'

/**
 * The body of `POST /v1/{entity}/list` (`*ListRequest`). Its schema has
 * `additionalProperties: false` (and so does each filter), so only known keys are sent, each
 * rebuilt from the caller's input rather than passed through.
 */

export interface MonacoFilterRule {
  field: string
  /** One of the field's `allowed_operators` (from `GET /v1/schemas/{entity}`). */
  condition: string
  value?: unknown
}

export interface MonacoFilterExpression {
  /** Monaco's default is `and`. */
  operator?: 'and' | 'or'
  filters: Array<MonacoFilterRule | MonacoFilterExpression>
}

/** A flat list (ANDed) or a nested expression; a bare rule is not valid on the wire. */
export type MonacoFilters = MonacoFilterRule[] | MonacoFilterExpression

export interface MonacoListParams {
  /** 1-based; default 1. */
  page?: number
  /** 1–500; default 500 (fewest requests against an hourly budget). */
  pageSize?: number
  /** A sortable field key, `-` prefix for descending; Monaco's default is `-created_at`. */
  sort?: string
  filters?: MonacoFilters
  /** Monaco's default is true. */
  includeCustomFields?: boolean
}

export const MAX_PAGE_SIZE = 500

export interface WireListRequest {
  page: number
  page_size: number
  sort?: string
  filters?: unknown
  include_custom_fields?: boolean
}

export function toWireListRequest(params: MonacoListParams): WireListRequest {
  const page = params.page ?? 1
  if (!Number.isSafeInteger(page) || page < 1) {
    throw new ValidationError([{ field: 'page', message: 'The page must be a whole number ≥ 1.' }])
  }
  const size = params.pageSize ?? MAX_PAGE_SIZE
  if (!Number.isFinite(size)) {
    throw new ValidationError([{ field: 'pageSize', message: 'The page size must be a number.' }])
  }
  const body: WireListRequest = {
    page,
    page_size: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(size)))
  }
  const sort = params.sort?.trim()
  if (sort !== undefined && sort !== '') body.sort = sort
  if (params.filters !== undefined) body.filters = wireFilters(params.filters)
  // Accounts, contacts and opportunities all take it (each *ListRequest declares it).
  if (params.includeCustomFields !== undefined) {
    body.include_custom_fields = params.includeCustomFields
  }
  return body
}

function wireFilters(filters: MonacoFilters): unknown {
  return Array.isArray(filters) ? filters.map(wireRule) : wireExpression(filters)
}

function wireExpression(expression: MonacoFilterExpression): unknown {
  const out: Record<string, unknown> = {
    filters: expression.filters.map((entry) =>
      'filters' in entry ? wireExpression(entry) : wireRule(entry)
    )
  }
  if (expression.operator !== undefined) out.operator = expression.operator
  return out
}

function wireRule(rule: MonacoFilterRule): unknown {
  if (rule.field.trim() === '' || rule.condition.trim() === '') {
    throw new ValidationError([
      { field: 'filters', message: 'Every filter needs a field and a condition.' }
    ])
  }
  const out: Record<string, unknown> = { field: rule.field, condition: rule.condition }
  if (rule.value !== undefined) out.value = rule.value
  return out
}
