/**
 * WRITE PHASE — not measured yet. Planned: 500 deal creates through the Monaco outbox under
 * 15 % injected faults (resets, 5xx, writes applied then answered with an error), counting
 * duplicates and lost creates from the simulator's mutation log (target 0 / 0). The outbox's
 * Monaco writes (issue #11, m-outbox) had not landed on main when this benchmark was written;
 * the lead adds the phase here once they have, and `run.ts` records it under `write`.
 */
export interface WritePhaseResult {
  measured: false
  reason: string
}

export function writePhase(): WritePhaseResult {
  return {
    measured: false,
    reason:
      'The Monaco outbox writes were not on main when this benchmark ran; see bench/monaco/writePhase.ts.'
  }
}
