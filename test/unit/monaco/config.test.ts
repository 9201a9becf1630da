import { afterEach, describe, expect, it } from 'vitest'
import { CancelledError, TimeoutError } from '../../../src/main/chartmogul'
import {
  createMonacoClient,
  describeMonacoIdentity,
  monacoKeyShapeHint
} from '../../../src/main/monaco'
import { normalizeApiPrefix, normalizeMonacoBaseUrl } from '../../../src/main/monaco/baseUrl'
import { closeTestbed, testbed } from './support/server'

/** Where requests go, what a key looks like, and how an attempt ends early. */

afterEach(closeTestbed)

describe('base URL and prefix', () => {
  it('normalizes the base URL; plain http only on this machine', () => {
    expect(normalizeMonacoBaseUrl('https://api.monaco.com/')).toBe('https://api.monaco.com')
    expect(normalizeMonacoBaseUrl('https://api.monaco.com/v1/')).toBe('https://api.monaco.com')
    expect(normalizeMonacoBaseUrl('http://127.0.0.1:4020')).toBe('http://127.0.0.1:4020')
    expect(() => normalizeMonacoBaseUrl('http://api.monaco.com')).toThrowError(/https/)
    expect(() => normalizeMonacoBaseUrl('https://u:p@api.monaco.com')).toThrowError(/credentials/)
    expect(() => normalizeMonacoBaseUrl('nope')).toThrowError(/not a valid URL/)
  })

  it('accepts plain path segments as the prefix', () => {
    expect(normalizeApiPrefix('/v1')).toBe('/v1')
    expect(normalizeApiPrefix('v1/preview/')).toBe('/v1/preview')
    expect(() => normalizeApiPrefix('/v1/../admin')).toThrowError(/plain path segments/)
    expect(() => normalizeApiPrefix('/v1?x=1')).toThrowError(/plain path segments/)
  })

  it('a key that cannot go in a header is refused when the client is made', () => {
    expect(() => createMonacoClient({ apiKey: 'mks_ab cd' })).toThrowError(/cannot be sent/)
  })
})

describe('keys', () => {
  it('hints when a key does not look like a Monaco key, never refuses it', () => {
    expect(monacoKeyShapeHint('mks_abc')).toBeNull()
    expect(monacoKeyShapeHint('3f1c…chartmogul')).toMatch(/start with “mks_”/)
  })

  it('a verified key shows the organization and the user’s email', () => {
    expect(
      describeMonacoIdentity({
        orgId: 'org_1',
        orgName: 'Example Inc.',
        userId: 'usr_1',
        userEmail: 'ada@example.com',
        userFirstName: 'Ada',
        userLastName: 'Lovelace'
      })
    ).toBe('Example Inc. — ada@example.com')
    expect(
      describeMonacoIdentity({
        orgId: 'org_1',
        orgName: null,
        userId: 'usr_1',
        userEmail: null,
        userFirstName: 'Ada',
        userLastName: null
      })
    ).toBe('org_1 — Ada')
  })
})

describe('ending an attempt early', () => {
  it('a caller’s abort cancels a request in flight', async () => {
    const { client, server } = await testbed(() => undefined)
    const controller = new AbortController()
    const pending = client.getOpportunity('opp_1', { signal: controller.signal })
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5))
    controller.abort()
    await expect(pending).rejects.toBeInstanceOf(CancelledError)
  })

  it('a read that never answers times out after its attempts, in Monaco’s words', async () => {
    const { client, server } = await testbed(() => undefined, {
      timeoutMs: 100,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }
    })
    const error = await client.getOpportunity('opp_1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as Error).message).toBe('Monaco did not answer within 100 ms.')
    expect(server.requests).toHaveLength(2)
  })
})
