/**
 * What the status bar shows of the app's self-update, from main's `UpdateState`. Pure.
 *
 * Quiet by design: nothing while checking, when up to date, off, or when a background check
 * failed (the menu's "Check for Updates…" reports those); a subtle percentage while
 * downloading (not announced); the "Restart to update" button once an update is ready.
 */
import type { UpdateState } from '../../../shared/bridge/contract'

export const WILL_RESTART = 'Will restart when your changes have been sent'

export interface UpdateStatusView {
  /** Visible, not live: "Downloading update… 42 %". */
  progress: string | null
  restart: {
    /** The button's visible text. */
    label: string
    /** Its accessible name: the visible text first (WCAG 2.5.3), then the version. */
    name: string
    /** The restart waits for the outbox: the button stays (focus too) but does nothing more. */
    held: boolean
  } | null
  /** Said once by the polite live region when it changes. */
  announcement: string
}

export function updateStatusView(state: UpdateState): UpdateStatusView {
  if (state.status === 'downloading') {
    return { progress: `Downloading update… ${state.percent} %`, restart: null, announcement: '' }
  }
  if (state.status === 'ready') {
    const held = state.restartWhenIdle
    return {
      progress: null,
      restart: held
        ? { label: WILL_RESTART, name: WILL_RESTART, held }
        : {
            label: 'Restart to update',
            name: `Restart to update to ${state.version}`,
            held
          },
      announcement: held
        ? `${WILL_RESTART}.`
        : `Revdesk ${state.version} is ready: Restart to update is in the status bar.`
    }
  }
  return { progress: null, restart: null, announcement: '' }
}
