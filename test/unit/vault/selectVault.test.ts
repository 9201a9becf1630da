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
