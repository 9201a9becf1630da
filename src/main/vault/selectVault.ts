/**
 * Picks where keys are stored: the OS keychain when it answers, else safeStorage-encrypted file,
 * else nothing (saving then fails with an explanation). Also says so to the user in plain words.
 */
import type { KeyStorageStatus } from '../../shared/bridge/contract'
import { AppError } from '../ipc/appError'
import type { KeyVault } from './keyVault'
import { createKeytarVault, keytarWorks, type Keytar } from './keytarVault'
import { createSafeStorageVault, type SafeStorageLike } from './safeStorageVault'

export interface VaultChoice {
  vault: KeyVault
  status: KeyStorageStatus
}

export interface VaultSources {
  keytar: Keytar | null
  /** Electron's safeStorage; null outside Electron. */
  safeStorage: SafeStorageLike | null
  /** Where the encrypted fallback file lives (inside the app's userData folder). */
  fallbackFile: string
}

const WEAK_NOTICE =
  'Your system keychain is not available, so API keys are stored in an encrypted file — but on this ' +
  'Linux desktop the encryption uses a fixed password ("basic_text"), which protects against casual ' +
  'snooping only. Install and unlock GNOME Keyring or KWallet, then restart Revdesk, for real protection.'

const FILE_NOTICE =
  'Your system keychain is not available, so API keys are stored in a file encrypted by the operating system.'

const NONE_NOTICE =
  'Revdesk cannot store API keys on this computer: neither the system keychain nor OS encryption is ' +
  'available. Install and unlock a keyring (GNOME Keyring or KWallet), then restart Revdesk. The demo workspace works without a key.'

function unavailableVault(): KeyVault {
  const refuse = (): never => {
    throw new AppError('key_storage_unavailable', NONE_NOTICE)
  }
  return {
    backend: 'unavailable',
    save: async () => refuse(),
    read: async () => null,
    delete: async () => false
  }
}

/**
 * Keys saved in the encrypted file while the keychain was unreachable move into the keychain once
 * it answers, so they are neither lost nor left behind in the weaker store. A key is removed
 * from the file only after the keychain has it.
 */
async function migrateFallbackKeys(keychain: KeyVault, sources: VaultSources): Promise<void> {
  if (!sources.safeStorage?.isEncryptionAvailable()) return
  const fallback = createSafeStorageVault(sources.fallbackFile, sources.safeStorage)
  for (const workspaceId of await fallback.list()) {
    const key = await fallback.read(workspaceId)
    if (key === null) continue
    if ((await keychain.read(workspaceId)) === null) await keychain.save(workspaceId, key)
    await fallback.delete(workspaceId)
  }
}

export async function selectKeyVault(sources: VaultSources): Promise<VaultChoice> {
  if (sources.keytar && (await keytarWorks(sources.keytar))) {
    const vault = createKeytarVault(sources.keytar)
    await migrateFallbackKeys(vault, sources).catch((error: unknown) => {
      // Not fatal: the keys stay in the encrypted file and migration is retried next start.
      console.warn('Could not move keys from the encrypted file into the keychain', error)
    })
    return { vault, status: { backend: 'keychain', weak: false, notice: null } }
  }
  const safeStorage = sources.safeStorage
  if (safeStorage?.isEncryptionAvailable()) {
    const weak = safeStorage.getSelectedStorageBackend?.() === 'basic_text'
    return {
      vault: createSafeStorageVault(sources.fallbackFile, safeStorage),
      status: { backend: 'encrypted-file', weak, notice: weak ? WEAK_NOTICE : FILE_NOTICE }
    }
  }
  return {
    vault: unavailableVault(),
    status: { backend: 'unavailable', weak: false, notice: NONE_NOTICE }
  }
}
