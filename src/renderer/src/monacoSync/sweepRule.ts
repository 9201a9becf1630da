/**
 * Which deals a complete full pass keeps although it did not read them. Everything else it did
 * not read is gone from Monaco. (Accounts and contacts are only ever written by the sync, so
 * every unread one goes.)
 */
import { hasPendingEdits } from '../cache/records'
import { LOCAL_ID_PREFIX } from '../outbox/types'

interface SweepCandidate {
  uuid?: unknown
  updatedAt?: unknown
  _pending?: readonly string[]
}

export function keptBySweep(row: SweepCandidate, passStartedAt: string, now: number): boolean {
  // Local edits still to push: the outbox decides what becomes of the deal.
  if (hasPendingEdits(row)) return true
  // A deal created here and not yet confirmed has no server id to be seen under.
  if (typeof row.uuid === 'string' && row.uuid.startsWith(LOCAL_ID_PREFIX)) return true
  // Written by someone after the pass began (the outbox confirming a create or an edit while
  // the walk was already past where it sorts): the next full pass decides. A time after now
  // is no such write (a clock far off, or a hostile date), so it does not shield the row.
  const updated = typeof row.updatedAt === 'string' ? Date.parse(row.updatedAt) : NaN
  return updated >= Date.parse(passStartedAt) && updated <= now
}
