/**
 * Remembers the window's size, position and maximised state between runs. A saved position that
 * no longer lies on any display (a monitor was unplugged) is dropped so the window is never lost
 * off-screen. Pure Node: displays are passed in.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false }
export const MIN_WINDOW_SIZE = { width: 900, height: 600 }

const savedStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false)
})

/** At least a 100×50 corner of the title bar area must be inside some display's work area. */
function isVisibleOn(
  state: Required<Pick<WindowState, 'x' | 'y'>> & WindowState,
  displays: Rect[]
): boolean {
  return displays.some((d) => {
    const overlapX = Math.min(state.x + state.width, d.x + d.width) - Math.max(state.x, d.x)
    const overlapY = Math.min(state.y + 50, d.y + d.height) - Math.max(state.y, d.y)
    return overlapX >= 100 && overlapY >= 50
  })
}

export function sanitizeWindowState(raw: unknown, displays: Rect[]): WindowState {
  const parsed = savedStateSchema.safeParse(raw)
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE }
  const saved = parsed.data
  const state: WindowState = {
    width: Math.max(MIN_WINDOW_SIZE.width, saved.width),
    height: Math.max(MIN_WINDOW_SIZE.height, saved.height),
    maximized: saved.maximized
  }
  if (
    saved.x !== undefined &&
    saved.y !== undefined &&
    isVisibleOn({ ...state, x: saved.x, y: saved.y }, displays)
  ) {
    state.x = saved.x
    state.y = saved.y
  }
  return state
}

export async function loadWindowState(filePath: string, displays: Rect[]): Promise<WindowState> {
  try {
    return sanitizeWindowState(JSON.parse(await readFile(filePath, 'utf8')), displays)
  } catch {
    return { ...DEFAULT_WINDOW_STATE }
  }
}

export async function saveWindowState(filePath: string, state: WindowState): Promise<void> {
  await mkdir(dirname(filePath), { recursive: true })
  const temp = `${filePath}.tmp`
  await writeFile(temp, JSON.stringify(state))
  await rename(temp, filePath)
}
