import { z } from 'zod'
import type { ListPage } from '../../../shared/domain'
import { BadResponseError } from '../errors'
import { parseRecord, parseRecords } from './records'

/**
 * The cursor-paginated list envelope. Only `has_more` and the records array are relied on;
 * `cursor` may be null on an empty page; deprecated `page`/`per_page`/`current_page` are
 * ignored, and `total_pages` (first page only) is passed on when it is a whole number, as a
 * hint for planning (anything else in it is dropped, never an error).
 */
function envelopeSchema(listKey: string) {
  return z.object({
    [listKey]: z.array(z.unknown()),
    cursor: z
      .string()
      .nullish()
      .transform((value) => value ?? null),
    has_more: z.boolean()
  })
}

export function parseListPage<W, D>(
  body: unknown,
  listKey: 'entries' | 'plans',
  schema: z.ZodType<W>,
  map: (wire: W) => D,
  status: number | null = null
): ListPage<D> {
  const envelope = envelopeSchema(listKey).safeParse(body)
  if (!envelope.success) {
    const detail = envelope.error.issues
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ')
    throw new BadResponseError(`list envelope: ${detail}`, { status })
  }
  const rawItems = envelope.data[listKey] as unknown[]
  const { items, skipped } = parseRecords(rawItems, schema, map)
  const totalPages = (body as { total_pages?: unknown }).total_pages
  return {
    items,
    skipped,
    cursor: envelope.data.cursor as string | null,
    hasMore: envelope.data.has_more as boolean,
    ...(Number.isSafeInteger(totalPages) && (totalPages as number) >= 0
      ? { totalPages: totalPages as number }
      : {})
  }
}

/** A single-record response: a malformed record is a BadResponse (there is nothing else). */
export function parseSingle<W, D>(
  body: unknown,
  schema: z.ZodType<W>,
  map: (wire: W) => D,
  status: number | null = null
): D {
  const result = parseRecord(body, schema, map)
  if (result.ok) return result.value
  const detail = result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
  throw new BadResponseError(`record${result.id ? ` ${result.id}` : ''}: ${detail}`, { status })
}
