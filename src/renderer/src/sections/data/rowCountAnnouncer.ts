/**
 * When a grid's "N of M" is read out: only after the user's own search or filter change, once
 * they pause (debounced), never because a sync page added rows. The visible count stays
 * current; this decides what the separate polite live region says.
 */
import type { GridState } from 'ag-grid-community'

export const ROW_COUNT_ANNOUNCE_DELAY_MS = 1_000

export class RowCountAnnouncer {
  private timer: ReturnType<typeof setTimeout> | null = null
  private filters: string | null = null

  constructor(
    /** The count as it reads now ("12 of 480 customers"). */
    private readonly read: () => string,
    private readonly announce: (text: string) => void,
    private readonly delayMs = ROW_COUNT_ANNOUNCE_DELAY_MS
  ) {}

  /** The user typed in the search or changed a filter: announce the count once they pause. */
  userChanged(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.announce(this.read())
    }, this.delayMs)
  }

  /**
   * The grid's state after a user change (columns, sort or filters): only a change of the
   * filters changes the count. The first state seen is where the grid started, not a change.
   */
  gridStateChanged(state: GridState): void {
    const filters = JSON.stringify(state.filter ?? null)
    const changed = this.filters !== null && filters !== this.filters
    this.filters = filters
    if (changed) this.userChanged()
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }
}
