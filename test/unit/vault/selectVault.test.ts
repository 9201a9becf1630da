/** Which store keys go to, and what the user is told about it. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Keytar } from '../../../src/main/vault/keytarVault'
import { selectKeyVault } from '../../../src/main/vault/selectVault'
import { fakeSafeStorage } from '../support/fakeSafeStorage'

const fallbackFile = (): string => join(mkdtempSync(join(tmpdir(), 'rd-sel-')), 'keys.enc.json')

/** keytar as it behaves on Linux with no Secret Service: loads, then fails on first use. */
const keytarWithoutBackend: Keytar = {
  getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  findCredentials: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'))
}

describe('selectKeyVault', () => {
  it('falls back to the encrypted file when the keychain does not answer', async () => {
    const choice = await selectKeyVault({
      keytar: keytarWithoutBackend,
      safeStorage: fakeSafeStorage(),
      fallbackFile: fallbackFile()
    })
    expect(choice.status).toMatchObject({ backend: 'encrypted-file', weak: false })
    expect(choice.vault.backend).toBe('encrypted-file')
    await choice.vault.save('acme', 'k-1234')
    expect(await choice.vault.read('acme')).toBe('k-1234')
  })

  it("tells the user plainly when Linux's basic_text is the only encryption", async () => {
    const choice = await selectKeyVault({
      keytar: null,
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      fallbackFile: fallbackFile()
    })
    expect(choice.status.weak).toBe(true)
    expect(choice.status.notice).toMatch(/basic_text/)
    expect(choice.status.notice).toMatch(/GNOME Keyring or KWallet/)
  })

  it('refuses to store anything when neither keychain nor encryption exists', async () => {
    const choice = await selectKeyVault({
      keytar: keytarWithoutBackend,
      safeStorage: fakeSafeStorage({ available: false }),
      fallbackFile: fallbackFile()
    })
    expect(choice.status.backend).toBe('unavailable')
    await expect(choice.vault.save('acme', 'k')).rejects.toMatchObject({
      code: 'key_storage_unavailable'
    })
    expect(await choice.vault.read('acme')).toBeNull()
  })
})

/** An in-memory keychain with keytar's API, for choosing and migrating without a Secret Service. */
function memoryKeytar(): Keytar & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  const id = (service: string, account: string): string => `${service}/${account}`
  return {
    entries,
    getPassword: async (s, a) => entries.get(id(s, a)) ?? null,
    setPassword: async (s, a, p) => void entries.set(id(s, a), p),
    deletePassword: async (s, a) => entries.delete(id(s, a)),
    findCredentials: async (s) =>
      [...entries]
        .filter(([k]) => k.startsWith(`${s}/`))
        .map(([k, password]) => ({ account: k.slice(s.length + 1), password }))
  }
}

describe('moving keys from the fallback file into the keychain', () => {
  it('moves file keys into the keychain once it answers, without overwriting newer keychain keys', async () => {
    const file = fallbackFile()
    const safeStorage = fakeSafeStorage()
    const offline = await selectKeyVault({
      keytar: keytarWithoutBackend,
      safeStorage,
      fallbackFile: file
    })
    await offline.vault.save('acme', 'saved-while-no-keyring')
    await offline.vault.save('beta', 'stale-file-key')

    const keytar = memoryKeytar()
    await keytar.setPassword('Revdesk', 'beta', 'newer-keychain-key')
    const online = await selectKeyVault({ keytar, safeStorage, fallbackFile: file })

    expect(online.status.backend).toBe('keychain')
    expect(await online.vault.read('acme')).toBe('saved-while-no-keyring')
    expect(await online.vault.read('beta')).toBe('newer-keychain-key')
    const leftInFile = await selectKeyVault({ keytar: null, safeStorage, fallbackFile: file })
    expect(await leftInFile.vault.read('acme')).toBeNull()
    expect(await leftInFile.vault.read('beta')).toBeNull()
  })

  it('keeps the file key when the keychain refuses to store it', async () => {
    const file = fallbackFile()
    const safeStorage = fakeSafeStorage()
    await (
      await selectKeyVault({ keytar: null, safeStorage, fallbackFile: file })
    ).vault.save('acme', 'precious')
    const keytar = memoryKeytar()
    keytar.setPassword = () => Promise.reject(new Error('keyring locked'))
    const online = await selectKeyVault({ keytar, safeStorage, fallbackFile: file })
    expect(online.status.backend).toBe('keychain')
    const fileOnly = await selectKeyVault({ keytar: null, safeStorage, fallbackFile: file })
    expect(await fileOnly.vault.read('acme')).toBe('precious')
  })
})
