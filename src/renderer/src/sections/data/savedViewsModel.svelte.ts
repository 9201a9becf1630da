/**
 * One grid's saved views in one workspace, as the views menu sees them: the list, which view the
 * grid shows, and the actions. The grid itself is reached through `target` (DataGrid's
 * `applyState`/`currentState`/`resetLayout`), read at the moment of each action.
 */
import type { GridState } from 'ag-grid-community'
import {
  createSavedView,
  deleteSavedView,
  listSavedViews,
  renameSavedView,
  setDefaultSavedView,
  updateSavedViewState,
  type SavedView,
  type WorkspaceCache
} from '../../cache'
import { sameView } from './viewsMenuModel'

export interface ViewTarget {
  applyState(state: GridState): void
  currentState(): GridState | undefined
  resetLayout(): void
}

export class SavedViewsModel {
  views = $state.raw<SavedView[]>([])
  /** The view the grid was last set to (applied or saved), else null ("All customers"). */
  activeId = $state<string | null>(null)
  /** The grid's state when the menu last looked (see `refreshCurrent`). */
  current = $state.raw<GridState | undefined>(undefined)

  active = $derived(this.views.find((view) => view.id === this.activeId) ?? null)
  /** The grid no longer shows the active view as saved (so "Update" is offered). */
  changed = $derived(
    this.active !== null && this.current !== undefined && !sameView(this.active.state, this.current)
  )

  constructor(
    readonly cache: WorkspaceCache,
    readonly grid: string,
    private readonly target: () => ViewTarget | undefined
  ) {}

  /**
   * Reads the views as the section opens: the default one is applied; without one the grid keeps
   * its last working layout, and if that is a saved view, the menu names it.
   */
  async open(): Promise<void> {
    await this.reload()
    const target = this.target()
    const preferred = this.views.find((view) => view.isDefault)
    if (preferred) {
      target?.applyState(preferred.state)
      this.activeId = preferred.id
      return
    }
    const shown = target?.currentState()
    this.activeId = shown ? (this.views.find((v) => sameView(v.state, shown))?.id ?? null) : null
  }

  refreshCurrent(): void {
    this.current = this.target()?.currentState()
  }

  /** Shows a saved view, or (null) the grid's default columns with no sort or filters. */
  apply(id: string | null): void {
    const target = this.target()
    const view = this.views.find((v) => v.id === id)
    if (view) target?.applyState(view.state)
    else target?.resetLayout()
    this.activeId = view?.id ?? null
  }

  async saveAs(name: string): Promise<void> {
    const state = this.target()?.currentState() ?? {}
    const view = await createSavedView(this.cache, { grid: this.grid, name, state })
    await this.reload()
    this.activeId = view.id
  }

  async updateActive(): Promise<void> {
    const state = this.target()?.currentState()
    if (!this.activeId || !state) return
    await updateSavedViewState(this.cache, this.activeId, state)
    await this.reload()
  }

  async renameActive(name: string): Promise<void> {
    if (!this.activeId) return
    await renameSavedView(this.cache, this.activeId, name)
    await this.reload()
  }

  /** Deletes the active view; the grid keeps showing what it shows. */
  async deleteActive(): Promise<void> {
    if (!this.activeId) return
    await deleteSavedView(this.cache, this.activeId)
    this.activeId = null
    await this.reload()
  }

  async setActiveDefault(isDefault: boolean): Promise<void> {
    if (!this.activeId) return
    await setDefaultSavedView(this.cache, this.grid, isDefault ? this.activeId : null)
    await this.reload()
  }

  private async reload(): Promise<void> {
    this.views = await listSavedViews(this.cache, this.grid)
  }
}
