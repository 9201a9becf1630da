/**
 * The application menu as data, one template per platform. Pure: it only imports Electron's
 * types, so it is tested in Node without Electron (`installAppMenu.ts` hands it to `Menu`).
 *
 * Standard items use Electron's roles, so each platform gets its own labels, accelerators and
 * behaviour. The app's own items do nothing here: they `send` a command that the page carries
 * out with the same actions as its buttons and command palette.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/bridge/contract'
import { HELP_LINKS } from './helpLinks'
import { MENU_SECTIONS } from './menuSections'

export interface MenuTemplateInput {
  platform: NodeJS.Platform
  /** Packaged builds get no Reload and no developer tools. */
  isPackaged: boolean
  appName: string
  send: (command: MenuCommand) => void
  /** Opens an https address in the system browser. */
  openExternal: (url: string) => Promise<void>
  /**
   * "Check for Updates…" (macOS: the app menu, after About; elsewhere: Help). Always shown when
   * given: a build without an update feed answers that updates are not configured.
   */
  checkForUpdates?: () => void
}

type Item = MenuItemConstructorOptions

const separator: Item = { type: 'separator' }

export function buildMenuTemplate(input: MenuTemplateInput): Item[] {
  const mac = input.platform === 'darwin'
  const command =
    (message: MenuCommand): Item['click'] =>
    () =>
      input.send(message)
  // The app's own About dialog (versions, where data lives), not Electron's native panel.
  const about: Item = { label: `About ${input.appName}`, click: command({ command: 'about' }) }
  const checkForUpdates = input.checkForUpdates
  const updateItems: Item[] = checkForUpdates
    ? [{ label: 'Check for Updates…', click: () => checkForUpdates() }]
    : []
  const settings: Item = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: command({ command: 'open-settings' })
  }
  const link =
    (url: string): Item['click'] =>
    () =>
      // Nothing to tell the user from a menu if the browser does not open; do not crash main.
      void input.openExternal(url).catch(() => undefined)

  const appMenu: Item = {
    label: input.appName,
    submenu: [
      about,
      ...updateItems,
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' }
    ]
  }

  const fileMenu: Item = {
    label: 'File',
    submenu: [
      {
        label: 'New opportunity',
        accelerator: 'CmdOrCtrl+N',
        click: command({ command: 'new-opportunity' })
      },
      { label: 'Add workspace…', click: command({ command: 'add-workspace' }) },
      separator,
      { label: 'Export CSV', click: command({ command: 'export-csv' }) },
      separator,
      { role: 'close' },
      ...(mac ? [] : [separator, settings, separator, { role: 'quit' } satisfies Item])
    ]
  }

  const editMenu: Item = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' }
    ]
  }

  const developerItems: Item[] = input.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
  const viewMenu: Item = {
    label: 'View',
    submenu: [
      ...MENU_SECTIONS.map((section): Item => ({
        label: section.label,
        accelerator: section.accelerator,
        click: command({ command: 'go-to-section', section: section.id })
      })),
      separator,
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' }
    ]
  }

  const windowMenu: Item = {
    label: 'Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, { role: 'close' }]
      : [{ role: 'minimize' }, { role: 'close' }]
  }

  const helpMenu: Item = {
    label: 'Help',
    // macOS adds its menu search field to the menu with the help role.
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      { label: 'Documentation', click: link(HELP_LINKS.documentation) },
      { label: 'Report a problem', click: link(HELP_LINKS.reportProblem) },
      ...(mac ? [] : [separator, ...updateItems, about])
    ]
  }

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
}
