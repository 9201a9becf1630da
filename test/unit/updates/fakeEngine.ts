/** A scriptable `UpdaterEngine` and a manual clock for the update controller's tests. */
import type { EngineEvent, UpdaterEngine } from '../../../src/main/updates/updateEngine'
import type { Timers } from '../../../src/main/updates/updateController'

export interface FakeEngine extends UpdaterEngine {
  checks: number
  installs: number
  emit(event: EngineEvent): void
  /** What the next check does before it resolves (default: says nothing newer). */
  onCheck: (engine: FakeEngine) => Promise<'checked' | 'inactive'> | 'checked' | 'inactive'
}

export function fakeEngine(): FakeEngine {
  const listeners: Array<(event: EngineEvent) => void> = []
  const engine: FakeEngine = {
    checks: 0,
    installs: 0,
    onCheck: (self) => {
      self.emit({ type: 'checking' })
      self.emit({ type: 'not-available' })
      return 'checked'
    },
    async check() {
      engine.checks += 1
      return engine.onCheck(engine)
    },
    quitAndInstall() {
      engine.installs += 1
    },
    onEvent(listener) {
      listeners.push(listener)
    },
    emit(event) {
      for (const listener of listeners) listener(event)
    }
  }
  return engine
}

export interface ManualClock extends Timers {
  now: number
  pending(): number[]
  /** Moves time on, firing due callbacks in order, and lets their promises settle. */
  advance(ms: number): Promise<void>
}

export function manualClock(): ManualClock {
  let nextId = 1
  const due = new Map<number, { at: number; callback: () => void }>()
  const clock: ManualClock = {
    now: 0,
    setTimeout(callback, ms) {
      const id = nextId++
      due.set(id, { at: clock.now + ms, callback })
      return id
    },
    clearTimeout(handle) {
      due.delete(handle as number)
    },
    pending: () => [...due.values()].map((entry) => entry.at - clock.now).sort((a, b) => a - b),
    async advance(ms) {
      const until = clock.now + ms
      for (;;) {
        const next = [...due.entries()]
          .filter(([, entry]) => entry.at <= until)
          .sort(([, a], [, b]) => a.at - b.at)[0]
        if (!next) break
        const [id, entry] = next
        due.delete(id)
        clock.now = entry.at
        entry.callback()
        await settle()
      }
      clock.now = until
      await settle()
    }
  }
  return clock
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve()
}
