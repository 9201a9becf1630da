/**
 * The run's first step: users, tags and the opportunity field schema, read whole and stored
 * in one transaction. Deals are keyed by stage keys and owner ids; these give their labels.
 */
import type { MonacoSource } from '../../../shared/sync/monacoSource'
import type { WorkspaceCache } from '../cache/db'
import type { SyncErrorInfo } from '../cache/syncState'
import type { AbortScope } from '../sync/abortScope'
import { isoAt, type SyncClock } from '../sync/clock'
import { BadPageError, toErrorInfo } from '../sync/failures'
import { PageFetchError, RunStoppedError } from '../sync/fetching'
import { writeLookups } from './lookupsStore'
import type { MonacoCaller } from './stepFetch'

export type LookupsOutcome =
  | { outcome: 'complete' }
  | { outcome: 'stopped' }
  /** Not read after retries: the entities still sync; the run ends partial. */
  | { outcome: 'partial'; error: SyncErrorInfo }

export async function syncLookups(
  db: WorkspaceCache,
  source: MonacoSource,
  call: MonacoCaller,
  scope: AbortScope,
  clock: SyncClock,
  fail: (error: unknown) => void
): Promise<LookupsOutcome> {
  let lookups
  try {
    lookups = await call(
      {
        label: 'lookups',
        send: (signal) => source.lookups(signal),
        // Users, tags and the schema: three requests.
        requestsOf: () => 3,
        check: (l) => {
          if (typeof l !== 'object' || l === null || typeof l.opportunitySchema !== 'object') {
            throw new BadPageError('The lookups came back without the opportunity field schema.')
          }
        }
      },
      scope.signal
    )
  } catch (error) {
    if (error instanceof RunStoppedError || scope.aborted) return { outcome: 'stopped' }
    const failure = error instanceof PageFetchError ? error.failure : error
    return { outcome: 'partial', error: toErrorInfo(failure, isoAt(clock.now())) }
  }
  try {
    await writeLookups(db, lookups, isoAt(clock.now()))
    return { outcome: 'complete' }
  } catch (error) {
    fail(error)
    return { outcome: 'stopped' }
  }
}
