import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  contentTypeOf,
  serveAppRequest
} from '../../../src/main/protocol/appProtocol'

let base: string
let root: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'revdesk-app-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(root, 'assets', 'font.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]))
  await writeFile(join(root, 'assets', 'a b.svg'), '<svg/>')
  // A file next to the renderer folder that no request may reach.
  await writeFile(join(base, 'secret.txt'), 'secret')
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

async function text(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer())
}

describe('app:// protocol handler', () => {
  it('serves index.html for the root and for /index.html, as HTML', async () => {
    for (const url of ['app://revdesk/', 'app://revdesk', APP_INDEX_URL, `${APP_INDEX_URL}#/x`]) {
      const response = await serveAppRequest(url, root)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await text(response)).toBe('<!doctype html><title>app</title>')
    }
  })

  it('serves assets with their MIME types, query strings ignored and names percent-decoded', async () => {
    const js = await serveAppRequest('app://revdesk/assets/index-abc.js?v=1', root)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await text(js)).toBe('console.log(1)')
    const css = await serveAppRequest('app://revdesk/assets/index-abc.css', root)
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    const font = await serveAppRequest('app://revdesk/assets/font.woff2', root)
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32])
    const svg = await serveAppRequest('app://revdesk/assets/a%20b.svg', root)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('knows the MIME types a Vite build emits', () => {
    expect(contentTypeOf('a.png')).toBe('image/png')
    expect(contentTypeOf('a.json')).toBe('application/json; charset=utf-8')
    expect(contentTypeOf('a.js.map')).toBe('application/json; charset=utf-8')
    expect(contentTypeOf('a.woff')).toBe('font/woff')
    expect(contentTypeOf('a.ttf')).toBe('font/ttf')
    expect(contentTypeOf('a.wasm')).toBe('application/wasm')
    expect(contentTypeOf('A.SVG')).toBe('image/svg+xml')
    expect(contentTypeOf('unknown.bin')).toBe('application/octet-stream')
  })

  it('refuses every way out of the renderer folder, and other hosts', async () => {
    const refused = [
      'app://revdesk/../secret.txt',
      'app://revdesk/assets/../../secret.txt',
      'app://revdesk/%2e%2e/secret.txt',
      'app://revdesk/%2E%2E/secret.txt',
      'app://revdesk/.%2e/secret.txt',
      'app://revdesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://revdesk/..%5csecret.txt',
      'app://revdesk/..\\secret.txt',
      'app://revdesk/assets\\..\\..\\secret.txt',
      'app://revdesk//etc/passwd',
      `app://revdesk/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://revdesk/C:/Windows/win.ini',
      'app://revdesk/index.html%00.js',
      'app://revdesk/%E0%A4%A',
      'app://evil/index.html',
      'app://revdesk.evil/index.html',
      'app:///index.html',
      'revdesk://revdesk/index.html',
      'file:///index.html'
    ]
    for (const url of refused) {
      const response = await serveAppRequest(url, root)
      expect(response.status, url).toBe(403)
      expect(await text(response), url).not.toContain('secret')
    }
  })

  it('answers 404 for what is not there (folders included) and 405 for anything but GET/HEAD', async () => {
    expect((await serveAppRequest('app://revdesk/missing.js', root)).status).toBe(404)
    expect((await serveAppRequest('app://revdesk/assets', root)).status).toBe(404)
    expect((await serveAppRequest(APP_INDEX_URL, root, 'POST')).status).toBe(405)
    const head = await serveAppRequest(APP_INDEX_URL, root, 'HEAD')
    expect(head.status).toBe(200)
    expect(await text(head)).toBe('')
  })

  it('serves the real index.html byte for byte, so its Content-Security-Policy is unchanged', async () => {
    const rendererSource = resolve(import.meta.dirname, '../../../src/renderer')
    const onDisk = await readFile(join(rendererSource, 'index.html'))
    const served = new Uint8Array(
      await (await serveAppRequest(APP_INDEX_URL, rendererSource)).arrayBuffer()
    )
    expect(Buffer.from(served).equals(onDisk)).toBe(true)
    expect(new TextDecoder().decode(served)).toContain(`http-equiv="Content-Security-Policy"`)
  })

  it('asks Electron for a standard, secure scheme with fetch and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
  })
})
