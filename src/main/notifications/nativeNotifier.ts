/**
 * Shows a notice as a native notification (Electron's `Notification`, injected so this runs in
 * Node tests). A click brings the window forward and opens the place to fix the problem.
 */
import type { MenuCommand } from '../../shared/bridge/contract'
import type { Notice } from './noticeText'

/** The part of Electron's Notification this uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown
  show(): void
}

export interface NotificationClass {
  new (options: { title: string; body: string }): NotificationLike
  isSupported(): boolean
}

export interface NativeNotifierDeps {
  Notification: NotificationClass
  /** Shows and focuses the window (a new one if it was closed). */
  showWindow: () => Promise<unknown>
  /** Sends the page the command that opens the place to fix it (the menuCommand event). */
  open: (command: MenuCommand) => void
}

/** Returns whether a notification was shown (false where the desktop has none). */
export type ShowNotice = (notice: Notice) => boolean

export function createNativeNotifier(deps: NativeNotifierDeps): ShowNotice {
  // Kept referenced until dismissed: a collected Notification loses its click handler.
  const live = new Set<NotificationLike>()
  return (notice) => {
    if (!deps.Notification.isSupported()) return false
    const notification = new deps.Notification({ title: notice.title, body: notice.body })
    live.add(notification)
    notification.on('click', () => {
      live.delete(notification)
      void deps.showWindow().then(
        () => deps.open(notice.opens),
        () => undefined
      )
    })
    notification.on('close', () => live.delete(notification))
    notification.show()
    return true
  }
}
