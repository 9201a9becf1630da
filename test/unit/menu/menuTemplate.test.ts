/**
 * The application menu, per platform: which menus, in which order, which standard roles, which
 * accelerators, and that each of the app's own items asks the page for the right action.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../../src/shared/bridge/contract'
import { capabilitiesOf } from '../../../src/shared/providers/capabilities'
import { buildMenuTemplate, type MenuTemplateInput } from '../../../src/main/menu/menuTemplate'
import { HELP_LINKS } from '../../../src/main/menu/helpLinks'
import { shortcutById, shortcutsFor } from '../../../src/renderer/src/commands/shortcuts'

type Item = MenuItemConstructorOptions

function build(platform: NodeJS.Platform, overrides: Partial<MenuTemplateInput> = {}) {
  const sent: MenuCommand[] = []
  const opened: string[] = []
  const template = buildMenuTemplate({
    platform,
    isPackaged: true,
    appName: 'Revdesk',
    send: (command) => sent.push(command),
    openExternal: async (url) => {
      opened.push(url)
    },
    ...overrides
  })
  return { template, sent, opened }
}

function submenuOf(template: readonly Item[], label: string): Item[] {
  const menu = template.find((item) => item.label === label)
  if (!menu) throw new Error(`No top-level menu "${label}"`)
  return menu.submenu as Item[]
}

function all(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? all(item.submenu as Item[]) : [])
  ])
}

function itemLabelled(items: readonly Item[], label: string): Item {
  const item = all(items).find((candidate) => candidate.label === label)
  if (!item) throw new Error(`No menu item "${label}"`)
  return item
}

function click(item: Item): void {
  // Electron passes (menuItem, window, event); the app's items use none of them.
  ;(item.click as () => void)()
}

const roles = (items: readonly Item[]): string[] =>
  items.flatMap((item) => (item.role ? [item.role] : []))

const CHARTMOGUL_SECTIONS = capabilitiesOf('chartmogul').sections
const GO_TO_LABELS = shortcutsFor(CHARTMOGUL_SECTIONS)
  .filter((shortcut) => shortcut.group === 'Go to')
  .map((shortcut) => shortcut.description)

const PLATFORMS = ['darwin', 'win32', 'linux'] as const

describe('application menu template', () => {
  it('has the app menu first on macOS only, then File, Edit, View, Window, Help', () => {
    expect(build('darwin').template.map((menu) => menu.label)).toEqual([
      'Revdesk',
      'File',
      'Edit',
      'View',
      'Window',
      'Help'
    ])
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).template.map((menu) => menu.label)).toEqual([
        'File',
        'Edit',
        'View',
        'Window',
        'Help'
      ])
    }
  })

  it('macOS app menu: About, Settings… (⌘,), Hide, Hide Others, Show All, Quit', () => {
    const { template, sent } = build('darwin')
    const appMenu = submenuOf(template, 'Revdesk')
    expect(roles(appMenu)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(itemLabelled(appMenu, 'About Revdesk').role).toBeUndefined()
    const settings = itemLabelled(appMenu, 'Settings…')
    expect(settings.accelerator).toBe('CmdOrCtrl+,')
    click(settings)
    expect(sent).toEqual([{ command: 'open-settings' }])
    // Not repeated elsewhere on macOS.
    const rest = template.slice(1)
    expect(all(rest).filter((item) => item.label === 'Settings…')).toEqual([])
    expect(
      all(rest).filter((item) => item.label === 'About Revdesk' || item.role === 'quit')
    ).toEqual([])
  })

  it.each(['win32', 'linux'] as const)(
    '%s: Settings… and Quit in File, About in Help',
    (platform) => {
      const { template, sent } = build(platform)
      const file = submenuOf(template, 'File')
      const settings = itemLabelled(file, 'Settings…')
      expect(settings.accelerator).toBe('CmdOrCtrl+,')
      click(settings)
      expect(sent).toEqual([{ command: 'open-settings' }])
      expect(roles(file)).toEqual(['close', 'quit'])
      expect(roles(submenuOf(template, 'Help'))).toEqual([])
      expect(itemLabelled(submenuOf(template, 'Help'), 'About Revdesk').click).toBeTypeOf(
        'function'
      )
    }
  )

  it.each(PLATFORMS)('%s: File asks the page for new opportunity, add workspace, export', (p) => {
    const { template, sent } = build(p)
    const file = submenuOf(template, 'File')
    // The shortcut sheet's and the palette's wording.
    const wording = shortcutById(shortcutsFor(CHARTMOGUL_SECTIONS), 'newOpportunity')?.description
    expect(wording).toBe('New opportunity')
    const newOpportunity = itemLabelled(file, wording!)
    expect(newOpportunity.accelerator).toBe('CmdOrCtrl+N')
    click(newOpportunity)
    click(itemLabelled(file, 'Add workspace…'))
    click(itemLabelled(file, 'Export CSV'))
    expect(sent).toEqual([
      { command: 'new-opportunity' },
      { command: 'add-workspace' },
      { command: 'export-csv' }
    ])
    // Electron's role gives it its platform's label, "Close Window".
    expect(roles(file)[0]).toBe('close')
  })

  it.each(PLATFORMS)('%s: Edit has the standard editing roles', (platform) => {
    expect(roles(submenuOf(build(platform).template, 'Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll'
    ])
  })

  it.each(PLATFORMS)('%s: View goes to each section with CmdOrCtrl+1…7, sidebar order', (p) => {
    const { template, sent } = build(p)
    const view = submenuOf(template, 'View')
    const goTo = view.filter((item) => item.label?.startsWith('Go to '))
    // The palette's and the shortcut sheet's wording, in the sidebar's order.
    expect(goTo.map((item) => item.label)).toEqual(GO_TO_LABELS)
    expect(goTo.map((item) => item.accelerator)).toEqual(
      CHARTMOGUL_SECTIONS.map((_, index) => `CmdOrCtrl+${index + 1}`)
    )
    for (const item of goTo) click(item)
    expect(sent).toEqual(
      CHARTMOGUL_SECTIONS.map((section) => ({ command: 'go-to-section', section }))
    )
    expect(roles(view)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
  })

  it.each(PLATFORMS)('%s: Reload and developer tools only when not packaged', (platform) => {
    const packaged = all(build(platform, { isPackaged: true }).template)
    expect(
      packaged.filter((item) => item.role === 'reload' || item.role === 'forceReload')
    ).toEqual([])
    expect(packaged.filter((item) => item.role === 'toggleDevTools')).toEqual([])
    const dev = roles(submenuOf(build(platform, { isPackaged: false }).template, 'View'))
    expect(dev).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools', 'zoomIn'])
    )
  })

  it('Window: minimize, zoom and close on macOS; minimize and close elsewhere', () => {
    expect(roles(submenuOf(build('darwin').template, 'Window'))).toEqual([
      'minimize',
      'zoom',
      'front',
      'close'
    ])
    for (const platform of ['win32', 'linux'] as const) {
      expect(roles(submenuOf(build(platform).template, 'Window'))).toEqual(['minimize', 'close'])
    }
  })

  it.each(PLATFORMS)('%s: Help opens the documentation and the problem report', (platform) => {
    const { template, opened, sent } = build(platform)
    const help = submenuOf(template, 'Help')
    click(itemLabelled(help, 'Documentation'))
    click(itemLabelled(help, 'Report a problem'))
    expect(opened).toEqual([HELP_LINKS.documentation, HELP_LINKS.reportProblem])
    expect(sent).toEqual([])
  })

  it('Help keeps working when the browser cannot be opened', async () => {
    const { template } = build('linux', { openExternal: () => Promise.reject(new Error('no')) })
    click(itemLabelled(submenuOf(template, 'Help'), 'Documentation'))
    // An unhandled rejection would fail the run.
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

  it('uses the given app name', () => {
    const { template } = build('darwin', { appName: 'Revdesk Beta' })
    expect(template[0]?.label).toBe('Revdesk Beta')
    expect(itemLabelled(template, 'About Revdesk Beta').click).toBeTypeOf('function')
  })

  it('macOS: "Check for Updates…" right after About in the app menu, and nowhere else', () => {
    const checks: string[] = []
    const { template, sent } = build('darwin', { checkForUpdates: () => checks.push('check') })
    const appMenu = submenuOf(template, 'Revdesk')
    const labels = appMenu.map((item) => item.label ?? item.role ?? item.type)
    expect(labels.slice(0, 3)).toEqual(['About Revdesk', 'Check for Updates…', 'separator'])
    expect(all(template).filter((item) => item.label === 'Check for Updates…')).toHaveLength(1)
    click(itemLabelled(appMenu, 'Check for Updates…'))
    expect(checks).toEqual(['check'])
    expect(sent).toEqual([])
  })

  it.each(['win32', 'linux'] as const)(
    '%s: "Check for Updates…" in Help, before About, never greyed out',
    (platform) => {
      const checks: string[] = []
      const { template } = build(platform, { checkForUpdates: () => checks.push('check') })
      const help = submenuOf(template, 'Help')
      const labels = help.map((item) => item.label ?? item.type)
      expect(labels.slice(-2)).toEqual(['Check for Updates…', 'About Revdesk'])
      const item = itemLabelled(help, 'Check for Updates…')
      expect(item.enabled).not.toBe(false)
      click(item)
      expect(checks).toEqual(['check'])
      expect(all(template).filter((i) => i.label === 'Check for Updates…')).toHaveLength(1)
    }
  )
})
