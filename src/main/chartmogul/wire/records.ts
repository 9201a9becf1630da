import type { z } from 'zod'
import type { RecordIssue, SkippedRecord } from '../../../shared/domain'

/**
 * Validation + mapping of one wire record, reporting issues by wire field name (as the API
 * spelled it, hyphens included) so a log line points at the offending key.
 */
export type RecordResult<T> =
  { ok: true; value: T } | { ok: false; id: string | undefined; issues: RecordIssue[] }

export function parseRecord<W, D>(
  raw: unknown,
  schema: z.ZodType<W>,
  map: (wire: W) => D
): RecordResult<D> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, value: map(parsed.data) }
  return {
    ok: false,
    id: recordId(raw),
    issues: parsed.error.issues.map((issue) => ({
      path: wirePath(raw, issue.path),
      message: issue.message
    }))
  }
}

/** The record's own identifier, if it has a readable one, for the skip report. */
export function recordId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const record = raw as Record<string, unknown>
  for (const key of ['uuid', 'task_uuid', 'id']) {
    const value = record[key]
    if (typeof value === 'string' && value !== '') return value
    if (typeof value === 'number') return String(value)
  }
  return undefined
}

function wirePath(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(record)'
  const [head, ...rest] = path.map(String)
  let first = head as string
  if (typeof raw === 'object' && raw !== null && !(first in raw)) {
    const hyphenated = first.replaceAll('_', '-')
    if (hyphenated in raw) first = hyphenated
  }
  return [first, ...rest].join('.')
}

/** Validates and maps each record of a list; a bad record is skipped and reported, the rest survive. */
export function parseRecords<W, D>(
  raw: readonly unknown[],
  schema: z.ZodType<W>,
  map: (wire: W) => D
): { items: D[]; skipped: SkippedRecord[] } {
  const items: D[] = []
  const skipped: SkippedRecord[] = []
  raw.forEach((record, index) => {
    const result = parseRecord(record, schema, map)
    if (result.ok) items.push(result.value)
    else
      skipped.push(
        result.id === undefined
          ? { index, issues: result.issues }
          : { index, id: result.id, issues: result.issues }
      )
  })
  return { items, skipped }
}
