import { describe, expect, it } from 'vitest'
import type { UpdateState } from '../../../src/shared/bridge/contract'
import {
  CANNOT_SELF_UPDATE,
  CHECK_INTERVAL_MS,
  createUpdateController,
  START_DELAY_MS,
  type UpdateControllerOptions
} from '../../../src/main/updates/updateController'
import type { UpdateFeed } from '../../../src/main/updates/feedConfig'
import { fakeEngine, manualClock, settle, type FakeEngine } from './fakeEngine'

const FEED: UpdateFeed = { kind: 'generic', url: 'https://updates.example.com/revdesk' }

function setup(options: Partial<UpdateControllerOptions> = {}) {
  const engine = fakeEngine()
  const clock = manualClock()
  let loads = 0
  const controller = createUpdateController({
    feed: FEED,
    loadEngine: async () => {
      loads += 1
      return engine
    },
    timers: clock,
    ...options
  })
  const seen: UpdateState[] = []
  controller.onChange((state) => seen.push(state))
  return { engine, clock, controller, seen, loads: () => loads }
}

/** A check that finds 0.2.0 and downloads it. */
function findsAndDownloads(self: FakeEngine): 'checked' {
  self.emit({ type: 'checking' })
  self.emit({ type: 'available', version: '0.2.0' })
  self.emit({ type: 'progress', percent: 12.7 })
  self.emit({ type: 'progress', percent: 12.9 })
  self.emit({ type: 'progress', percent: 100 })
  self.emit({ type: 'downloaded', version: '0.2.0' })
  return 'checked'
}

async function readyController() {
  const parts = setup()
  parts.engine.onCheck = findsAndDownloads
  await parts.controller.checkNow()
  expect(parts.controller.state()).toEqual({
    status: 'ready',
    version: '0.2.0',
    restartWhenIdle: false
  })
  return parts
}

describe('update controller: off', () => {
  it('with no feed never loads the updater, never sets a timer, and says why', async () => {
    const { controller, clock, loads } = setup({
      feed: { kind: 'off', reason: 'Updates are not configured for this build.' }
    })
    controller.start()
    expect(clock.pending()).toEqual([])
    expect(await controller.checkNow()).toEqual({
      status: 'off',
      reason: 'Updates are not configured for this build.'
    })
    controller.setOutboxBusy(false)
    expect(controller.restartToUpdate()).toMatchObject({ status: 'off' })
    expect(loads()).toBe(0)
  })
})

describe('update controller: schedule', () => {
  it('checks once shortly after start, then every four hours, never twice at a time', async () => {
    const { controller, clock, engine, loads } = setup()
    controller.start()
    controller.start()
    expect(clock.pending()).toEqual([START_DELAY_MS])
    await clock.advance(START_DELAY_MS - 1)
    expect(engine.checks).toBe(0)
    await clock.advance(1)
    expect(engine.checks).toBe(1)
    expect(controller.state()).toEqual({ status: 'not-available' })
    expect(clock.pending()).toEqual([CHECK_INTERVAL_MS])
    await clock.advance(CHECK_INTERVAL_MS)
    expect(engine.checks).toBe(2)
    expect(loads()).toBe(1)
    expect(START_DELAY_MS).toBeLessThanOrEqual(60_000)
    expect(CHECK_INTERVAL_MS).toBe(4 * 60 * 60 * 1000)
  })

  it('stops checking once an update is ready; stop() clears the timer', async () => {
    const { controller, clock, engine } = setup()
    engine.onCheck = findsAndDownloads
    controller.start()
    await clock.advance(START_DELAY_MS)
    expect(controller.state()).toMatchObject({ status: 'ready' })
    expect(clock.pending()).toEqual([])

    const other = setup()
    other.controller.start()
    other.controller.stop()
    expect(other.clock.pending()).toEqual([])
    await other.clock.advance(START_DELAY_MS)
    expect(other.engine.checks).toBe(0)
  })

  it('a manual check during a check or download starts no second one', async () => {
    const { controller, engine } = setup()
    let finish: (outcome: 'checked') => void = () => undefined
    engine.onCheck = (self) => {
      self.emit({ type: 'checking' })
      return new Promise((resolve) => (finish = resolve))
    }
    const first = controller.checkNow()
    await settle()
    expect(await controller.checkNow()).toEqual({ status: 'checking' })
    engine.emit({ type: 'available', version: '0.2.0' })
    finish('checked')
    expect(await first).toEqual({ status: 'downloading', version: '0.2.0', percent: 0 })
    expect(await controller.checkNow()).toMatchObject({ status: 'downloading' })
    expect(engine.checks).toBe(1)
  })

  it('an installation that cannot update itself turns updates off, with the reason', async () => {
    const { controller, clock, engine } = setup()
    engine.onCheck = () => 'inactive'
    controller.start()
    await clock.advance(START_DELAY_MS)
    expect(controller.state()).toEqual({ status: 'off', reason: CANNOT_SELF_UPDATE })
    expect(clock.pending()).toEqual([])
  })
})

