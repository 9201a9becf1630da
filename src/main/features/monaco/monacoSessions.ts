/**
 * What main keeps per Monaco workspace client: its `MonacoSource` (keyset steps, bounds,
 * lookups) and the stage label → key lookup that source and the deal writes share, so the
 * opportunity field schema is read once per client, not once per call. A new client (after a
 * key or settings change) gets a new session; the old one goes with its client.
 */
import type { MonacoClient, MonacoCallOptions } from '../../monaco'
import { createClientMonacoSource, StageKeys } from '../../monaco/monacoSource'
import type { StageKeyOf } from '../../monaco/toDeal'
import type { MonacoSource } from '../../../shared/sync/monacoSource'

export interface MonacoSession {
  client: MonacoClient
  source: MonacoSource
  stageKeyOf(options?: MonacoCallOptions): Promise<StageKeyOf>
}

const sessions = new WeakMap<MonacoClient, MonacoSession>()

export function monacoSessionFor(client: MonacoClient): MonacoSession {
  let session = sessions.get(client)
  if (!session) {
    const stages = new StageKeys(client)
    session = {
      client,
      source: createClientMonacoSource(client, stages),
      stageKeyOf: (options = {}) => stages.get(options)
    }
    sessions.set(client, session)
  }
  return session
}
