/**
 * The app's self-update as a small state machine, with its schedule and the one safety rule:
 *
 *   off | idle → checking → downloading(percent) → ready(version)
 *                        ↘ not-available | error(redacted)      (and back to checking later)
 *
 * - A feed that is off never loads the updater, never sets a timer, never checks.
 * - Checks run shortly after start, then every few hours, one at a time; once an update is
 *   ready nothing more is checked (the restart installs it).
 * - "Restart to update" never quits while the page's outbox is sending changes: the restart is
 *   held (`restartWhenIdle`) and happens when the page says the push has ended. Checking and
 *   downloading go on meanwhile: they do not touch the outbox, and only quitting would cut a
 *   push short.
 *
 * Plain TypeScript: the updater (`UpdaterEngine`) and the clock are injected, so every rule is
 * tested in Node (test/unit/updates/).
 */
import type { UpdateState } from '../../shared/bridge/contract'
import type { UpdateFeed } from './feedConfig'
import type { EngineEvent, UpdaterEngine } from './updateEngine'
import { updateErrorText } from './updateErrorText'

/** Long enough for the window and the first sync to get going first. */
export const START_DELAY_MS = 10_000
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000
export const CANNOT_SELF_UPDATE =
  'This copy of Revdesk cannot update itself; install new versions by hand.'

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Node's timers, unref'd: a pending check never keeps the process alive. */
const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout)
}

export type ActiveFeed = Exclude<UpdateFeed, { kind: 'off' }>

export interface UpdateControllerOptions {
  feed: UpdateFeed
  /** Loads the updater, once, the first time a check needs it. Never called when off. */
  loadEngine: (feed: ActiveFeed) => Promise<UpdaterEngine>
  timers?: Timers
  startDelayMs?: number
  intervalMs?: number
}

export interface UpdateController {
  state(): UpdateState
  /** Starts the schedule (first check after the start delay). Nothing happens when off. */
  start(): void
  stop(): void
  /** Checks now unless a check or download is under way or an update is ready. */
  checkNow(): Promise<UpdateState>
  /** Quits and installs a ready update now, or as soon as the outbox stops sending. */
  restartToUpdate(): UpdateState
  /** What the page says about its outbox; a held restart happens when this turns false. */
  setOutboxBusy(busy: boolean): void
  /** Every state change; returns the unsubscribe function. */
  onChange(listener: (state: UpdateState) => void): () => void
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { feed, loadEngine } = options
  const timers = options.timers ?? nodeTimers
  const startDelayMs = options.startDelayMs ?? START_DELAY_MS
  const intervalMs = options.intervalMs ?? CHECK_INTERVAL_MS

  let state: UpdateState =
    feed.kind === 'off' ? { status: 'off', reason: feed.reason } : { status: 'idle' }
  let outboxBusy = false
  let installing = false
  let engine: UpdaterEngine | null = null
  let loading: Promise<UpdaterEngine> | null = null
  let timer: unknown = null
  let started = false
  let stopped = false
  const listeners = new Set<(state: UpdateState) => void>()

  // A function, not the variable: TypeScript would keep a narrowing across the awaits below.
  const current = (): UpdateState => state
  function set(next: UpdateState): void {
    state = next
    for (const listener of listeners) listener(next)
  }

  function onEngineEvent(event: EngineEvent): void {
    const now = current()
    // A downloaded update stays ready whatever else is said; only a newer download replaces it.
    if (now.status === 'ready' && event.type !== 'downloaded') return
    switch (event.type) {
      case 'checking':
        if (now.status !== 'checking') set({ status: 'checking' })
        return
      case 'available':
        set({ status: 'downloading', version: event.version, percent: 0 })
        return
      case 'not-available':
        set({ status: 'not-available' })
        return
      case 'progress': {
        const percent = Math.min(100, Math.max(0, Math.floor(event.percent)))
        if (now.status === 'downloading' && now.percent === percent) return
        const version = now.status === 'downloading' ? now.version : null
        set({ status: 'downloading', version, percent })
        return
      }
      case 'downloaded':
        set({ status: 'ready', version: event.version, restartWhenIdle: false })
        return
      case 'error':
        set({ status: 'error', message: updateErrorText(event.error) })
    }
  }

  function loadedEngine(active: ActiveFeed): Promise<UpdaterEngine> {
    loading ??= loadEngine(active).then((loaded) => {
      loaded.onEvent(onEngineEvent)
      engine = loaded
      return loaded
    })
    return loading
  }

  async function checkNow(): Promise<UpdateState> {
    const before = current()
    if (feed.kind === 'off' || before.status === 'off') return before
    if (['checking', 'downloading', 'ready'].includes(before.status)) return before
    set({ status: 'checking' })
    try {
      const outcome = await (await loadedEngine(feed)).check()
      if (outcome === 'inactive') set({ status: 'off', reason: CANNOT_SELF_UPDATE })
      // No event said otherwise: nothing newer.
      else if (current().status === 'checking') set({ status: 'not-available' })
    } catch (error) {
      const after = current()
      if (after.status !== 'ready' && after.status !== 'error') {
        set({ status: 'error', message: updateErrorText(error) })
      }
    }
    return current()
  }

  function schedule(ms: number): void {
    if (stopped) return
    timer = timers.setTimeout(() => {
      timer = null
      void scheduledCheck()
    }, ms)
  }

  async function scheduledCheck(): Promise<void> {
    await checkNow()
    const after = current().status
    if (after !== 'ready' && after !== 'off') schedule(intervalMs)
  }

  function install(): void {
    if (installing || !engine) return
    installing = true
    try {
      engine.quitAndInstall()
    } catch (error) {
      installing = false
      set({ status: 'error', message: updateErrorText(error) })
    }
  }

  return {
    state: current,
    start() {
      if (feed.kind === 'off' || started || stopped) return
      started = true
      schedule(startDelayMs)
    },
    stop() {
      stopped = true
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
    },
    checkNow,
    restartToUpdate() {
      const now = current()
      if (now.status !== 'ready') return now
      if (outboxBusy) {
        if (!now.restartWhenIdle) set({ ...now, restartWhenIdle: true })
      } else {
        install()
      }
      return current()
    },
    setOutboxBusy(busy) {
      outboxBusy = busy
      const now = current()
      if (!busy && now.status === 'ready' && now.restartWhenIdle) install()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
