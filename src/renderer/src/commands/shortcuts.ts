/**
 * Every keyboard shortcut, defined once. The key handler (App), the shortcut sheet and the
 * command palette all read this table, so what is shown is what works.
 */
import type { SectionId } from '../../../shared/providers/capabilities'
import { SECTION_LABELS } from '../shell/sections'

export type ShortcutGroup = 'General' | 'Go to'

export type ShortcutId = 'palette' | 'search' | 'newOpportunity' | 'sheet' | `goto:${SectionId}`

export interface Shortcut {
  id: ShortcutId
  /** What it does, as the sheet lists it. */
  description: string
  group: ShortcutGroup
  /**
   * The keys: one entry per key pressed in turn (lower case; "g", "b" is G then B). A chord with
   * Ctrl/⌘ is `chord: true` and handled by its own listener (it works in text fields too).
   */
  keys: readonly string[]
  chord?: boolean
}

/**
 * The second key of "G then …" per section, unique within each provider's sections (a unit test
 * checks it): the section's initial where free, else a letter of its name.
 */
export const GO_TO_KEYS: Readonly<Record<SectionId, string>> = {
  customers: 'c',
  plans: 'p',
  activities: 'a',
  accounts: 'a',
  contacts: 't',
  opportunities: 'o',
  dashboard: 'd',
  outbox: 'b',
  settings: 's'
}

const GENERAL: readonly Shortcut[] = [
  {
    id: 'palette',
    description: 'Open the command palette',
    group: 'General',
    keys: ['k'],
    chord: true
  },
  { id: 'search', description: 'Search the current grid', group: 'General', keys: ['/'] },
  { id: 'newOpportunity', description: 'New opportunity', group: 'General', keys: ['c'] },
  { id: 'sheet', description: 'Show keyboard shortcuts', group: 'General', keys: ['?'] }
]

/** The shortcuts of a workspace whose provider shows `sections` (in sidebar order). */
export function shortcutsFor(sections: readonly SectionId[]): Shortcut[] {
  return [
    ...GENERAL,
    ...sections.map((section): Shortcut => ({
      id: `goto:${section}`,
      description: `Go to ${SECTION_LABELS[section]}`,
      group: 'Go to',
      keys: ['g', GO_TO_KEYS[section]]
    }))
  ]
}

export function shortcutById(shortcuts: readonly Shortcut[], id: ShortcutId): Shortcut | undefined {
  return shortcuts.find((shortcut) => shortcut.id === id)
}

const keyName = (key: string): string => (key.length === 1 ? key.toUpperCase() : key)

/** How a shortcut is written for people: "Ctrl+K" / "⌘K", "G then B", "/". */
export function shortcutLabel(shortcut: Pick<Shortcut, 'keys' | 'chord'>, mac: boolean): string {
  if (shortcut.chord) return `${mac ? '⌘' : 'Ctrl+'}${shortcut.keys.map(keyName).join('')}`
  return shortcut.keys.map(keyName).join(' then ')
}

/**
 * The `aria-keyshortcuts` value of the control a shortcut triggers, or undefined for key
 * sequences: ARIA can only express single keys and chords, not "G then B".
 */
export function ariaKeyShortcuts(shortcut: Pick<Shortcut, 'keys' | 'chord'>): string | undefined {
  if (shortcut.keys.length !== 1) return undefined
  const key = keyName(shortcut.keys[0]!)
  return shortcut.chord ? `Control+${key} Meta+${key}` : key
}
