import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  sanitizeWindowState,
  saveWindowState
} from '../../../src/main/window/windowState'

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }]
const twoScreens = [...laptop, { x: 1440, y: 0, width: 2560, height: 1440 }]

describe('window state', () => {
  it('round-trips size, position and maximised state through the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rd-ws-')), 'nested', 'window-state.json')
    await saveWindowState(file, { x: 1500, y: 40, width: 1600, height: 1000, maximized: true })
    expect(await loadWindowState(file, twoScreens)).toEqual({
      x: 1500,
      y: 40,
      width: 1600,
      height: 1000,
      maximized: true
    })
  })

  it('drops a position that is no longer on any display (monitor unplugged)', () => {
    expect(
      sanitizeWindowState({ x: 1500, y: 40, width: 1600, height: 1000, maximized: false }, laptop)
    ).toEqual({
      width: 1600,
      height: 1000,
      maximized: false
    })
  })

  it('keeps windows at least the minimum size', () => {
    const state = sanitizeWindowState({ x: 10, y: 10, width: 200, height: 100 }, laptop)
    expect(state).toMatchObject({
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
      x: 10,
      y: 10
    })
  })

  it('falls back to defaults for a missing, corrupt or wrong-shaped file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-ws-'))
    expect(await loadWindowState(join(dir, 'absent.json'), laptop)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(join(dir, 'corrupt.json'), '{"width": 12')
    expect(await loadWindowState(join(dir, 'corrupt.json'), laptop)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(join(dir, 'shape.json'), '{"width": "wide", "height": -3}')
    expect(await loadWindowState(join(dir, 'shape.json'), laptop)).toEqual(DEFAULT_WINDOW_STATE)
  })
})
