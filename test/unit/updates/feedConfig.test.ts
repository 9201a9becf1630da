import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BAD_OVERRIDE,
  NOT_CONFIGURED,
  NOT_PACKAGED,
  readBundledFeed,
  resolveUpdateFeed,
  TURNED_OFF
} from '../../../src/main/updates/feedConfig'

// What electron-builder 26 writes for `publish: { provider: github, owner, repo }`.
const GITHUB_FEED =
  'owner: revdesk\nrepo: revdesk\nprovider: github\nupdaterCacheDirName: revdesk-updater\n'

describe('update feed resolution', () => {
  it('is off in an unpackaged run, whatever is configured', () => {
    expect(
      resolveUpdateFeed({
        isPackaged: false,
        env: { REVDESK_UPDATE_FEED: 'https://updates.example.com/revdesk' },
        bundledFeed: GITHUB_FEED
      })
    ).toEqual({ kind: 'off', reason: NOT_PACKAGED })
  })

  it('uses the app-update.yml electron-builder bundled', () => {
    expect(resolveUpdateFeed({ isPackaged: true, env: {}, bundledFeed: GITHUB_FEED })).toEqual({
      kind: 'bundled',
      provider: 'github'
    })
  })

  it('is off, saying so, when the build has no feed (or an unreadable one)', () => {
    for (const bundledFeed of [null, '', 'url: https://x.test\n', 'provider: [weird]']) {
      expect(
        resolveUpdateFeed({ isPackaged: true, env: {}, bundledFeed }),
        String(bundledFeed)
      ).toEqual({ kind: 'off', reason: NOT_CONFIGURED })
    }
    expect(NOT_CONFIGURED).toBe('Updates are not configured for this build.')
  })

  it('REVDESK_UPDATE_FEED overrides: an https address is a generic feed, "off" turns updates off', () => {
    const env = { REVDESK_UPDATE_FEED: ' https://updates.example.com/revdesk ' }
    expect(resolveUpdateFeed({ isPackaged: true, env, bundledFeed: GITHUB_FEED })).toEqual({
      kind: 'generic',
      url: 'https://updates.example.com/revdesk'
    })
    expect(
      resolveUpdateFeed({
        isPackaged: true,
        env: { REVDESK_UPDATE_FEED: 'OFF' },
        bundledFeed: GITHUB_FEED
      })
    ).toEqual({ kind: 'off', reason: TURNED_OFF })
    expect(
      resolveUpdateFeed({
        isPackaged: true,
        env: { REVDESK_UPDATE_FEED: 'http://127.0.0.1:8080/feed' },
        bundledFeed: null
      })
    ).toEqual({ kind: 'generic', url: 'http://127.0.0.1:8080/feed' })
  })

  it('a mistyped override fails closed instead of falling back to the bundled feed', () => {
    for (const value of [
      'http://updates.example.com/revdesk',
      'file:///tmp/feed',
      'updates.example.com',
      'https://user:secret@updates.example.com/'
    ]) {
      expect(
        resolveUpdateFeed({
          isPackaged: true,
          env: { REVDESK_UPDATE_FEED: value },
          bundledFeed: GITHUB_FEED
        }),
        value
      ).toEqual({ kind: 'off', reason: BAD_OVERRIDE })
    }
  })

  it('reads app-update.yml from the resources folder; none there (or no folder) is null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revdesk-feed-'))
    try {
      expect(await readBundledFeed(dir)).toBeNull()
      expect(await readBundledFeed(undefined)).toBeNull()
      await writeFile(join(dir, 'app-update.yml'), GITHUB_FEED)
      expect(await readBundledFeed(dir)).toBe(GITHUB_FEED)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
