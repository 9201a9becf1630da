/**
 * A long wait crosses the bridge intact: main's AppError carries what Revdesk will wait and what
 * ChartMogul asked for, the page's BridgeCallError keeps both (the outbox's "Will retry at …"
 * and the sync engine's wait message read them), and the engine reads them the same way from
 * the bridge and from the gateway client in Node tests.
 */
import { expect, test } from 'vitest'
import { RateLimitedError } from '../../../src/main/chartmogul'
import { withGatewayErrors } from '../../../src/main/features/sync/gatewayErrors'
import { AppError } from '../../../src/main/ipc/appError'
import { BridgeCallError } from '../../../src/renderer/src/lib/bridge'
import { serverWaitOf } from '../../../src/renderer/src/sync/serverWait'

const HOUR_MS = 3_600_000

test('main → bridge → page keeps the capped wait and the requested one', async () => {
  const thrown = await withGatewayErrors(async () => {
    throw new RateLimitedError({ retryAfterMs: 60_000, requestedWaitMs: HOUR_MS })
  }).catch((error: unknown) => error)
  expect(thrown).toBeInstanceOf(AppError)
  expect(thrown).toMatchObject({
    code: 'rate_limited',
    retryAfterMs: 60_000,
    requestedWaitMs: HOUR_MS
  })

  const onPage = new BridgeCallError({
    code: 'rate_limited',
    message: (thrown as AppError).message,
    retryAfterMs: 60_000,
    requestedWaitMs: HOUR_MS
  })
  expect(onPage).toMatchObject({ retryAfterMs: 60_000, requestedWaitMs: HOUR_MS })
  expect(serverWaitOf(onPage)).toEqual({ waitMs: 60_000, requestedMs: HOUR_MS })
  expect(
    serverWaitOf(new RateLimitedError({ retryAfterMs: 60_000, requestedWaitMs: HOUR_MS }))
  ).toEqual({ waitMs: 60_000, requestedMs: HOUR_MS })
})

test('no wait is read from other errors or from hostile values', () => {
  expect(
    serverWaitOf(new BridgeCallError({ code: 'server', message: 'x', retryAfterMs: 5 }))
  ).toBeNull()
  expect(serverWaitOf(new BridgeCallError({ code: 'rate_limited', message: 'x' }))).toBeNull()
  expect(
    serverWaitOf(Object.assign(new Error('x'), { code: 'rate_limited', retryAfterMs: Number.NaN }))
  ).toBeNull()
  // A requested wait shorter than the capped one makes no sense: the capped one stands.
  expect(
    serverWaitOf(
      Object.assign(new Error('x'), {
        code: 'rate_limited',
        retryAfterMs: 9_000,
        requestedWaitMs: 1
      })
    )
  ).toEqual({ waitMs: 9_000, requestedMs: 9_000 })
})
