/**
 * Which parts of a grid's state are remembered, and where. Each grid's layout (column order,
 * widths, visibility, pinning), sort and filters are saved per workspace and per grid in
 * localStorage, keyed by the workspace id: it is read synchronously, so a grid is created with
 * its `initialState` and never flashes the default layout; it is a few hundred bytes, and it is
 * display preference, not cached account data. Scroll position, focus and selection are not kept.
 */
import type { GridState } from 'ag-grid-community'
import { z } from 'zod'

const KEY_PREFIX = 'revdesk.grid'

/** `revdesk.grid.<workspaceId>.<grid>` — one entry per workspace and grid. */
export function gridStateKey(workspaceId: string, grid: string): string {
  return `${KEY_PREFIX}.${workspaceId}.${grid}`
}

const KEPT = [
  'version',
  'columnOrder',
  'columnSizing',
  'columnVisibility',
  'columnPinning',
  'sort',
  'filter'
] as const satisfies readonly (keyof GridState)[]

/** The parts of AG Grid's `getState()` worth restoring next time. */
export function persistableState(state: GridState): GridState {
  const kept: Record<string, unknown> = {}
  for (const key of KEPT) {
    if (state[key] !== undefined) kept[key] = state[key]
  }
  return kept as GridState
}

const colIds = z.array(z.string())
/**
 * The shape of each kept part, checked before a stored state reaches AG Grid (a hand-edited or
 * corrupt entry must not break the grid). Filter models are AG Grid's per-column objects; only
 * their outline is checked, and unknown keys AG Grid may add pass through.
 */
const storedStateSchema = z.object({
  version: z.string().optional(),
  columnOrder: z.looseObject({ orderedColIds: colIds }).optional(),
  columnSizing: z
    .looseObject({
      columnSizingModel: z.array(
        z.looseObject({
          colId: z.string(),
          width: z.number().nullish(),
          flex: z.number().nullish()
        })
      )
    })
    .optional(),
  columnVisibility: z.looseObject({ hiddenColIds: colIds }).optional(),
  columnPinning: z.looseObject({ leftColIds: colIds, rightColIds: colIds }).optional(),
  sort: z
    .looseObject({
      sortModel: z.array(z.looseObject({ colId: z.string(), sort: z.enum(['asc', 'desc']) }))
    })
    .optional(),
  filter: z
    .looseObject({ filterModel: z.record(z.string(), z.looseObject({})).optional() })
    .optional()
})

/**
 * A stored state, checked part by part: the persistable parts when their shapes are right,
 * undefined when anything kept is malformed (the caller then falls back, never half-applies).
 */
export function parseGridState(value: unknown): GridState | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const parsed = storedStateSchema.safeParse(persistableState(value as GridState))
  return parsed.success ? persistableState(parsed.data as GridState) : undefined
}

/** Minimal storage surface (localStorage, or a Map-backed fake in tests). */
export interface StateStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** The saved state, or undefined when there is none or it is unreadable. */
export function loadGridState(storage: StateStorage, key: string): GridState | undefined {
  let raw: string | null
  try {
    raw = storage.getItem(key)
  } catch {
    return undefined
  }
  if (!raw) return undefined
  try {
    return parseGridState(JSON.parse(raw))
  } catch {
    return undefined
  }
}

export function saveGridState(storage: StateStorage, key: string, state: GridState): void {
  try {
    storage.setItem(key, JSON.stringify(persistableState(state)))
  } catch {
    // Storage full or unavailable: the layout simply is not remembered.
  }
}

export function clearGridState(storage: StateStorage, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // Nothing to do.
  }
}
