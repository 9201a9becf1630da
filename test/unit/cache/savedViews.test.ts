/** Saved views in a workspace's cache: names, defaults, per-grid lists, corrupt rows skipped. */
import 'fake-indexeddb/auto'
import type { GridState } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import {
  createSavedView,
  defaultSavedView,
  deleteSavedView,
  listSavedViews,
  renameSavedView,
  SavedViewNameError,
  setDefaultSavedView,
  updateSavedViewState
} from '../../../src/renderer/src/cache'
import { freshCache } from '../sync/support/cache'

const pastDue: GridState = {
  version: '36.2.0',
  sort: { sortModel: [{ colId: 'mrrCents', sort: 'desc' }] },
  filter: {
    filterModel: { status: { filterType: 'text', type: 'contains', filter: 'past due' } }
  },
  columnVisibility: { hiddenColIds: ['email'] },
  // Not part of a view: dropped when saved.
  scroll: { top: 300, left: 0 }
}

const names = async (views: Promise<{ name: string }[]>): Promise<string[]> =>
  (await views).map((view) => view.name)

describe('saved views', () => {
  it('saves the persistable state under a trimmed name and lists views per grid, by name', async () => {
    const cache = await freshCache('views')
    const created = await createSavedView(cache, {
      grid: 'customers',
      name: '  Past due   customers ',
      state: pastDue
    })
    expect(created.name).toBe('Past due customers')
    expect(created.isDefault).toBe(false)
    expect(created.state).toEqual({
      version: '36.2.0',
      sort: pastDue.sort,
      filter: pastDue.filter,
      columnVisibility: pastDue.columnVisibility
    })
    await createSavedView(cache, { grid: 'customers', name: 'Active', state: {} })
    await createSavedView(cache, { grid: 'plans', name: 'Gold plans', state: {} })
    expect(await names(listSavedViews(cache, 'customers'))).toEqual([
      'Active',
      'Past due customers'
    ])
    expect(await names(listSavedViews(cache, 'plans'))).toEqual(['Gold plans'])
    expect(await listSavedViews(cache, 'activities')).toEqual([])
    expect((await listSavedViews(cache, 'customers'))[1]).toEqual(created)
    cache.close()
  })

  it('refuses empty, too long and duplicate names with a message saying what to do', async () => {
    const cache = await freshCache('views-names')
    await createSavedView(cache, { grid: 'customers', name: 'Past due', state: {} })
    await expect(
      createSavedView(cache, { grid: 'customers', name: '   ', state: {} })
    ).rejects.toThrow(new SavedViewNameError('Enter a name for the view.'))
    await expect(
      createSavedView(cache, { grid: 'customers', name: 'x'.repeat(81), state: {} })
    ).rejects.toThrow('Use at most 80 characters (this name has 81).')
    const duplicate = createSavedView(cache, { grid: 'customers', name: ' PAST  due ', state: {} })
    await expect(duplicate).rejects.toBeInstanceOf(SavedViewNameError)
    await expect(duplicate).rejects.toThrow(
      'There is already a view named “Past due” here. Choose another name, or update that view.'
    )
    // Another grid may use the same name.
    await createSavedView(cache, { grid: 'plans', name: 'Past due', state: {} })
    expect(await names(listSavedViews(cache, 'customers'))).toEqual(['Past due'])
    cache.close()
  })

  it('renames (also to a different case of its own name) but never onto another view', async () => {
    const cache = await freshCache('views-rename')
    const a = await createSavedView(cache, { grid: 'customers', name: 'Past due', state: pastDue })
    await createSavedView(cache, { grid: 'customers', name: 'Active', state: {} })
    await expect(renameSavedView(cache, a.id, 'active')).rejects.toThrow(
      'There is already a view named “Active” here.'
    )
    await expect(renameSavedView(cache, a.id, '')).rejects.toThrow('Enter a name for the view.')
    expect((await renameSavedView(cache, a.id, 'PAST DUE')).name).toBe('PAST DUE')
    const renamed = await renameSavedView(cache, a.id, 'Late payers')
    expect(renamed).toMatchObject({ id: a.id, name: 'Late payers', state: a.state })
    expect(await names(listSavedViews(cache, 'customers'))).toEqual(['Active', 'Late payers'])
    // The old name is free again.
    await createSavedView(cache, { grid: 'customers', name: 'Past due', state: {} })
    await expect(renameSavedView(cache, 'gone', 'x')).rejects.toThrow('no longer exists')
    cache.close()
  })

  it('updates a view’s state and deletes views', async () => {
    const cache = await freshCache('views-update')
    const view = await createSavedView(cache, { grid: 'customers', name: 'Mine', state: {} })
    const updated = await updateSavedViewState(cache, view.id, pastDue)
    expect(updated.state.sort).toEqual(pastDue.sort)
    expect(updated.state).not.toHaveProperty('scroll')
    expect((await listSavedViews(cache, 'customers'))[0]!.state).toEqual(updated.state)
    await deleteSavedView(cache, view.id)
    expect(await listSavedViews(cache, 'customers')).toEqual([])
    cache.close()
  })

  it('keeps exactly one or no default per grid', async () => {
    const cache = await freshCache('views-default')
    const a = await createSavedView(cache, { grid: 'customers', name: 'A', state: pastDue })
    const b = await createSavedView(cache, { grid: 'customers', name: 'B', state: {} })
    const p = await createSavedView(cache, { grid: 'plans', name: 'P', state: {} })
    expect(await defaultSavedView(cache, 'customers')).toBeUndefined()
    await setDefaultSavedView(cache, 'plans', p.id)
    await setDefaultSavedView(cache, 'customers', a.id)
    expect((await defaultSavedView(cache, 'customers'))?.id).toBe(a.id)
    await setDefaultSavedView(cache, 'customers', b.id)
    const flags = (await listSavedViews(cache, 'customers')).map((v) => [v.name, v.isDefault])
    expect(flags).toEqual([
      ['A', false],
      ['B', true]
    ])
    // Other grids keep theirs.
    expect((await defaultSavedView(cache, 'plans'))?.id).toBe(p.id)
    await expect(setDefaultSavedView(cache, 'customers', p.id)).rejects.toThrow('another grid')
    await setDefaultSavedView(cache, 'customers', null)
    expect(await defaultSavedView(cache, 'customers')).toBeUndefined()
    expect((await defaultSavedView(cache, 'plans'))?.id).toBe(p.id)
    cache.close()
  })

  it('skips corrupt rows instead of handing them to the grid', async () => {
    const cache = await freshCache('views-corrupt')
    const good = await createSavedView(cache, { grid: 'customers', name: 'Good', state: pastDue })
    const base = { grid: 'customers', isDefault: false, updatedAt: 'x' }
    const corrupt = [
      { ...base, id: 'no-name', nameKey: 'a', name: '   ', state: {} },
      { ...base, id: 'bad-state', nameKey: 'b', name: 'B', state: 'sorted' },
      { ...base, id: 'bad-sort', nameKey: 'c', name: 'C', state: { sort: { sortModel: [{}] } } },
      {
        ...base,
        id: 'bad-filter',
        nameKey: 'd',
        name: 'D',
        state: { filter: { filterModel: { status: 3 } } }
      },
      { ...base, id: 'no-flag', nameKey: 'e', name: 'E', isDefault: 'yes', state: {} }
    ]
    // Written around the typed API, as a damaged or hand-edited database would hold them.
    await cache.savedViews.bulkAdd(corrupt as never[])
    expect(await listSavedViews(cache, 'customers')).toEqual([good])
    cache.close()
  })

  it('reports one default even if a damaged database holds two', async () => {
    const cache = await freshCache('views-two-defaults')
    const a = await createSavedView(cache, { grid: 'customers', name: 'A', state: {} })
    const b = await createSavedView(cache, { grid: 'customers', name: 'B', state: {} })
    await cache.savedViews.bulkUpdate([
      { key: a.id, changes: { isDefault: true } },
      { key: b.id, changes: { isDefault: true } }
    ])
    const views = await listSavedViews(cache, 'customers')
    expect(views.filter((v) => v.isDefault).map((v) => v.name)).toEqual(['A'])
    cache.close()
  })
})
