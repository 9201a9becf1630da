/**
 * Where API keys live. Keys are read only inside the main process (by the API gateway); the
 * bridge can save, check (presence + last four characters) and delete, never read.
 */
import type { KeyPresence, KeyStorageStatus } from '../../shared/bridge/contract'

export interface KeyVault {
  readonly backend: KeyStorageStatus['backend']
  save(workspaceId: string, apiKey: string): Promise<void>
  /** The stored key, or null when there is none. */
  read(workspaceId: string): Promise<string | null>
  /** true when a key was there and is now gone. */
  delete(workspaceId: string): Promise<boolean>
}

/** The service name every key is filed under in the OS keychain. */
export const KEYCHAIN_SERVICE = 'Revdesk'

/** Last four code points (not UTF-16 units, so an emoji is never cut in half). */
export function lastFour(apiKey: string): string {
  return Array.from(apiKey).slice(-4).join('')
}

export async function presenceOf(vault: KeyVault, workspaceId: string): Promise<KeyPresence> {
  const key = await vault.read(workspaceId)
  return { workspaceId, present: key !== null, last4: key === null ? null : lastFour(key) }
}
