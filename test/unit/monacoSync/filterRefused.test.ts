/**
 * A Monaco that refuses the `updated_at` filter (HTTP 422 validation error): the run falls
 * back to full passes and completes, and the workspace remembers it, so later runs go straight
 * to full passes instead of being refused every time.
 */
import { afterEach, expect, test } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import {
  createMonacoSyncEngine,
  readFilterRefusal,
  UPDATED_AT_REFUSED_KEY
} from '../../../src/renderer/src/monacoSync'
import { freshCache } from '../sync/support/cache'
import { countingMonacoSource } from './support/countingSource'
import { cachedReplica, expectedReplica, sameReplica, sourceFor, startOrg } from './support/org'

let sim: RunningMonacoSimulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

/**
 * In front of the simulator: list requests that filter on `updated_at` get Monaco's 422
 * (`{"error":{"code":"validation_error",…}}`); `stepsOnly` lets the one-record bounds requests
 * through, so the refusal comes in the middle of a walk instead of while planning.
 */
function refusingUpdatedAt(stepsOnly: boolean, refused: string[]) {
  return async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = typeof init?.body === 'string' ? init.body : ''
    const bounds = body.includes('"page_size":1,') || body.includes('"page_size":1}')
    if (body.includes('"updated_at"') && !(stepsOnly && bounds)) {
      refused.push(body)
      return new Response(
        JSON.stringify({
          error: { code: 'validation_error', message: 'updated_at is not filterable' }
        }),
        { status: 422, headers: { 'content-type': 'application/json' } }
      )
    }
    return globalThis.fetch(url, init)
  }
}

test.each([
  { stepsOnly: false, where: 'while planning' },
  { stepsOnly: true, where: 'mid-walk' }
])(
  '422 on the updated_at filter ($where): full pass now, and remembered',
  async ({ stepsOnly }) => {
    const org = await startOrg({ seed: 61, accounts: 50, contacts: 80, opportunities: 40 })
    sim = org
    const refused: string[] = []
    const source = countingMonacoSource(
      sourceFor(org, { fetch: refusingUpdatedAt(stepsOnly, refused) })
    )
    const db = await freshCache('monaco-refused')
    const engine = createMonacoSyncEngine({ db, source, options: { pageSize: 10 } })
    expect((await engine.run()).outcome).toBe('complete')
    expect(refused).toEqual([])
    expect(await readFilterRefusal(db)).toBeNull()

    org.store.outOfBand.remove('accounts', org.store.all('accounts')[0]!.id)
    // An incremental run: refused, so it becomes a full pass that completes (and sweeps).
    const second = await engine.run()
    expect(second.outcome).toBe('complete')
    expect(second.error).toBeNull()
    expect(refused.length).toBeGreaterThan(0)
    expect(engine.progress().map((p) => p.mode)).toEqual(['full', 'full', 'full'])
    const remembered = await db.meta.get(UPDATED_AT_REFUSED_KEY)
    expect(remembered?.value).toMatchObject({ message: expect.stringContaining('updated_at') })
    const replica = await cachedReplica(db)
    if (!sameReplica(replica, expectedReplica(org))) expect(replica).toEqual(expectedReplica(org))

    // Later runs go straight to full passes: the filter is never sent again.
    refused.length = 0
    source.steps.length = 0
    expect((await engine.run()).outcome).toBe('complete')
    expect(refused).toEqual([])
    expect(source.steps.some((s) => s.updatedAfter !== undefined)).toBe(false)
    expect(engine.progress().map((p) => p.mode)).toEqual(['full', 'full', 'full'])
    db.close()
  },
  30_000
)
