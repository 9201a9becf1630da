/** API keys in the OS keychain (macOS Keychain, Windows Credential Vault, Secret Service on Linux). */
import type keytarModule from 'keytar'
import { KEYCHAIN_SERVICE, type KeyVault } from './keyVault'

export type Keytar = Pick<
  typeof keytarModule,
  'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'
>

export function createKeytarVault(keytar: Keytar, service = KEYCHAIN_SERVICE): KeyVault {
  return {
    backend: 'keychain',
    save: (workspaceId, apiKey) => keytar.setPassword(service, workspaceId, apiKey),
    read: (workspaceId) => keytar.getPassword(service, workspaceId),
    delete: (workspaceId) => keytar.deletePassword(service, workspaceId)
  }
}

/**
 * keytar loads fine on Linux without a Secret Service and only fails on first use, so ask the
 * backend something harmless to learn whether it is really there.
 */
export async function keytarWorks(keytar: Keytar, service = KEYCHAIN_SERVICE): Promise<boolean> {
  try {
    await keytar.findCredentials(service)
    return true
  } catch {
    return false
  }
}

/** Loads the native module; null when it is missing or was built for another runtime. */
export async function loadKeytar(): Promise<Keytar | null> {
  try {
    const loaded = (await import('keytar')) as { default?: Keytar } & Keytar
    return loaded.default ?? loaded
  } catch {
    return null
  }
}
