/** Authentication, exact trailing slashes and the answers for unknown paths and methods. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMonacoSimulator } from '../../../src/main/monacoSimulator'
import { call, startSmall } from './support'

describe('Monaco simulator: HTTP surface', () => {
  let sim: RunningMonacoSimulator
  beforeAll(async () => {
    sim = await startSmall({ apiKey: 'mks_test_key_1' })
  })
  afterAll(() => sim.close())

  it('answers GET /v1/me with the org and user the key acts as', async () => {
    const res = await call(sim, 'GET', '/v1/me')
    expect(res.status).toBe(200)
    expect(res.validated).toBe(true)
    const me = (res.body as { data: Record<string, string> }).data
    const user = sim.store.user(me['user_id'] as string)
    expect(me['org_id']).toBe(sim.store.org.id)
    expect(me['user_email']).toBe(user?.email)
  })

  it('answers 401 {"detail"} for a missing, wrong, non-Bearer or Bearer-less key', async () => {
    const attempts = [
      call(sim, 'GET', '/v1/me', { key: null }),
      call(sim, 'GET', '/v1/me', { key: 'mks_test_key_2' }),
      call(sim, 'GET', '/v1/me', {
        key: null,
        headers: { authorization: 'Basic bWtzX3Rlc3Rfa2V5XzE6' }
      }),
      call(sim, 'GET', '/v1/me', { key: null, headers: { authorization: 'mks_test_key_1' } }),
      call(sim, 'POST', '/v1/opportunities/list', { key: 'nope', body: {} })
    ]
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401)
      expect(res.body).toEqual({ detail: 'No key found' })
    }
  })

  it('accepts only the new key after a rotation', async () => {
    sim.rotateApiKey('mks_rotated')
    try {
      expect((await call(sim, 'GET', '/v1/me', { key: 'mks_test_key_1' })).status).toBe(401)
      expect((await call(sim, 'GET', '/v1/me')).status).toBe(200)
    } finally {
      sim.rotateApiKey('mks_test_key_1')
    }
  })

  it('refuses to start with a key that is not an mks_ key', async () => {
    await expect(startSmall({ apiKey: 'sk_live_1' })).rejects.toThrow(/mks_/)
  })

  describe('trailing slashes are exact: the other form answers 307 to the served one', () => {
    const cases: [string, string, string][] = [
      ['GET', '/v1/users', '/v1/users/'],
      ['GET', '/v1/tags?object=opportunities', '/v1/tags/?object=opportunities'],
      ['POST', '/v1/opportunities', '/v1/opportunities/'],
      ['GET', '/v1/me/', '/v1/me'],
      ['POST', '/v1/opportunities/list/', '/v1/opportunities/list'],
      ['POST', '/v1/accounts/list/', '/v1/accounts/list'],
      ['GET', '/v1/schemas/opportunities/', '/v1/schemas/opportunities'],
      [
        'GET',
        '/v1/opportunities/3c90c3cc-0d44-4b50-8888-8dd25736052a/',
        '/v1/opportunities/3c90c3cc-0d44-4b50-8888-8dd25736052a'
      ]
    ]
    for (const [method, path, target] of cases) {
      it(`${method} ${path} → 307 ${target}`, async () => {
        const res = await call(sim, method, path, method === 'POST' ? { body: {} } : {})
        expect(res.status).toBe(307)
        expect(res.headers.location).toBe(`${sim.url}${target}`)
        expect(res.text).toBe('')
      })
    }

    it('redirects before checking the key, as the framework does', async () => {
      expect((await call(sim, 'GET', '/v1/users', { key: null })).status).toBe(307)
    })

    it('serves the documented form directly', async () => {
      expect((await call(sim, 'GET', '/v1/users/')).status).toBe(200)
      expect((await call(sim, 'GET', '/v1/me')).status).toBe(200)
    })
  })

  it('answers 405 for a known path with another method and 404 for an unknown path', async () => {
    const wrongMethod = await call(sim, 'GET', '/v1/opportunities/')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.body).toEqual({ detail: 'Method Not Allowed' })
    const unknown = await call(sim, 'GET', '/v1/nothing-here')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ detail: 'Not Found' })
    expect((await call(sim, 'POST', '/v1/preview/opportunities/', { body: {} })).status).toBe(404)
  })

  it('refuses a non-JSON body and a body of another content type with 422', async () => {
    const broken = await call(sim, 'POST', '/v1/accounts/list', { rawBody: '{"page":' })
    expect(broken.status).toBe(422)
    expect(broken.validated).toBe(true)
    const form = await call(sim, 'POST', '/v1/accounts/list', {
      rawBody: 'page=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }
    })
    expect(form.status).toBe(422)
  })

  it('lists users, filtered by a case-insensitive substring of name or e-mail', async () => {
    const all = (await call(sim, 'GET', '/v1/users/')).body as { data: { email: string }[] }
    expect(all.data).toHaveLength(sim.store.users().length)
    const someone = sim.store.users()[1]
    const needle = (someone?.lastName ?? '').toUpperCase()
    const res = await call(sim, 'GET', `/v1/users/?query=${encodeURIComponent(needle)}`)
    const found = (res.body as { data: { id: string }[] }).data.map((u) => u.id)
    const expected = sim.store
      .users()
      .filter((u) =>
        `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(needle.toLowerCase())
      )
      .map((u) => u.id)
    expect(found).toEqual(expected)
    expect(found).toContain(someone?.id)
  })

  it('lists tags per object type and requires a valid object', async () => {
    const res = await call(sim, 'GET', '/v1/tags/?object=opportunities')
    const names = (res.body as { data: { name: string }[] }).data.map((t) => t.name)
    expect(names).toEqual(sim.store.tags('opportunities').map((t) => t.name))
    expect((await call(sim, 'GET', '/v1/tags/')).status).toBe(422)
    expect((await call(sim, 'GET', '/v1/tags/?object=deals')).status).toBe(422)
  })
})
