/**
 * A full pass's drift check: the listing's `total_count`, read once after every window is
 * done, to compare with the records the pass saw. One request per entity and full pass —
 * not one at the end of every window's walk, which cost a request per window against an
 * organization budget of 1,000 an hour. The count is a signal for the log, not a proof (see
 * `lastCountDrift`): when it cannot be read the pass still completes, drift unknown.
 * Incremental passes skip it.
 */
import type { MonacoSyncEntity } from '../../../shared/sync/monacoSource'
import type { MonacoPassState } from '../cache/monacoSyncState'
import { BadPageError } from '../sync/failures'
import { PageFetchError } from '../sync/fetching'
import type { EntitySyncContext } from './entitySync'

export async function countAtEnd(
  ctx: Pick<EntitySyncContext, 'source' | 'call' | 'scope'>,
  entity: MonacoSyncEntity,
  pass: Pick<MonacoPassState, 'mode'>
): Promise<number | null> {
  if (pass.mode !== 'full') return null
  try {
    const bounds = await ctx.call(
      {
        label: entity,
        send: (signal) => ctx.source.bounds({ entity, countOnly: true }, signal),
        requestsOf: (b) => b.requests,
        check: (b) => {
          if (!(Number.isInteger(b.totalCount) && b.totalCount >= 0)) {
            throw new BadPageError('The listing gives an impossible total count.')
          }
        }
      },
      ctx.scope.signal
    )
    return bounds.totalCount
  } catch (error) {
    // Retried and still unreadable: the pass's records are all stored; only the signal is lost.
    if (error instanceof PageFetchError) return null
    throw error
  }
}
