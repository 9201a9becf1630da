/**
 * Every text colour token in app.css is readable on every surface it can sit on, in light and
 * dark: WCAG 2.2 AA asks 4.5:1 for normal-size text (SC 1.4.3). The tokens are read from app.css
 * itself, so changing a colour badly fails here before anyone sees it.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const APP_CSS = readFileSync(
  resolve(import.meta.dirname, '../../../src/renderer/src/app.css'),
  'utf8'
)

/** Colours drawn as text (or as a text-bearing border, e.g. a badge outline). */
const TEXT_TOKENS = ['--text', '--text-muted', '--accent', '--ok', '--warn', '--danger']
/** Backgrounds text is drawn on: panes, hovered and selected rows, notices. */
const SURFACE_TOKENS = ['--surface-1', '--surface-2', '--hover', '--accent-soft', '--warn-soft']
/** Text on a filled control: the pair is fixed. */
const FILLED_PAIRS: [text: string, surface: string][] = [['--on-accent', '--accent']]
/** Colours never drawn as text (lines only); listed so a new token must be classified. */
const NON_TEXT_TOKENS = ['--border', '--border-strong']

const AA_NORMAL_TEXT = 4.5

/** The custom properties declared in the first rule whose selector is `:root`, from `css`. */
function rootTokens(css: string): Map<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? ''
  const tokens = new Map<string, string>()
  for (const match of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    tokens.set(match[1]!, match[2]!.trim())
  }
  return tokens
}

function schemes(): { light: Map<string, string>; dark: Map<string, string> } {
  const light = rootTokens(APP_CSS)
  const darkBlock = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([\s\S]*?\}\s*)\}/.exec(APP_CSS)
  const dark = new Map([...light, ...rootTokens(darkBlock?.[1] ?? '')])
  return { light, dark }
}

/** WCAG 2.x relative luminance of `#rrggbb` / `#rgb`. */
function luminance(hex: string): number {
  let digits = hex.replace('#', '')
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('')
  if (!/^[0-9a-f]{6}$/i.test(digits)) throw new Error(`Not a hex colour: ${hex}`)
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(digits.slice(at, at + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

describe('colour tokens (app.css)', () => {
  it('computes WCAG contrast like the specification', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrast('#c98a0b', '#ffffff')).toBeCloseTo(2.95, 2)
  })

  it('reads both schemes from app.css', () => {
    const { light, dark } = schemes()
    expect(light.get('--surface-1')).toBe('#ffffff')
    expect(dark.get('--surface-1')).not.toBe(light.get('--surface-1'))
  })

  it('classifies every colour token as text, surface or line', () => {
    const known = new Set([
      ...TEXT_TOKENS,
      ...SURFACE_TOKENS,
      ...FILLED_PAIRS.flat(),
      ...NON_TEXT_TOKENS
    ])
    const { light, dark } = schemes()
    const colours = [...new Set([...light.keys(), ...dark.keys()])].filter((token) =>
      /^#/.test(light.get(token) ?? dark.get(token) ?? '')
    )
    expect(colours.filter((token) => !known.has(token))).toEqual([])
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps every text token at 4.5:1 or more on every surface, ${scheme}`, () => {
      const tokens = schemes()[scheme]
      const colour = (token: string): string => {
        const value = tokens.get(token)
        if (!value) throw new Error(`${token} is not declared in app.css (${scheme})`)
        return value
      }
      const pairs: [string, string][] = [
        ...TEXT_TOKENS.flatMap((text) =>
          SURFACE_TOKENS.map((surface): [string, string] => [text, surface])
        ),
        ...FILLED_PAIRS
      ]
      const tooFaint = pairs
        .map(([text, surface]) => ({
          pair: `${text} ${colour(text)} on ${surface} ${colour(surface)}`,
          ratio: Math.round(contrast(colour(text), colour(surface)) * 100) / 100
        }))
        .filter(({ ratio }) => ratio < AA_NORMAL_TEXT)
      expect(tooFaint).toEqual([])
    })
  }
})
