/**
 * Where a queued value lives on the cached row. A path is a row field (`amountCents`, `tags`)
 * or, for a provider whose server merges custom fields one by one (Monaco), one custom field
 * (`custom.<key>`), so two people editing different custom fields do not conflict.
 */
import type { PushEntry } from './types'

const CUSTOM_PREFIX = 'custom.'

export function customPath(key: string): string {
  return `${CUSTOM_PREFIX}${key}`
}

/** The custom field key of a `custom.<key>` path, or null for a plain field. */
export function customKeyOf(path: string): string | null {
  return path.startsWith(CUSTOM_PREFIX) ? path.slice(CUSTOM_PREFIX.length) : null
}

/** The row field a path belongs to (`custom.<key>` → `custom`). */
export function topFieldOf(path: string): string {
  return customKeyOf(path) === null ? path : 'custom'
}

function customOf(row: Record<string, unknown>): Record<string, unknown> {
  const custom = row['custom']
  return typeof custom === 'object' && custom !== null ? (custom as Record<string, unknown>) : {}
}

export function valueAt(row: object, path: string): unknown {
  const key = customKeyOf(path)
  const record = row as Record<string, unknown>
  return key === null ? record[path] : customOf(record)[key]
}

/** Sets `path` on `row` in place; a custom field set to null or undefined is removed. */
export function setAt(row: Record<string, unknown>, path: string, value: unknown): void {
  const key = customKeyOf(path)
  if (key === null) {
    row[path] = value
    return
  }
  const custom = { ...customOf(row) }
  if (value === null || value === undefined) delete custom[key]
  else custom[key] = value
  row['custom'] = custom
}

/**
 * The entry's values by row path: `rowValues` when the payload is not in the row's terms
 * (Monaco: tag ids sent, tag names shown; custom fields one by one), else the payload itself.
 * A create's `customerUuid` is not a local edit and is left out.
 */
export function rowMapOf(entry: PushEntry): Record<string, unknown> {
  if (entry.kind === 'delete' || entry.payload === null) return {}
  const source = (entry.rowValues ?? entry.payload) as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(source)) {
    if (path !== 'customerUuid' && value !== undefined) out[path] = value
  }
  return out
}

export function pick(values: Record<string, unknown>, paths: readonly string[]) {
  return Object.fromEntries(paths.filter((p) => p in values).map((p) => [p, values[p]]))
}
