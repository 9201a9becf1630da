/**
 * Keeps "the" app window: hands out the live one, or opens a new one when it was closed (on
 * macOS the app stays running with no window). Never calls a method of a destroyed window,
 * which Electron answers with "Object has been destroyed", and never opens two at once when
 * requests overlap (two quick second launches).
 */
export interface KeptWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  focus(): void
}

export interface WindowKeeper<W extends KeptWindow> {
  /** The live window, opening one first if there is none. */
  ensure(): Promise<W>
  /** The live window (opened if needed), restored and focused. */
  show(): Promise<W>
}

export function createWindowKeeper<W extends KeptWindow>(open: () => Promise<W>): WindowKeeper<W> {
  let current: W | undefined
  let opening: Promise<W> | undefined

  const ensure = (): Promise<W> => {
    if (current && !current.isDestroyed()) return Promise.resolve(current)
    opening ??= open()
      .then((window) => (current = window))
      .finally(() => (opening = undefined))
    return opening
  }

  return {
    ensure,
    async show() {
      const window = await ensure()
      if (window.isMinimized()) window.restore()
      window.focus()
      return window
    }
  }
}
