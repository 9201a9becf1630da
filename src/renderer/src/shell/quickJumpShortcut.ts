/** The quick-jump shortcut: Ctrl+K, or Cmd+K on macOS. */

export function isMacPlatform(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean {
  return /mac|iphone|ipad|ipod/i.test(nav.platform || nav.userAgent)
}

type ShortcutEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

export function isQuickJumpShortcut(event: ShortcutEvent, mac: boolean = isMacPlatform()): boolean {
  if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return false
  return mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
}

/** How to write the shortcut in a hint. */
export function quickJumpShortcutLabel(mac: boolean = isMacPlatform()): string {
  return mac ? '⌘K' : 'Ctrl+K'
}
