/**
 * Saved views: named sets of columns, sort and filters per grid ("Past due customers"), kept in
 * the workspace's cache so they survive a reload and go with the workspace. Names are unique per
 * grid ignoring case and surrounding spaces; at most one view per grid is the default (applied
 * when the grid opens). Rows are checked when read: a corrupt one is skipped, never handed to
 * the grid.
 */
import type { GridState } from 'ag-grid-community'
import { z } from 'zod'
import { parseGridState, persistableState } from '../grid/gridState'
import type { WorkspaceCache } from './db'

export interface SavedView {
  id: string
  /** Which grid (DataSection's grid id: "customers", "opportunities", …). */
  grid: string
  /** As the user typed it, trimmed. */
  name: string
  isDefault: boolean
  /** The persistable part of AG Grid's state (see grid/gridState.ts). */
  state: GridState
  updatedAt: string
}

/** As stored: `nameKey` is what uniqueness is decided on (see SCHEMA_V5). */
export interface SavedViewRow extends SavedView {
  nameKey: string
}

export const MAX_VIEW_NAME_LENGTH = 80

/** A name the user must change: the message says how. */
export class SavedViewNameError extends Error {
  override readonly name = 'SavedViewNameError'
}

/** The comparison form of a name: trimmed, inner spaces collapsed, case folded. */
export function viewNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

/** The name to store, or a SavedViewNameError saying what to change. */
export function cleanViewName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ')
  if (clean === '') throw new SavedViewNameError('Enter a name for the view.')
  if (clean.length > MAX_VIEW_NAME_LENGTH) {
    throw new SavedViewNameError(
      `Use at most ${MAX_VIEW_NAME_LENGTH} characters (this name has ${clean.length}).`
    )
  }
  return clean
}

const storedRowSchema = z.object({
  id: z.string().min(1),
  grid: z.string().min(1),
  name: z.string().trim().min(1),
  isDefault: z.boolean(),
  state: z.unknown(),
  updatedAt: z.string()
})

/** A stored row as a SavedView, or null when it is not one (skipped by readers). */
function readRow(row: unknown): SavedView | null {
  const parsed = storedRowSchema.safeParse(row)
  if (!parsed.success) return null
  const state = parseGridState(parsed.data.state)
  if (!state) return null
  const { id, grid, name, isDefault, updatedAt } = parsed.data
  return { id, grid, name, isDefault, state, updatedAt }
}

const byName = (a: SavedView, b: SavedView): number =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id)

/** A grid's views, by name; corrupt rows skipped; at most one marked default. */
export async function listSavedViews(cache: WorkspaceCache, grid: string): Promise<SavedView[]> {
  const rows: unknown[] = await cache.savedViews.where('grid').equals(grid).toArray()
  const views = rows.map(readRow).filter((view): view is SavedView => view !== null)
  views.sort(byName)
  // Two defaults can only come from a damaged database; the first by name wins.
  let defaultSeen = false
  return views.map((view) => {
    if (!view.isDefault) return view
    if (defaultSeen) return { ...view, isDefault: false }
    defaultSeen = true
    return view
  })
}

/** Throws when another view of the grid already has this name (ignoring case and spaces). */
async function assertNameFree(
  cache: WorkspaceCache,
  grid: string,
  name: string,
  exceptId?: string
): Promise<void> {
  const taken = await cache.savedViews
    .where('[grid+nameKey]')
    .equals([grid, viewNameKey(name)])
    .first()
  if (taken && taken.id !== exceptId) {
    throw new SavedViewNameError(
      `There is already a view named “${taken.name}” here. Choose another name, or update that view.`
    )
  }
}

async function requireRow(cache: WorkspaceCache, id: string): Promise<SavedViewRow> {
  const row = await cache.savedViews.get(id)
  if (!row) throw new Error('That view no longer exists; it may have been deleted.')
  return row
}

function publicView(row: SavedViewRow): SavedView {
  const { nameKey: _nameKey, ...view } = row
  return view
}

export async function createSavedView(
  cache: WorkspaceCache,
  input: { grid: string; name: string; state: GridState }
): Promise<SavedView> {
  const name = cleanViewName(input.name)
  const row: SavedViewRow = {
    id: crypto.randomUUID(),
    grid: input.grid,
    name,
    nameKey: viewNameKey(name),
    isDefault: false,
    state: persistableState(input.state),
    updatedAt: new Date().toISOString()
  }
  await cache.transaction('rw', cache.savedViews, async () => {
    await assertNameFree(cache, row.grid, name)
    await cache.savedViews.add(row)
  })
  return publicView(row)
}

export async function renameSavedView(
  cache: WorkspaceCache,
  id: string,
  newName: string
): Promise<SavedView> {
  const name = cleanViewName(newName)
  return cache.transaction('rw', cache.savedViews, async () => {
    const row = await requireRow(cache, id)
    await assertNameFree(cache, row.grid, name, id)
    const renamed = { ...row, name, nameKey: viewNameKey(name), updatedAt: now() }
    await cache.savedViews.put(renamed)
    return publicView(renamed)
  })
}

/** Replaces a view's columns, sort and filters with the grid's current ones. */
export async function updateSavedViewState(
  cache: WorkspaceCache,
  id: string,
  state: GridState
): Promise<SavedView> {
  return cache.transaction('rw', cache.savedViews, async () => {
    const row = await requireRow(cache, id)
    const updated = { ...row, state: persistableState(state), updatedAt: now() }
    await cache.savedViews.put(updated)
    return publicView(updated)
  })
}

export async function deleteSavedView(cache: WorkspaceCache, id: string): Promise<void> {
  await cache.savedViews.delete(id)
}

/**
 * Makes `id` the grid's one default view, or clears the default (`null`), in one transaction:
 * no reader ever sees two defaults or, while switching, none.
 */
export async function setDefaultSavedView(
  cache: WorkspaceCache,
  grid: string,
  id: string | null
): Promise<void> {
  await cache.transaction('rw', cache.savedViews, async () => {
    if (id !== null) {
      const row = await requireRow(cache, id)
      if (row.grid !== grid) throw new Error('That view belongs to another grid.')
    }
    await cache.savedViews
      .where('grid')
      .equals(grid)
      .modify((row) => {
        row.isDefault = row.id === id
      })
  })
}

/** The view to apply when the grid opens, if one is marked default (and readable). */
export async function defaultSavedView(
  cache: WorkspaceCache,
  grid: string
): Promise<SavedView | undefined> {
  return (await listSavedViews(cache, grid)).find((view) => view.isDefault)
}

const now = (): string => new Date().toISOString()
