import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPreferencesStore } from '../../../src/main/features/preferences/preferencesStore'

const file = (): string => join(mkdtempSync(join(tmpdir(), 'rd-prefs-')), 'preferences.json')

describe('preferences store', () => {
  it('notifications are off when there is no file yet', async () => {
    expect(await createPreferencesStore(file()).read()).toEqual({ notifications: false })
  })

  it('keeps a change across a restart, in a versioned file', async () => {
    const path = file()
    await createPreferencesStore(path).update({ notifications: true })
    expect(await createPreferencesStore(path).read()).toEqual({ notifications: true })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, notifications: true })
  })

  it('reads a garbled or foreign file as the defaults, never as opted in', async () => {
    for (const text of ['{not json', '{"version":1,"notifications":"yes"}', '[]']) {
      const path = file()
      writeFileSync(path, text)
      expect(await createPreferencesStore(path).read(), text).toEqual({ notifications: false })
    }
  })
})
