import { describe, expect, it } from 'vitest'
import { updateStatusView, WILL_RESTART } from '../../../src/renderer/src/shell/updateStatusView'

describe('status bar view of the update state', () => {
  it('is silent while off, idle, checking, up to date, or after a failed background check', () => {
    for (const state of [
      { status: 'off', reason: 'Updates are not configured for this build.' },
      { status: 'idle' },
      { status: 'checking' },
      { status: 'not-available' },
      { status: 'error', message: 'HttpError: 404' }
    ] as const) {
      expect(updateStatusView(state), state.status).toEqual({
        progress: null,
        restart: null,
        announcement: ''
      })
    }
  })

  it('shows the download percentage without announcing it', () => {
    expect(updateStatusView({ status: 'downloading', version: '0.2.0', percent: 42 })).toEqual({
      progress: 'Downloading update… 42 %',
      restart: null,
      announcement: ''
    })
  })

  it('offers "Restart to update", its name carrying the version, and says so once', () => {
    const view = updateStatusView({ status: 'ready', version: '0.2.0', restartWhenIdle: false })
    expect(view.restart).toEqual({
      label: 'Restart to update',
      name: 'Restart to update to 0.2.0',
      held: false
    })
    expect(view.restart!.name.startsWith(view.restart!.label)).toBe(true)
    expect(view.announcement).toBe(
      'Revdesk 0.2.0 is ready: Restart to update is in the status bar.'
    )
  })

  it('a restart held for the outbox says it will restart when the changes have been sent', () => {
    const view = updateStatusView({ status: 'ready', version: '0.2.0', restartWhenIdle: true })
    expect(view.restart).toEqual({ label: WILL_RESTART, name: WILL_RESTART, held: true })
    expect(WILL_RESTART).toBe('Will restart when your changes have been sent')
    expect(view.announcement).toBe(`${WILL_RESTART}.`)
  })
})
