/**
 * The one connectivity model the UI reads (see connectivityModel.ts): the OS's online flag plus
 * what the open workspace's sync and pushes learnt about the provider's server, as reactive
 * state. The workspace session reports into it; views only read `state` and the sentences.
 */
import {
  connectivityHeadline,
  connectivityState,
  emptyStateHint,
  outboxWaitReason,
  type ConnectivityState,
  type ServerReach
} from './connectivityModel'
import type { RateLimitWait } from '../sync/serverWait'

export class Connectivity {
  /** The OS's flag. */
  online = $state(navigator.onLine)
  reach = $state<ServerReach>('unknown')
  nextAttemptAt = $state<number | null>(null)
  serverWait = $state<RateLimitWait | null>(null)
  /** The open workspace's provider, by name. */
  provider = $state('ChartMogul')

  state = $derived<ConnectivityState>(
    connectivityState({
      osOnline: this.online,
      reach: this.reach,
      nextAttemptAt: this.nextAttemptAt,
      serverWait: this.serverWait
    })
  )
  headline = $derived(connectivityHeadline(this.state, this.provider))
  /** Why queued changes wait, or null when the connection holds nothing back. */
  waitReason = $derived(outboxWaitReason(this.state, this.provider))
  /** What an empty section says about when data can come, or null ("Sync now" fetches it). */
  emptyHint = $derived(emptyStateHint(this.state, this.provider))

  constructor() {
    window.addEventListener('online', () => (this.online = true))
    window.addEventListener('offline', () => (this.online = false))
  }

  /** A workspace opened or closed: nothing is known about its server yet. */
  reset(provider: string): void {
    this.provider = provider
    this.reach = 'unknown'
    this.nextAttemptAt = null
    this.serverWait = null
  }

  /** An attempt learnt something about the server (null: it said nothing). */
  learnt(reach: ServerReach | null): void {
    if (reach !== null) this.reach = reach
  }
}

export const connectivity = new Connectivity()
