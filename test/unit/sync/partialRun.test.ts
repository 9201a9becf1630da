/**
 * A run whose partitions fail (a page ChartMogul refuses, or one that stays broken after the
 * retries) ends `partial`: the rest of the data is cached and the next run resumes. The user must
 * still be told what went wrong — a partial run used to carry no error, so the status bar went
 * on saying "Never synced" while nothing was cached.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ValidationError } from '../../../src/main/chartmogul'
import { createSyncEngine } from '../../../src/renderer/src/sync'
import { freshCache } from './support/cache'
import { countingSource } from './support/countingSource'
import { startSimulatedAccount, type SimulatedAccount } from './support/simulatorSource'

let account: SimulatedAccount
beforeAll(async () => {
  account = await startSimulatedAccount({ seed: 72, customers: 300, fast: true })
})
afterAll(() => account.close())

test('a run whose activity pages are all refused is partial and says why', async () => {
  const db = await freshCache('partial-refused')
  const source = countingSource(account.source, (request, _index, forward) =>
    request.resource === 'activities'
      ? Promise.reject(
          new ValidationError([{ field: 'start-date', message: 'is not a valid date' }])
        )
      : forward()
  )
  const engine = createSyncEngine({ db, source })
  const result = await engine.run()

  expect(result.outcome).toBe('partial')
  expect(result.resources.activities).not.toBe('complete')
  expect(result.resources.customers).toBe('complete')
  expect(result.error).toMatchObject({ kind: 'validation' })
  expect(result.error?.message).toMatch(/start-date|valid date/)
  db.close()
})

test('a complete run carries no error', async () => {
  const db = await freshCache('partial-none')
  const result = await createSyncEngine({ db, source: account.source }).run()
  expect(result.outcome).toBe('complete')
  expect(result.error).toBeNull()
  db.close()
})
