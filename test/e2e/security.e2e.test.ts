/**
 * What the page can and cannot reach, checked in the real browser with the real built preload:
 * only the typed bridge, no Node, no ipcRenderer, no key, and a CSP that blocks injected code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BRIDGE_METHOD_NAMES } from '../../src/shared/bridge/surface'
import { startCorsServer } from './harness/corsServer'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp
beforeAll(async () => {
  app = await launchApp()
})
afterAll(async () => {
  await app.close()
})

describe('page sandbox', () => {
  it('exposes exactly the bridge methods plus "on", frozen', async () => {
    const surface = await app.page.evaluate(() => ({
      keys: Object.keys(window.revdesk).sort(),
      frozen: Object.isFrozen(window.revdesk),
      reassignable: (() => {
        try {
          ;(window as unknown as Record<string, unknown>)['revdesk'] = {}
        } catch {
          /* strict-mode assignment to a read-only property throws */
        }
        return Object.keys(window.revdesk).length === 0
      })()
    }))
    expect(surface.keys).toEqual([...BRIDGE_METHOD_NAMES, 'on'].sort())
    expect(surface.frozen).toBe(true)
    expect(surface.reassignable).toBe(false)
  })

  it('has no Node, Electron or IPC globals', async () => {
    const leaked = await app.page.evaluate(() =>
      [
        'require',
        'process',
        'module',
        'Buffer',
        'global',
        'ipcRenderer',
        'electron',
        'electronAPI'
      ].filter((name) => name in window)
    )
    expect(leaked).toEqual([])
  })

  it('blocks injected inline scripts with the Content-Security-Policy', async () => {
    const result = await app.page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string | null }>((resolve) => {
          let violated: string | null = null
          document.addEventListener(
            'securitypolicyviolation',
            (e) => (violated = e.violatedDirective)
          )
          const script = document.createElement('script')
          script.textContent = 'window.__injected = true'
          document.body.append(script)
          setTimeout(
            () =>
              resolve({
                ran: (window as unknown as Record<string, unknown>)['__injected'] === true,
                violated
              }),
            200
          )
        })
    )
    expect(result.ran).toBe(false)
    expect(result.violated).toMatch(/^script-src/)
  })

  it('cannot reach the network directly: connect-src blocks a live server open to any origin', async () => {
    const server = await startCorsServer()
    try {
      // The server is live and would answer a cross-origin page.
      const direct = await fetch(`${server.url}/from-node`)
      expect(direct.headers.get('access-control-allow-origin')).toBe('*')
      expect(server.hits).toEqual(['GET /from-node'])
      server.hits.length = 0

      const target = `${server.url}/from-page`
      const outcome = await app.page.evaluate(async (url) => {
        const violations: { directive: string; blocked: string }[] = []
        const record = (e: SecurityPolicyViolationEvent): void => {
          violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI })
        }
        document.addEventListener('securitypolicyviolation', record)
        let result: string
        try {
          const response = await fetch(url)
          result = `fetched ${response.status}`
        } catch (error) {
          result = (error as Error).name
        }
        // The violation event is queued as a task; let it be dispatched.
        await new Promise((resolve) => setTimeout(resolve, 200))
        document.removeEventListener('securitypolicyviolation', record)
        return { result, violations }
      }, target)

      expect(outcome.result).toBe('TypeError')
      expect(server.hits).toEqual([])
      expect(outcome.violations).toEqual([{ directive: 'connect-src', blocked: target }])
      // Chromium says so on the console too, naming the directive and the address.
      expect(
        app.consoleErrors.filter((line) => line.includes(target) && line.includes('connect-src'))
      ).toHaveLength(1)
    } finally {
      await server.close()
    }
  })

  it('gets typed errors for bad arguments, and main keeps serving', async () => {
    const results = await app.page.evaluate(async () => {
      const bridge = window.revdesk as unknown as Record<string, (a?: unknown) => Promise<unknown>>
      return {
        badId: await bridge['hasKey']!({ workspaceId: '../../etc' }),
        extra: await bridge['hasKey']!({ workspaceId: 'ok', sneaky: true }),
        wrongType: await bridge['saveKey']!({ workspaceId: 'ok', apiKey: 42 }),
        missing: await bridge['deleteKey']!(),
        after: await bridge['hasKey']!({ workspaceId: 'still-works' })
      }
    })
    expect(results.badId).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'workspaceId' }] }
    })
    expect(results.extra).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(results.wrongType).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'apiKey' }] }
    })
    expect(results.missing).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(results.after).toEqual({
      ok: true,
      value: { workspaceId: 'still-works', present: false, last4: null }
    })
  })

  it('opens only https links in the system browser', async () => {
    const results = await app.page.evaluate(async () => ({
      https: await window.revdesk.openExternal({
        url: 'https://app.chartmogul.com/#/customers',
        purpose: 'chartmogul-app'
      }),
      file: await window.revdesk.openExternal({ url: 'file:///etc/passwd' }),
      js: await window.revdesk.openExternal({ url: 'javascript:alert(1)' })
    }))
    expect(results.https.ok).toBe(true)
    expect(results.file).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(results.js).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(app.externalUrls).toEqual(['https://app.chartmogul.com/#/customers'])
  })
})
