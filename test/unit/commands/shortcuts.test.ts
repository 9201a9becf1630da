/** The one shortcut table: unique keys per provider, labels per platform, ARIA values. */
import { describe, expect, it } from 'vitest'
import { PROVIDER_CAPABILITIES } from '../../../src/shared/providers/capabilities'
import {
  ariaKeyShortcuts,
  shortcutById,
  shortcutLabel,
  shortcutsFor
} from '../../../src/renderer/src/commands/shortcuts'

describe('shortcutsFor', () => {
  it.each(Object.values(PROVIDER_CAPABILITIES))(
    'gives every $displayName section its own G-then letter, and no two shortcuts the same keys',
    (capabilities) => {
      const list = shortcutsFor(capabilities.sections)
      const goTo = list.filter((s) => s.group === 'Go to')
      expect(goTo.map((s) => s.id)).toEqual(capabilities.sections.map((id) => `goto:${id}`))
      const keys = list.map((s) => `${s.chord ? 'mod+' : ''}${s.keys.join(' ')}`)
      expect(new Set(keys).size).toBe(keys.length)
    }
  )

  it('uses the letters people expect', () => {
    const list = shortcutsFor(PROVIDER_CAPABILITIES.chartmogul.sections)
    const keysOf = (id: Parameters<typeof shortcutById>[1]) => shortcutById(list, id)?.keys
    expect(keysOf('goto:customers')).toEqual(['g', 'c'])
    expect(keysOf('goto:opportunities')).toEqual(['g', 'o'])
    expect(keysOf('goto:dashboard')).toEqual(['g', 'd'])
    expect(keysOf('goto:outbox')).toEqual(['g', 'b'])
    expect(keysOf('goto:settings')).toEqual(['g', 's'])
    expect(keysOf('newOpportunity')).toEqual(['c'])
    expect(keysOf('search')).toEqual(['/'])
    expect(keysOf('sheet')).toEqual(['?'])
  })
})

describe('shortcutLabel and ariaKeyShortcuts', () => {
  const list = shortcutsFor(['outbox'])
  const palette = shortcutById(list, 'palette')!
  it('writes ⌘ on a Mac and Ctrl elsewhere, sequences as "G then B"', () => {
    expect(shortcutLabel(palette, true)).toBe('⌘K')
    expect(shortcutLabel(palette, false)).toBe('Ctrl+K')
    expect(shortcutLabel(shortcutById(list, 'goto:outbox')!, false)).toBe('G then B')
    expect(shortcutLabel(shortcutById(list, 'newOpportunity')!, true)).toBe('C')
  })

  it('gives ARIA values for keys and chords, none for sequences', () => {
    expect(ariaKeyShortcuts(palette)).toBe('Control+K Meta+K')
    expect(ariaKeyShortcuts(shortcutById(list, 'newOpportunity')!)).toBe('C')
    expect(ariaKeyShortcuts(shortcutById(list, 'goto:outbox')!)).toBeUndefined()
  })
})
