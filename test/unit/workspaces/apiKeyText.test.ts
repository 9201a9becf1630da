/**
 * The sentence for a key with a character no key has tells people where to copy the key from:
 * ChartMogul's wording is unchanged; a Monaco key (it says so by its `mks_` prefix, or the
 * caller names the provider) is sent to Monaco's settings instead.
 */
import { describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { unsendableKeyProblem } from '../../../src/shared/workspace/apiKeyText'
import { testServices } from '../support/testServices'

describe('where to copy a key again from', () => {
  it('keeps ChartMogul’s sentence exactly', () => {
    expect(unsendableKeyProblem('sk_live\u20131234')).toBe(
      'The API key contains “–” (U+2013), which no API key has; it probably came with the copy. ' +
        'Copy the key again from ChartMogul → Profile → API keys, or type that character plainly.'
    )
  })

  it('names Monaco for a Monaco key', () => {
    const problem = unsendableKeyProblem('mks_live\u20131234')
    expect(problem).toContain('Copy the key again from Monaco → Settings → API Keys')
    expect(problem).not.toContain('ChartMogul')
    expect(unsendableKeyProblem('live\u20131234', 'monaco')).toContain('Monaco → Settings')
  })

  it('reaches the page through the bridge when a Monaco workspace is added', async () => {
    const services = testServices()
    const dispatch = createDispatcher(createBridgeHandlers(services))
    const result = await dispatch({
      method: 'addWorkspace',
      args: { name: 'Globex', apiKey: 'mks_live\u20131234', provider: 'monaco' }
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'apiKey' }] }
    })
    if (!result.ok) expect(result.error.issues?.[0]?.message).toContain('Monaco → Settings')
    expect(await services.workspaces.list()).toEqual([])
  })
})
