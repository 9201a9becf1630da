/**
 * One answer to "can Revdesk talk to the provider right now?", combining the OS's online flag
 * with what the last sync or push learnt about the provider's server, and the sentences every
 * view shows for it (status bar, outbox indicator, outbox rows, empty states). Two views can
 * never disagree, because they all read the same state through these functions.
 */
import type { RateLimitWait } from '../sync/serverWait'
import { serverWaitMessage } from '../shell/serverWaitMessage'
import { formatHourMinute, type TimeFormat } from './hourMinute'

/** What the last attempt (sync page or push) learnt about the provider's server. */
export type ServerReach = 'unknown' | 'reachable' | 'unreachable'

export interface ConnectivityInput {
  /** The OS says the machine has a network. */
  osOnline: boolean
  reach: ServerReach
  /** The scheduler's real next attempt (epoch ms), null when none is armed (e.g. running). */
  nextAttemptAt: number | null
  /** The pause the provider asked for that the running sync waits out, else null. */
  serverWait: RateLimitWait | null
}

export type ConnectivityState =
  | { kind: 'offline' }
  | { kind: 'unreachable'; retryAt: number | null }
  | { kind: 'rate_limited'; wait: RateLimitWait }
  | { kind: 'online' }

export function connectivityState(input: ConnectivityInput): ConnectivityState {
  // The OS knows first: without a network nothing else matters.
  if (!input.osOnline) return { kind: 'offline' }
  if (input.serverWait !== null) return { kind: 'rate_limited', wait: input.serverWait }
  if (input.reach === 'unreachable') return { kind: 'unreachable', retryAt: input.nextAttemptAt }
  return { kind: 'online' }
}

/**
 * The status bar's one sentence about the connection. Never "Online" unless the provider is
 * not known to be out of reach.
 */
export function connectivityHeadline(
  state: ConnectivityState,
  provider: string,
  format: TimeFormat = formatHourMinute
): string {
  switch (state.kind) {
    case 'offline':
      return 'Offline — showing cached data; Revdesk syncs when the network is back'
    case 'unreachable':
      return state.retryAt === null
        ? `${provider} cannot be reached — trying again now`
        : `${provider} cannot be reached — retrying at ${format(state.retryAt)}`
    case 'rate_limited':
      return serverWaitMessage(state.wait, format, provider)
    case 'online':
      return 'Online'
  }
}

/**
 * Why queued changes are not being sent right now, as a row or the indicator says it
 * ("Waiting — ChartMogul cannot be reached; next try 06:30"); null when nothing in the
 * connection holds them back.
 */
export function outboxWaitReason(
  state: ConnectivityState,
  provider: string,
  format: TimeFormat = formatHourMinute
): string | null {
  switch (state.kind) {
    case 'offline':
      return 'Waiting — this computer is offline; sends when the network is back'
    case 'unreachable':
      return state.retryAt === null
        ? `Waiting — ${provider} cannot be reached; trying again now`
        : `Waiting — ${provider} cannot be reached; next try ${format(state.retryAt)}`
    case 'rate_limited':
      return `Waiting — ${provider} asked us to wait; next try ${format(state.wait.retryAt)}`
    case 'online':
      return null
  }
}

/** How an empty section says when its data can come (null: "Sync now" will fetch it). */
export function emptyStateHint(
  state: ConnectivityState,
  provider: string,
  format: TimeFormat = formatHourMinute
): string | null {
  switch (state.kind) {
    case 'offline':
      return 'This computer is offline; Revdesk syncs when the network is back.'
    case 'unreachable':
      return `${connectivityHeadline(state, provider, format)}.`
    default:
      return null
  }
}

/**
 * Whether pushing on the outbox's own timers would only fail again: the machine is offline or
 * the server is known to be out of reach. The scheduler's next attempt (or "Sync now") finds
 * out first, and a push follows every sync.
 */
export function holdsPushes(state: ConnectivityState): boolean {
  return state.kind === 'offline' || state.kind === 'unreachable'
}

/** What a failure kind says about the server: null when it says nothing about reachability. */
export function reachOfFailure(kind: string): ServerReach | null {
  switch (kind) {
    case 'offline':
    case 'network':
      return 'unreachable'
    case 'cancelled':
      return null
    default:
      // Timeouts and lost answers say little about reachability; any answer at all says "up".
      return kind === 'timeout' || kind === 'outcome_unknown' || kind === 'unknown'
        ? null
        : 'reachable'
  }
}
