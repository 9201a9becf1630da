/**
 * The page's side of the app's self-update: main's update state as reactive state (the
 * `updateState` event, and the current state on start so a reloaded page is not blank), the
 * restart request, and the outbox's busy flag reported to main, which holds a restart until
 * the push has ended.
 */
import type { UpdateState } from '../../../shared/bridge/contract'
import { call, onBridgeEvent } from '../lib/bridge'

class UpdateStatus {
  state = $state<UpdateState>({ status: 'idle' })
  private lastBusy: boolean | null = null

  /** Listens to main; returns the cleanup. */
  connect(): () => void {
    let heard = false
    const off = onBridgeEvent('updateState', (state) => {
      heard = true
      this.state = state
    })
    void call('getUpdateState')
      .then((state) => {
        if (!heard) this.state = state
      })
      .catch(() => undefined)
    return off
  }

  restart(): void {
    void call('restartToUpdate')
      .then((state) => (this.state = state))
      .catch(() => undefined)
  }

  /** Tells main whether the outbox is sending, once per change. */
  reportOutboxBusy(busy: boolean): void {
    if (busy === this.lastBusy) return
    this.lastBusy = busy
    void call('setOutboxBusy', { busy }).catch(() => {
      // Not delivered: send it again on the next report.
      this.lastBusy = null
    })
  }
}

export const updateStatus = new UpdateStatus()
