/**
 * Lets a test freeze admitted requests (to act while they are in flight) and let them go.
 * `current()` is null when nothing is held, so an unheld request does not even await.
 */
export interface RequestHold {
  current(): Promise<void> | null
  /** Holds from now on; the returned function lets every held request continue. */
  hold(): () => void
  release(): void
}

export function createRequestHold(): RequestHold {
  let held: Promise<void> | null = null
  let releaseHeld: (() => void) | null = null
  return {
    current: () => held,
    hold() {
      if (!held) held = new Promise<void>((resolve) => (releaseHeld = resolve))
      return () => {
        releaseHeld?.()
        held = null
        releaseHeld = null
      }
    },
    release() {
      releaseHeld?.()
      held = null
      releaseHeld = null
    }
  }
}
