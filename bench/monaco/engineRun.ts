/**
 * Revdesk's Monaco sync as the app runs it, minus the IPC hop: the renderer's engine writing a
 * fresh cache (fake-indexeddb) from `createClientMonacoSource` over the gateway client.
 */
import 'fake-indexeddb/auto'
import { createClientMonacoSource } from '../../src/main/monaco/monacoSource'
import { openWorkspaceCache } from '../../src/renderer/src/cache/db'
import { createMonacoSyncEngine } from '../../src/renderer/src/monacoSync'
import { cachedReplica, expectedReplica, sameReplica } from '../../test/unit/monacoSync/support/org'
import type { BenchOrg } from './org'

export interface EngineRunResult {
  wallMs: number
  requests: number
  outcome: string
  replicaExact: boolean
  records: number
  /** `total_count` − records seen, summed per entity (0 when nothing moved). */
  countDrift: number | null
  windows: number
}

let runs = 0

export async function runEngine(org: BenchOrg): Promise<EngineRunResult> {
  const { client, clock } = await org.freshClient()
  const db = await openWorkspaceCache(`bench-monaco-${process.pid}-${++runs}`)
  const engine = createMonacoSyncEngine({
    db,
    source: createClientMonacoSource(client),
    // The engine's waits (a long pause the limiter asks for) run on the limiter's clock.
    options: { clock }
  })
  const started = performance.now()
  const result = await engine.run()
  const wallMs = performance.now() - started
  const replicaExact = sameReplica(await cachedReplica(db), expectedReplica(org))
  const rows = await db.monacoSync.toArray()
  const drifts = rows.map((r) => r.lastCountDrift)
  const records =
    (await db.accounts.count()) + (await db.contacts.count()) + (await db.opportunities.count())
  db.close()
  await db.delete()
  return {
    wallMs,
    requests: result.requests,
    outcome: result.outcome,
    replicaExact,
    records,
    countDrift: drifts.some((d) => d === null)
      ? null
      : drifts.reduce<number>((a, d) => a + (d ?? 0), 0),
    windows: engine.progress().reduce((n, p) => n + p.partitions.total, 0)
  }
}
