/**
 * Fallback when the OS keychain is unreachable: each key encrypted with Electron's safeStorage
 * and kept in one JSON file in the app's data folder. Nothing is ever written in plaintext: when
 * safeStorage cannot encrypt, saving fails with a clear error instead.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppError } from '../ipc/appError'
import type { KeyVault } from './keyVault'

/** The slice of Electron's `safeStorage` this vault needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only: 'basic_text' means a fixed, publicly known password protects the data. */
  getSelectedStorageBackend?(): string
}

interface VaultFile {
  version: 1
  /**
   * Sealed keys by workspace id, in an object with no prototype: an id such as `constructor`
   * or `__proto__` is then just a key, never a member inherited from Object.prototype.
   */
  keys: Record<string, string>
}

/** Own string entries only; anything else a hand-edited file holds is ignored. */
function sealedKeys(raw: unknown): Record<string, string> {
  const keys = Object.create(null) as Record<string, string>
  if (typeof raw !== 'object' || raw === null) return keys
  for (const [workspaceId, sealed] of Object.entries(raw)) {
    if (typeof sealed === 'string') keys[workspaceId] = sealed
  }
  return keys
}

async function readVaultFile(filePath: string): Promise<VaultFile> {
  try {
    const parsed = JSON.parse(await readFile(filePath, 'utf8')) as { keys?: unknown } | null
    return { version: 1, keys: sealedKeys(parsed?.keys) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { version: 1, keys: sealedKeys(null) }
    throw error
  }
}

/** Write to a temp file and rename over the old one, so a crash never leaves half a file. */
async function writeVaultFile(filePath: string, file: VaultFile): Promise<void> {
  await mkdir(dirname(filePath), { recursive: true })
  const temp = `${filePath}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify(file, null, 2), { mode: 0o600 })
  await rename(temp, filePath)
}

export interface SafeStorageVault extends KeyVault {
  /** Workspace ids that have a key in the file. */
  list(): Promise<string[]>
}

export function createSafeStorageVault(
  filePath: string,
  safeStorage: SafeStorageLike
): SafeStorageVault {
  // Serialise writes: two saves racing on read-modify-write must not drop either key.
  let queue: Promise<unknown> = Promise.resolve()
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  const requireEncryption = (): void => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError(
        'key_storage_unavailable',
        'Revdesk cannot store API keys securely on this computer: the system keychain is not available ' +
          'and encryption is not available either. Install or unlock a keyring (e.g. GNOME Keyring or KWallet) and restart Revdesk.'
      )
    }
  }

  return {
    backend: 'encrypted-file',
    save: (workspaceId, apiKey) =>
      serialised(async () => {
        requireEncryption()
        const file = await readVaultFile(filePath)
        file.keys[workspaceId] = safeStorage.encryptString(apiKey).toString('base64')
        await writeVaultFile(filePath, file)
      }),
    list: async () => Object.keys((await readVaultFile(filePath)).keys),
    read: async (workspaceId) => {
      const file = await readVaultFile(filePath)
      if (!Object.hasOwn(file.keys, workspaceId)) return null
      const sealed = file.keys[workspaceId] as string
      requireEncryption()
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    },
    delete: (workspaceId) =>
      serialised(async () => {
        const file = await readVaultFile(filePath)
        if (!Object.hasOwn(file.keys, workspaceId)) return false
        delete file.keys[workspaceId]
        await writeVaultFile(filePath, file)
        return true
      })
  }
}
