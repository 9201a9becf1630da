import { describe, expect, it } from 'vitest'
import { createAppUrlMatcher, decideWindowOpen } from '../../../src/main/security/navigationPolicy'

describe('navigation policy', () => {
  it('treats only the built index.html as the app when loaded from disk', () => {
    const isApp = createAppUrlMatcher('file:///Applications/Revdesk.app/out/renderer/index.html')
    expect(isApp('file:///Applications/Revdesk.app/out/renderer/index.html')).toBe(true)
    expect(isApp('file:///Applications/Revdesk.app/out/renderer/index.html#/customers')).toBe(true)
    expect(isApp('file:///Applications/Revdesk.app/out/renderer/other.html')).toBe(false)
    expect(isApp('file:///etc/passwd')).toBe(false)
    expect(isApp('https://app.chartmogul.com/')).toBe(false)
    expect(isApp('not a url')).toBe(false)
  })

  it('compares the host of a file:// URL: the same path on another machine is not the app', () => {
    const path = '/Applications/Revdesk.app/out/renderer/index.html'
    const isApp = createAppUrlMatcher(`file://${path}`)
    // A UNC path on Windows (\\evilhost\share): the same path, served by another machine.
    expect(isApp(`file://evilhost${path}`)).toBe(false)
    expect(isApp(`file://evilhost${path}#/customers`)).toBe(false)
    expect(isApp(`file:////evilhost${path}`)).toBe(false)
    expect(isApp(`file:///${path}`)).toBe(false)
    // "localhost" is this machine: the URL parser folds it into the empty host.
    expect(isApp(`file://localhost${path}`)).toBe(true)

    const windows = createAppUrlMatcher(
      'file:///C:/Program%20Files/Revdesk/out/renderer/index.html'
    )
    expect(windows('file:///C:/Program%20Files/Revdesk/out/renderer/index.html')).toBe(true)
    expect(windows('file://evilhost/C:/Program%20Files/Revdesk/out/renderer/index.html')).toBe(
      false
    )
  })

  it('treats the dev server origin as the app in development', () => {
    const isApp = createAppUrlMatcher('http://localhost:5173/')
    expect(isApp('http://localhost:5173/index.html')).toBe(true)
    expect(isApp('http://localhost:5174/')).toBe(false)
    expect(isApp('http://127.0.0.1:5173/')).toBe(false)
  })

  it('trusts only app://revdesk/ once the app is served from its own scheme: scheme AND host', () => {
    const isApp = createAppUrlMatcher('app://revdesk/index.html')
    expect(isApp('app://revdesk/index.html')).toBe(true)
    expect(isApp('app://revdesk/index.html#/customers')).toBe(true)
    expect(isApp('APP://Revdesk/assets/index.js')).toBe(true)
    // Node reports origin "null" for every custom scheme: comparing origins trusted all of these.
    expect(isApp('app://evil/index.html')).toBe(false)
    expect(isApp('app://revdesk.evil/index.html')).toBe(false)
    expect(isApp('app://revdesk:8080/index.html')).toBe(false)
    expect(isApp('app://user@revdesk/index.html')).toBe(false)
    expect(isApp('app:///index.html')).toBe(false)
    expect(isApp('revdesk://revdesk/index.html')).toBe(false)
    expect(isApp('revdesk://customer/0b9d6a4e-5f1c-4c1e-9a51-0c7f5a3c2b11')).toBe(false)
    expect(isApp('https://revdesk/index.html')).toBe(false)
    expect(isApp('http://revdesk/index.html')).toBe(false)
    expect(isApp('file:///index.html')).toBe(false)
    expect(isApp('null')).toBe(false)
  })

  it('never opens a new window; https may go to the system browser (normalised), the rest nowhere', () => {
    expect(decideWindowOpen('HTTPS://App.ChartMogul.com/#/customers/1')).toEqual({
      action: 'deny',
      offerExternally: 'https://app.chartmogul.com/#/customers/1'
    })
    for (const url of [
      'http://x.test',
      'file:///etc/hosts',
      'javascript:alert(1)',
      'smb://host/share',
      'about:blank',
      'https:\\\\evil.test',
      'https://x.test/\nhttps://evil.test'
    ]) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', offerExternally: null })
    }
  })
})
