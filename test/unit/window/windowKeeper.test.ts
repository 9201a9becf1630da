import { describe, expect, it } from 'vitest'
import { createWindowKeeper, type KeptWindow } from '../../../src/main/window/windowKeeper'

/** Behaves like a BrowserWindow: every method but isDestroyed throws once it is destroyed. */
class FakeWindow implements KeptWindow {
  destroyed = false
  minimized = false
  focused = 0
  private alive(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    this.alive()
    return this.minimized
  }
  restore(): void {
    this.alive()
    this.minimized = false
  }
  focus(): void {
    this.alive()
    this.focused += 1
  }
}

describe('window keeper', () => {
  it('restores and focuses the live window without opening another', async () => {
    const opened: FakeWindow[] = []
    const keeper = createWindowKeeper(async () => opened[opened.push(new FakeWindow()) - 1]!)
    const first = await keeper.ensure()
    first.minimized = true
    expect(await keeper.show()).toBe(first)
    expect(first.minimized).toBe(false)
    expect(first.focused).toBe(1)
    expect(opened).toHaveLength(1)
  })

  it('opens a new window when the old one was closed, instead of touching the destroyed one', async () => {
    const opened: FakeWindow[] = []
    const keeper = createWindowKeeper(async () => opened[opened.push(new FakeWindow()) - 1]!)
    const first = await keeper.ensure()
    first.destroyed = true
    const second = await keeper.show()
    expect(second).not.toBe(first)
    expect(second.focused).toBe(1)
    expect(opened).toHaveLength(2)
  })

  it('opens only one window when requests overlap', async () => {
    let opens = 0
    const keeper = createWindowKeeper(async () => {
      opens += 1
      await new Promise((r) => setTimeout(r, 5))
      return new FakeWindow()
    })
    const [a, b] = await Promise.all([keeper.show(), keeper.show()])
    expect(a).toBe(b)
    expect(opens).toBe(1)
  })
})
