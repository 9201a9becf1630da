/** The encrypted-file fallback: never plaintext on disk, never a lost key, clear refusals. */
import { mkdtempSync, readFileSync, existsSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/main/ipc/appError'
import { createSafeStorageVault } from '../../../src/main/vault/safeStorageVault'
import { fakeSafeStorage } from '../support/fakeSafeStorage'

const tempFile = (): string => join(mkdtempSync(join(tmpdir(), 'rd-vault-')), 'keys.enc.json')

describe('safeStorage vault', () => {
  it('stores keys encrypted and reads them back', async () => {
    const file = tempFile()
    const vault = createSafeStorageVault(file, fakeSafeStorage())
    const key = 'sk_live_🔑_ключ_' + 'x'.repeat(180)
    await vault.save('acme', key)
    expect(await vault.read('acme')).toBe(key)
    const onDisk = readFileSync(file, 'utf8')
    expect(onDisk).not.toContain('sk_live')
    expect(onDisk).not.toContain('xxxx')
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('overwrites, deletes, and reports missing entries as null/false', async () => {
    const vault = createSafeStorageVault(tempFile(), fakeSafeStorage())
    expect(await vault.read('nobody')).toBeNull()
    expect(await vault.delete('nobody')).toBe(false)
    await vault.save('acme', 'first')
    await vault.save('acme', 'second')
    expect(await vault.read('acme')).toBe('second')
    expect(await vault.delete('acme')).toBe(true)
    expect(await vault.read('acme')).toBeNull()
  })

  it('keeps every key when saves race', async () => {
    const vault = createSafeStorageVault(tempFile(), fakeSafeStorage())
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.save(`ws-${i}`, `key-${i}`)))
    for (let i = 0; i < 20; i++) expect(await vault.read(`ws-${i}`)).toBe(`key-${i}`)
  })

  it('refuses to save when encryption is unavailable, and writes nothing', async () => {
    const file = tempFile()
    const vault = createSafeStorageVault(file, fakeSafeStorage({ available: false }))
    const attempt = vault.save('acme', 'plaintext-would-be-bad')
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({ code: 'key_storage_unavailable' })
    expect(existsSync(file)).toBe(false)
  })

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'treats "%s" as an ordinary workspace id: absent until saved, then its own entry',
    async (workspaceId) => {
      const file = tempFile()
      const vault = createSafeStorageVault(file, fakeSafeStorage())
      await vault.save('acme', 'acme-key')
      expect(await vault.read(workspaceId)).toBeNull()
      expect(await vault.delete(workspaceId)).toBe(false)
      await vault.save(workspaceId, `key-for-${workspaceId}`)
      expect(await vault.read(workspaceId)).toBe(`key-for-${workspaceId}`)
      expect((await vault.list()).sort()).toEqual(['acme', workspaceId].sort())
      expect(await vault.delete(workspaceId)).toBe(true)
      expect(await vault.read(workspaceId)).toBeNull()
      expect(await vault.read('acme')).toBe('acme-key')
    }
  )

  it('ignores entries of a hand-edited file that are not encrypted strings', async () => {
    const file = tempFile()
    const vault = createSafeStorageVault(file, fakeSafeStorage())
    await vault.save('acme', 'acme-key')
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { keys: Record<string, unknown> }
    writeFileSync(file, JSON.stringify({ ...onDisk, keys: { ...onDisk.keys, other: 42 } }))
    expect(await vault.read('other')).toBeNull()
    expect(await vault.read('acme')).toBe('acme-key')
  })
})
