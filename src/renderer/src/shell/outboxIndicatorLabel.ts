/**
 * What the status bar's outbox indicator says: nothing when every change has reached
 * ChartMogul, else how many changes wait, how many need the user, and whether sending is paused.
 */
import type { OutboxPause } from '../outbox/overview'

export interface OutboxIndicatorInput {
  pending: number
  failed: number
  paused: OutboxPause | null
  /** Why waiting changes are not being sent now (the connectivity model), else null. */
  waitReason?: string | null
}

export type OutboxIndicatorTone = 'neutral' | 'warn' | 'danger'

export interface OutboxIndicatorLabel {
  /** The button's accessible name, e.g. "1 change needs attention, 3 changes waiting to be sent". */
  label: string
  /** The tooltip: the label, plus why sending is paused. */
  title: string
  /** `danger` when a change needs the user, `warn` when paused, else `neutral`. */
  tone: OutboxIndicatorTone
}

function changes(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`
}

/** null when there is nothing to show (nothing queued, nothing refused, not paused). */
export function outboxIndicatorLabel(input: OutboxIndicatorInput): OutboxIndicatorLabel | null {
  const pending = Math.max(0, input.pending)
  const failed = Math.max(0, input.failed)
  const { paused } = input
  if (pending === 0 && failed === 0 && paused === null) return null

  const parts: string[] = []
  if (paused !== null) parts.push('Sending paused')
  if (failed > 0) parts.push(`${changes(failed)} ${failed === 1 ? 'needs' : 'need'} attention`)
  if (pending > 0) parts.push(`${changes(pending)} waiting to be sent`)
  const why = pending > 0 && paused === null ? (input.waitReason ?? null) : null
  // "… waiting to be sent — ChartMogul cannot be reached; next try 06:30"
  const label =
    why === null ? parts.join(', ') : `${parts.join(', ')} ${why.replace(/^Waiting /, '')}`

  const reason = paused?.reason.trim() ?? ''
  return {
    label,
    title: reason === '' ? label : `${label}. ${reason}`,
    tone: failed > 0 ? 'danger' : paused !== null ? 'warn' : 'neutral'
  }
}
