/**
 * Guards against steps that would make a walk stop early or loop. Main validates records; this
 * checks what the engine follows: the position, the done flag, the lists it iterates.
 */
import type { KeysetPosition } from '../../../shared/sync/keysetPosition'
import type { MonacoStep } from '../../../shared/sync/monacoSource'
import { BadPageError } from '../sync/failures'

export function checkStep(step: MonacoStep<object>, sent: KeysetPosition): void {
  if (typeof step !== 'object' || step === null) throw new BadPageError('The step is empty.')
  if (!Array.isArray(step.items) || !Array.isArray(step.skipped)) {
    throw new BadPageError('The step has no items list.')
  }
  if (typeof step.done !== 'boolean') throw new BadPageError('The step has no done flag.')
  if (!isPosition(step.position)) throw new BadPageError('The step has no position to resume from.')
  if (step.totalCount !== null && !(Number.isInteger(step.totalCount) && step.totalCount >= 0)) {
    throw new BadPageError('The step gives an impossible total count.')
  }
  if (!step.done && step.items.length === 0 && samePosition(step.position, sent)) {
    throw new BadPageError('The step did not move; following it would loop.')
  }
}

function isPosition(value: unknown): value is KeysetPosition {
  if (typeof value !== 'object' || value === null) return false
  const p = value as Record<string, unknown>
  return (
    (p.createdAt === null || typeof p.createdAt === 'string') &&
    Array.isArray(p.seenIdsAtThatInstant) &&
    p.seenIdsAtThatInstant.every((id) => typeof id === 'string') &&
    typeof p.instantDone === 'boolean'
  )
}

function samePosition(a: KeysetPosition, b: KeysetPosition): boolean {
  return (
    a.createdAt === b.createdAt &&
    a.instantDone === b.instantDone &&
    a.seenIdsAtThatInstant.length === b.seenIdsAtThatInstant.length &&
    a.seenIdsAtThatInstant.every((id, i) => id === b.seenIdsAtThatInstant[i])
  )
}
