/** Status and pause messages name the workspace's provider, ChartMogul unless told otherwise. */
import { describe, expect, it } from 'vitest'
import { describeSyncProblem } from '../../../src/renderer/src/app/syncProblem'
import { serverWaitMessage } from '../../../src/renderer/src/shell/serverWaitMessage'

describe('provider wording', () => {
  it('says which provider refused the key or asked to wait', () => {
    expect(describeSyncProblem('unauthorized', '', 'Monaco')).toBe(
      'Monaco rejected the API key — update it in Settings.'
    )
    expect(describeSyncProblem('unauthorized', '')).toBe(
      'ChartMogul rejected the API key — update it in Settings.'
    )
    const wait = { retryAt: 0, requestedUntil: 0 } as Parameters<typeof serverWaitMessage>[0]
    expect(serverWaitMessage(wait, () => '10:00', 'Monaco')).toBe(
      'Monaco asked us to wait until 10:00.'
    )
  })
})
