/**
 * The commands the app itself makes possible, whatever section is open: go to each of the
 * provider's sections, new opportunity (for the customer/account whose panel is open), sync now,
 * and the shortcut sheet.
 */
import type { SectionId } from '../../../shared/providers/capabilities'
import { SECTION_LABELS } from '../shell/sections'
import type { Command } from './types'

export interface AppCommandsInput {
  sections: readonly SectionId[]
  hasWorkspace: boolean
  /** The deal parent whose panel is open; its name once read. */
  parent: { id: string; name: string | null } | null
  goTo: (section: SectionId) => void
  newOpportunity: (parentId?: string) => void
  /** The status bar's "Sync now". */
  syncNow: () => void
  showShortcuts: () => void
  /** The About dialog (versions, where data lives). */
  showAbout?: () => void
}

export function appCommands(input: AppCommandsInput): Command[] {
  const list: Command[] = []
  if (input.hasWorkspace) {
    const parent = input.parent
    list.push(
      parent
        ? {
            id: 'newOpportunity',
            title: `New opportunity for ${parent.name ?? 'this record'}`,
            group: 'actions',
            keywords: ['create', 'deal'],
            shortcut: 'newOpportunity',
            run: () => input.newOpportunity(parent.id)
          }
        : {
            id: 'newOpportunity',
            title: 'New opportunity',
            group: 'actions',
            keywords: ['create', 'deal'],
            shortcut: 'newOpportunity',
            run: () => input.newOpportunity()
          },
      {
        id: 'syncNow',
        title: 'Sync now',
        group: 'actions',
        keywords: ['refresh', 'fetch', 'push'],
        run: input.syncNow
      }
    )
  }
  list.push({
    id: 'showShortcuts',
    title: 'Show keyboard shortcuts',
    group: 'actions',
    keywords: ['help', 'keys'],
    shortcut: 'sheet',
    run: input.showShortcuts
  })
  if (input.showAbout) {
    list.push({
      id: 'about',
      title: 'About Revdesk',
      group: 'actions',
      keywords: ['version', 'data folder', 'help'],
      run: input.showAbout
    })
  }
  for (const section of input.sections) {
    list.push({
      id: `goto:${section}`,
      title: `Go to ${SECTION_LABELS[section]}`,
      group: 'goto',
      shortcut: `goto:${section}`,
      run: () => input.goTo(section)
    })
  }
  return list
}
