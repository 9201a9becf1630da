/**
 * Chart colours from the app's CSS variables (app.css switches them with prefers-color-scheme),
 * so charts follow light and dark mode like the rest of the page.
 */

export interface Palette {
  text: string
  textMuted: string
  border: string
  accent: string
  ok: string
  warn: string
  danger: string
}

const VARIABLES: Record<keyof Palette, string> = {
  text: '--text',
  textMuted: '--text-muted',
  border: '--border',
  accent: '--accent',
  ok: '--ok',
  warn: '--warn',
  danger: '--danger'
}

/** Used when a variable is missing (e.g. the stylesheet has not loaded). */
const FALLBACK: Palette = {
  text: '#1d2330',
  textMuted: '#5d6577',
  border: '#e2e5ea',
  accent: '#2f5bea',
  ok: '#16733e',
  warn: '#8f5b00',
  danger: '#c2352f'
}

/** Reads the palette through `read` (e.g. a CSSStyleDeclaration's getPropertyValue). */
export function readPalette(read: (variable: string) => string): Palette {
  const palette = { ...FALLBACK }
  for (const key of Object.keys(VARIABLES) as (keyof Palette)[]) {
    const value = read(VARIABLES[key]).trim()
    if (value) palette[key] = value
  }
  return palette
}

/** `#rgb` / `#rrggbb` with an alpha channel as `rgba(…)`; other colours are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  let hex = color.trim()
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return color
  if (hex.length === 4) hex = `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}`
  const channel = (at: number): number => parseInt(hex.slice(at, at + 2), 16)
  return `rgba(${channel(1)}, ${channel(3)}, ${channel(5)}, ${alpha})`
}
