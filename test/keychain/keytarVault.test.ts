/**
 * The real keytar against a real Secret Service (GNOME Keyring on a private D-Bus session, set up
 * by scripts/with-keyring.mjs). No mocks: what these tests store is really in the keyring.
 */
import keytar from 'keytar'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBridgeHandlers } from '../../src/main/bridgeHandlers'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { KEYCHAIN_SERVICE, lastFour } from '../../src/main/vault/keyVault'
import { createKeytarVault, keytarWorks, loadKeytar } from '../../src/main/vault/keytarVault'
import { selectKeyVault } from '../../src/main/vault/selectVault'
import { testServices } from '../unit/support/testServices'

const vault = createKeytarVault(keytar)
const used = new Set<string>()
const ws = (name: string): string => {
  used.add(name)
  return name
}

beforeAll(async () => {
  if (!(await keytarWorks(keytar))) {
    throw new Error(
      'No Secret Service answered. Run keychain tests through "npm run test:keychain" (it starts GNOME Keyring on a private D-Bus session).'
    )
  }
})

afterEach(async () => {
  for (const id of used) await keytar.deletePassword(KEYCHAIN_SERVICE, id)
  used.clear()
})

describe('keytar vault on a real Secret Service', () => {
  it('saves and reads back under service "Revdesk", account = workspace id', async () => {
    await vault.save(ws('acme'), 'cm_key_abc123')
    expect(await vault.read('acme')).toBe('cm_key_abc123')
    expect(await keytar.getPassword('Revdesk', 'acme')).toBe('cm_key_abc123')
    expect(await keytar.findCredentials('Revdesk')).toEqual([
      { account: 'acme', password: 'cm_key_abc123' }
    ])
  })

  it('overwrites an existing key in place', async () => {
    await vault.save(ws('acme'), 'old-key')
    await vault.save('acme', 'new-key')
    expect(await vault.read('acme')).toBe('new-key')
    expect(
      (await keytar.findCredentials('Revdesk')).filter((c) => c.account === 'acme')
    ).toHaveLength(1)
  })

  it('deletes, and reports missing entries as null / false', async () => {
    await vault.save(ws('acme'), 'k')
    expect(await vault.delete('acme')).toBe(true)
    expect(await vault.read('acme')).toBeNull()
    expect(await vault.delete('acme')).toBe(false)
    expect(await vault.read('never-saved')).toBeNull()
  })

  it('keeps unicode and 200-character keys exactly', async () => {
    const unicode = 'ключ-🔑-键-clé-' + '\u00e9\u0301'
    const long = Array.from(
      { length: 200 },
      (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[i % 36]
    ).join('')
    await vault.save(ws('unicode'), unicode)
    await vault.save(ws('long'), long)
    expect(await vault.read('unicode')).toBe(unicode)
    expect(await vault.read('long')).toBe(long)
    expect((await vault.read('long'))?.length).toBe(200)
    // The visible hint never splits an emoji in half.
    expect(lastFour('abc🔑de')).toBe('c🔑de')
  })

  it('keeps workspaces apart', async () => {
    await vault.save(ws('one'), 'key-one')
    await vault.save(ws('two'), 'key-two')
    await vault.delete('one')
    expect(await vault.read('one')).toBeNull()
    expect(await vault.read('two')).toBe('key-two')
  })

  it('is what the app picks, and the bridge only ever reveals the last four characters', async () => {
    const choice = await selectKeyVault({
      keytar: await loadKeytar(),
      safeStorage: null,
      fallbackFile: '/nonexistent/unused.json'
    })
    expect(choice.status).toEqual({ backend: 'keychain', weak: false, notice: null })
    const dispatch = createDispatcher(createBridgeHandlers(testServices({ vault: choice })))
    ws('bridge')
    const saved = await dispatch({
      method: 'saveKey',
      args: { workspaceId: 'bridge', apiKey: 'sk_live_SECRET_wxyz' }
    })
    const checked = await dispatch({ method: 'hasKey', args: { workspaceId: 'bridge' } })
    expect(saved).toEqual({
      ok: true,
      value: { workspaceId: 'bridge', present: true, last4: 'wxyz' }
    })
    expect(checked).toEqual(saved)
    expect(JSON.stringify([saved, checked])).not.toContain('SECRET')
    expect(await keytar.getPassword('Revdesk', 'bridge')).toBe('sk_live_SECRET_wxyz')
    await dispatch({ method: 'deleteKey', args: { workspaceId: 'bridge' } })
    expect(await keytar.getPassword('Revdesk', 'bridge')).toBeNull()
  })
})
