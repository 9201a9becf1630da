import { z } from 'zod'
import type { SkippedRecord } from '../../../shared/domain'
import { BadResponseError } from '../../chartmogul/errors'
import { parseRecord, parseRecords } from '../../chartmogul/wire/records'
import type { MonacoListPage } from '../models'

/**
 * Monaco's two success envelopes: `{data: X, meta}` for one item (or an unpaginated array,
 * as users and tags are) and `{data: [...], pagination: {page, page_size, total_count,
 * total_pages}, meta}` for list endpoints. `meta` is ignored.
 */

const count = z.number().int().nonnegative()
const paginationSchema = z.object({
  page: count,
  page_size: count,
  total_count: count,
  total_pages: count
})

const listEnvelope = z.object({ data: z.array(z.unknown()), pagination: paginationSchema })
const itemEnvelope = z.object({ data: z.unknown() })
const arrayEnvelope = z.object({ data: z.array(z.unknown()) })

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ')
}

export function parseListPage<W, D>(
  body: unknown,
  schema: z.ZodType<W>,
  map: (wire: W) => D,
  status: number | null = null
): MonacoListPage<D> {
  const envelope = listEnvelope.safeParse(body)
  if (!envelope.success) {
    throw new BadResponseError(`list envelope: ${describe(envelope.error)}`, { status })
  }
  const { data, pagination } = envelope.data
  return {
    ...parseRecords(data, schema, map),
    page: pagination.page,
    pageSize: pagination.page_size,
    totalCount: pagination.total_count,
    totalPages: pagination.total_pages,
    hasMore: pagination.page < pagination.total_pages
  }
}

/** An unpaginated `{data: [...]}` (users, tags, field schemas). */
export function parseArray<W, D>(
  body: unknown,
  schema: z.ZodType<W>,
  map: (wire: W) => D,
  status: number | null = null
): { items: D[]; skipped: SkippedRecord[] } {
  const envelope = arrayEnvelope.safeParse(body)
  if (!envelope.success) {
    throw new BadResponseError(`list envelope: ${describe(envelope.error)}`, { status })
  }
  return parseRecords(envelope.data.data, schema, map)
}

/** `{data: {...}}`: a malformed record is a BadResponse (there is nothing else to keep). */
export function parseItem<W, D>(
  body: unknown,
  schema: z.ZodType<W>,
  map: (wire: W) => D,
  status: number | null = null
): D {
  const envelope = itemEnvelope.safeParse(body)
  if (!envelope.success) {
    throw new BadResponseError(`item envelope: ${describe(envelope.error)}`, { status })
  }
  const result = parseRecord(envelope.data.data, schema, map)
  if (result.ok) return result.value
  const detail = result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
  throw new BadResponseError(`record${result.id ? ` ${result.id}` : ''}: ${detail}`, { status })
}
