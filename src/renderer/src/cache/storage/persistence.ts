/**
 * Persistent storage: asked for once per app start, so the browser engine does not evict the
 * cache under storage pressure. Chromium decides by itself (no prompt); the answer is kept
 * here for Settings to show.
 */

/** kept: the system will not clear it; bestEffort: it may, under storage pressure. */
export type PersistenceState = 'kept' | 'bestEffort' | 'unknown'

/** The part of `navigator.storage` this uses (absent in some contexts, e.g. Node tests). */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>
  persist?: () => Promise<boolean>
  estimate?: () => Promise<StorageEstimate>
}

export function systemStorage(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage
}

let asked: Promise<PersistenceState> | null = null

/**
 * Asks for persistent storage the first time it is called, and returns that outcome ever
 * after: asking again would not change Chromium's answer, only add work at every start.
 */
export function requestPersistentStorage(
  storage: StorageManagerLike | undefined = systemStorage()
): Promise<PersistenceState> {
  asked ??= ask(storage)
  return asked
}

async function ask(storage: StorageManagerLike | undefined): Promise<PersistenceState> {
  try {
    if (await storage?.persisted?.()) return 'kept'
    const granted = await storage?.persist?.()
    if (granted === undefined) return 'unknown'
    return granted ? 'kept' : 'bestEffort'
  } catch {
    return 'unknown'
  }
}

/** For tests: forget the outcome, as a new app start would. */
export function forgetPersistenceRequest(): void {
  asked = null
}

export function persistenceSentence(state: PersistenceState): string {
  switch (state) {
    case 'kept':
      return 'Storage: kept by the system.'
    case 'bestEffort':
      return 'Storage: may be cleared under storage pressure. Revdesk would then sync it again.'
    case 'unknown':
      return 'Storage: the system did not say whether it keeps Revdesk’s data.'
  }
}