describe('update controller: states', () => {
  it('checking → downloading (whole percents, each said once) → ready', async () => {
    const { seen } = await readyController()
    expect(seen).toEqual([
      { status: 'checking' },
      { status: 'downloading', version: '0.2.0', percent: 0 },
      { status: 'downloading', version: '0.2.0', percent: 12 },
      { status: 'downloading', version: '0.2.0', percent: 100 },
      { status: 'ready', version: '0.2.0', restartWhenIdle: false }
    ])
  })

  it('a failed check is an error with the server text redacted; the next check runs again', async () => {
    const { controller, clock, engine } = setup()
    engine.onCheck = () => {
      throw new Error(
        'HttpError: 404 url: https://u:p@updates.example.com/latest.yml?token=s3cr3t\nHeaders: { "authorization": "Bearer abcdef0123456789" }'
      )
    }
    controller.start()
    await clock.advance(START_DELAY_MS)
    const state = controller.state()
    expect(state.status).toBe('error')
    const message = (state as { message: string }).message
    expect(message).toContain('HttpError: 404')
    expect(message).not.toMatch(/s3cr3t|u:p@|abcdef0123456789|Headers/)
    expect(clock.pending()).toEqual([CHECK_INTERVAL_MS])
  })

  it('a download error after a successful check becomes the error state', async () => {
    const { controller, engine } = setup()
    engine.onCheck = (self) => {
      self.emit({ type: 'available', version: '0.2.0' })
      return 'checked'
    }
    await controller.checkNow()
    engine.emit({ type: 'error', error: new Error('sha512 checksum mismatch\u202e') })
    expect(controller.state()).toEqual({ status: 'error', message: 'sha512 checksum mismatch' })
  })
})

describe('update controller: never restart while the outbox is pushing', () => {
  it('restarts at once when nothing is being sent', async () => {
    const { controller, engine } = await readyController()
    controller.setOutboxBusy(false)
    controller.restartToUpdate()
    expect(engine.installs).toBe(1)
    controller.restartToUpdate()
    expect(engine.installs).toBe(1)
  })

  it('holds the restart while pushing and restarts once, when the push ends', async () => {
    const { controller, engine, seen } = await readyController()
    controller.setOutboxBusy(true)
    expect(controller.restartToUpdate()).toEqual({
      status: 'ready',
      version: '0.2.0',
      restartWhenIdle: true
    })
    expect(seen.at(-1)).toEqual({ status: 'ready', version: '0.2.0', restartWhenIdle: true })
    controller.restartToUpdate()
    controller.setOutboxBusy(true)
    expect(engine.installs).toBe(0)
    controller.setOutboxBusy(false)
    expect(engine.installs).toBe(1)
    controller.setOutboxBusy(false)
    expect(engine.installs).toBe(1)
  })

  it('a push ending without a requested restart installs nothing', async () => {
    const { controller, engine } = await readyController()
    controller.setOutboxBusy(true)
    controller.setOutboxBusy(false)
    expect(engine.installs).toBe(0)
  })

  it('restart does nothing before an update is ready', async () => {
    const { controller, engine } = setup()
    expect(controller.restartToUpdate()).toEqual({ status: 'idle' })
    expect(engine.installs).toBe(0)
  })

  it('an install that throws is reported and may be tried again', async () => {
    const { controller, engine } = await readyController()
    engine.quitAndInstall = () => {
      throw new Error('installer missing')
    }
    expect(controller.restartToUpdate()).toEqual({ status: 'error', message: 'installer missing' })
  })
})
