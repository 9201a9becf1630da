/**
 * About how much disk each workspace's cache uses. IndexedDB has no per-database size, and
 * `navigator.storage.estimate()` gives only the whole app's usage, so a workspace's size is
 * estimated from its row counts times the average size of a few sampled rows (as UTF-8 JSON).
 * Index entries and the engine's compression make the real figure differ, hence "about";
 * the app-wide total is shown next to it from `estimate()`.
 */
import { Dexie } from 'dexie'
import { cacheDatabaseName } from '../db'
import { systemStorage, type StorageManagerLike } from './persistence'

/** Rows sampled per table: enough for a stable average, cheap at any table size. */
export const SAMPLED_ROWS = 25

export interface CacheSize {
  rows: number
  bytes: number
}

const encoder = new TextEncoder()

/** Counts every table's rows and samples their size; reads nothing else. */
export async function estimateCacheSize(db: Dexie): Promise<CacheSize> {
  let rows = 0
  let bytes = 0
  for (const table of db.tables) {
    const [count, sample] = await Promise.all([table.count(), table.limit(SAMPLED_ROWS).toArray()])
    if (count === 0 || sample.length === 0) continue
    const sampleBytes = sample.reduce<number>(
      (sum, row) => sum + encoder.encode(JSON.stringify(row)).byteLength,
      0
    )
    rows += count
    bytes += Math.round((sampleBytes / sample.length) * count)
  }
  return { rows, bytes }
}

/**
 * A workspace's cache size, opening its database read-only in Dexie's dynamic mode (its
 * existing schema, no upgrade) when it is not the open one. Null when it has no cache yet.
 */
export async function estimateWorkspaceSize(
  workspaceId: string,
  open?: Dexie | null
): Promise<CacheSize | null> {
  if (open) return estimateCacheSize(open)
  const name = cacheDatabaseName(workspaceId)
  if (!(await Dexie.exists(name))) return null
  const db = new Dexie(name)
  try {
    await db.open()
    return await estimateCacheSize(db)
  } finally {
    db.close()
  }
}

/** The whole app's storage as the engine reports it, or null where it cannot say. */
export async function appStorageEstimate(
  storage: StorageManagerLike | undefined = systemStorage()
): Promise<{ usage: number; quota: number | null } | null> {
  try {
    const estimate = await storage?.estimate?.()
    if (estimate?.usage === undefined) return null
    return { usage: estimate.usage, quota: estimate.quota ?? null }
  } catch {
    return null
  }
}

const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

/** "840 bytes", "12.4 MB", "1.2 GB" (decimal units, as operating systems show disk sizes). */
export function formatBytes(bytes: number, locale?: string): string {
  if (bytes < 1000) return `${Math.max(0, Math.round(bytes)).toLocaleString(locale)} bytes`
  let value = bytes
  let unit = -1
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0
  }).format(value)
}
