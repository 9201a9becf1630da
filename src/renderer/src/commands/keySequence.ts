/**
 * One-key shortcuts and "G then letter" sequences, pressed where no text field has focus.
 * Pure: it gets key events and a clock, and says which shortcut (if any) they complete.
 */

/** The parts of a KeyboardEvent the handler reads. */
export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  target: EventTarget | null
}

export interface KeySequenceOptions<Id> {
  /** Each shortcut's keys in order (lower case), e.g. ["g", "b"]. */
  bindings: readonly { id: Id; keys: readonly string[] }[]
  /** How long the second key of a sequence may wait after the first. */
  timeoutMs?: number
  now?: () => number
}

export const SEQUENCE_TIMEOUT_MS = 1500

/** Whether the key is typed into something: inputs, text areas, selects, editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as {
    tagName?: unknown
    isContentEditable?: unknown
    closest?: (selector: string) => unknown
  } | null
  if (!element || typeof element.tagName !== 'string') return false
  const tag = element.tagName.toUpperCase()
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (element.isContentEditable === true) return true
  // A cell editor inside the grid, or anything else that edits text in place.
  return (
    typeof element.closest === 'function' && element.closest('[contenteditable="true"]') !== null
  )
}

export interface KeySequenceHandler<Id> {
  /**
   * The shortcut this key completes, 'pending' when it starts a sequence (the caller should
   * swallow it), or null when it is not a shortcut here (left to the page).
   */
  handle(event: KeyInput): Id | 'pending' | null
  reset(): void
}

export function createKeySequenceHandler<Id>(
  options: KeySequenceOptions<Id>
): KeySequenceHandler<Id> {
  const timeout = options.timeoutMs ?? SEQUENCE_TIMEOUT_MS
  const now = options.now ?? (() => Date.now())
  let typed: string[] = []
  let lastAt = 0

  const matching = (keys: readonly string[]) =>
    options.bindings.filter(
      (binding) =>
        binding.keys.length >= keys.length && keys.every((key, i) => binding.keys[i] === key)
    )

  return {
    reset() {
      typed = []
    },
    handle(event) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) {
        typed = []
        return null
      }
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
      const at = now()
      if (typed.length > 0 && at - lastAt > timeout) typed = []
      let candidates = matching([...typed, key])
      // A key that does not continue the sequence may start a new one ("g", "x", "c" → C).
      if (candidates.length === 0 && typed.length > 0) {
        typed = []
        candidates = matching([key])
      }
      if (candidates.length === 0) return null
      typed = [...typed, key]
      lastAt = at
      const complete = candidates.find((binding) => binding.keys.length === typed.length)
      if (complete) {
        typed = []
        return complete.id
      }
      return 'pending'
    }
  }
}
