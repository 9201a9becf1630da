/**
 * The About item: the app's own dialog (not Electron's native panel), where each platform
 * expects it — the app menu on macOS, the end of Help elsewhere — and Help is never greyed out.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../../src/shared/bridge/contract'
import { buildMenuTemplate } from '../../../src/main/menu/menuTemplate'
import { appCommands } from '../../../src/renderer/src/commands/appCommands'
import { runMenuCommand } from '../../../src/renderer/src/commands/menuActions'

type Item = MenuItemConstructorOptions

function build(platform: NodeJS.Platform) {
  const sent: MenuCommand[] = []
  const template = buildMenuTemplate({
    platform,
    isPackaged: true,
    appName: 'Revdesk',
    send: (command) => sent.push(command),
    openExternal: async () => undefined
  })
  const submenu = (label: string): Item[] =>
    (template.find((menu) => menu.label === label)?.submenu as Item[] | undefined) ?? []
  return { template, sent, submenu }
}

const click = (item: Item | undefined): void => (item?.click as (() => void) | undefined)?.()

describe('About menu item', () => {
  it('macOS: first in the app menu, opens the in-app About dialog', () => {
    const { sent, submenu } = build('darwin')
    const about = submenu('Revdesk')[0]
    expect(about?.label).toBe('About Revdesk')
    expect(about?.role).toBeUndefined()
    click(about)
    expect(sent).toEqual([{ command: 'about' }])
    expect(submenu('Help').some((item) => item.label === 'About Revdesk')).toBe(false)
  })

  it.each(['win32', 'linux'] as const)('%s: last in Help, opens the About dialog', (platform) => {
    const { sent, submenu } = build(platform)
    const about = submenu('Help').at(-1)
    expect(about?.label).toBe('About Revdesk')
    expect(about?.role).toBeUndefined()
    click(about)
    expect(sent).toEqual([{ command: 'about' }])
  })

  it.each(['darwin', 'win32', 'linux'] as const)(
    '%s: every Help item is enabled and does something',
    (platform) => {
      const help = build(platform).submenu('Help')
      for (const item of help.filter((entry) => entry.type !== 'separator')) {
        expect(item.enabled, item.label).not.toBe(false)
        expect(typeof item.click === 'function' || item.role !== undefined, item.label).toBe(true)
      }
    }
  )
})

describe('About in the page', () => {
  it('the palette offers "About Revdesk", with or without a workspace', () => {
    let shown = 0
    for (const hasWorkspace of [true, false]) {
      const about = appCommands({
        sections: [],
        hasWorkspace,
        parent: null,
        goTo: () => undefined,
        newOpportunity: () => undefined,
        syncNow: () => undefined,
        showShortcuts: () => undefined,
        showAbout: () => void shown++
      }).find((command) => command.title === 'About Revdesk')
      void about?.run?.()
    }
    expect(shown).toBe(2)
  })

  it('the menu’s About runs the palette’s About command, not behind another dialog', async () => {
    const ran: string[] = []
    const deps = (modal: boolean) => ({
      commands: () => [
        {
          id: 'about',
          title: 'About Revdesk',
          group: 'actions' as const,
          run: () => void ran.push('about')
        }
      ],
      isModalOpen: () => modal,
      rendered: async () => undefined,
      focusAddWorkspaceForm: () => undefined
    })
    await runMenuCommand({ command: 'about' }, deps(true))
    expect(ran).toEqual([])
    await runMenuCommand({ command: 'about' }, deps(false))
    expect(ran).toEqual(['about'])
  })
})
