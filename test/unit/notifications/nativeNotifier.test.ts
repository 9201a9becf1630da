import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../../src/shared/bridge/contract'
import {
  createNativeNotifier,
  type NotificationLike
} from '../../../src/main/notifications/nativeNotifier'
import { noticeFor } from '../../../src/main/notifications/noticeText'

function fakeNotificationClass(supported = true) {
  const made: FakeNotification[] = []
  class FakeNotification implements NotificationLike {
    readonly listeners = new Map<string, () => void>()
    shown = false
    constructor(readonly options: { title: string; body: string }) {
      made.push(this)
    }
    static isSupported(): boolean {
      return supported
    }
    on(event: 'click' | 'close', listener: () => void): this {
      this.listeners.set(event, listener)
      return this
    }
    show(): void {
      this.shown = true
    }
  }
  return { FakeNotification, made }
}

describe('native notifier', () => {
  it('shows the notice, and a click brings the window forward then opens the place to fix it', async () => {
    const { FakeNotification, made } = fakeNotificationClass()
    const steps: string[] = []
    const opened: MenuCommand[] = []
    const show = createNativeNotifier({
      Notification: FakeNotification,
      showWindow: async () => void steps.push('window'),
      open: (command) => {
        steps.push('open')
        opened.push(command)
      }
    })
    expect(show(noticeFor('outbox-attention', 'Acme', 2))).toBe(true)
    expect(made).toHaveLength(1)
    expect(made[0]?.shown).toBe(true)
    expect(made[0]?.options).toEqual({
      title: 'Changes need your attention',
      body: 'Acme: 2 queued changes were not accepted. Open the Outbox to resolve.'
    })
    made[0]?.listeners.get('click')?.()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(steps).toEqual(['window', 'open'])
    expect(opened).toEqual([{ command: 'go-to-section', section: 'outbox' }])
  })

  it('shows nothing where the desktop has no notifications', () => {
    const { FakeNotification, made } = fakeNotificationClass(false)
    const show = createNativeNotifier({
      Notification: FakeNotification,
      showWindow: async () => undefined,
      open: () => undefined
    })
    expect(show(noticeFor('key-refused', 'Acme'))).toBe(false)
    expect(made).toEqual([])
  })

  it('sends key and address problems to Settings', () => {
    for (const problem of ['key-refused', 'access-refused', 'storage-full'] as const) {
      expect(noticeFor(problem, 'Acme').opens).toEqual({ command: 'open-settings' })
      expect(noticeFor(problem, 'Acme').body.startsWith('Acme: ')).toBe(true)
    }
  })
})
