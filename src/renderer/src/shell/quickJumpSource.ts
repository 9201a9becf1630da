/**
 * What the quick jump searches, supplied by the workspace's provider (`ProviderAdapter.quickJump`):
 * ChartMogul customers, or Monaco accounts and contacts. The dialog only shows hits and opens the
 * deal parent a hit names.
 */
import type { WorkspaceCache } from '../cache'

export interface JumpHit {
  /** Unique among one search's hits. */
  key: string
  /** The deal parent picking the hit opens (a customer uuid, an account id). */
  parentId: string
  name: string
  /** The second line: company and email, a contact's account, … */
  detail: string
  /** The right-hand column: MRR, or which kind of record matched. */
  aside: string
}

export interface QuickJumpWording {
  /** The search field's accessible name ("Jump to customer"). */
  inputLabel: string
  placeholder: string
  /** The results list's accessible name. */
  listLabel: string
  /** The records' group heading in the command palette ("Customers"). */
  groupLabel: string
  /** Before anything is typed: what can be typed. */
  typeHint: string
  /** With no workspace open. */
  noWorkspace: string
  /** A hit with an empty name. */
  unnamed: string
  count(hits: number): string
  noMatch(query: string): string
}

export interface QuickJumpSource {
  wording: QuickJumpWording
  /**
   * The ranked hits for a query, at most a few dozen. `show` may be called twice: first with
   * what answers at once (bounded index lookups), then with the fuller ranking once the
   * background index of this cache `revision` is ready. Rejects when the cache cannot be read.
   */
  search(
    cache: WorkspaceCache,
    query: string,
    revision: number,
    show: (hits: JumpHit[]) => void
  ): Promise<void>
}
