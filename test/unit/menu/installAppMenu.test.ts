/**
 * installAppMenu hands the platform's template to Electron's Menu and makes it the app's menu;
 * the menu's commands reach the page through the given `send`.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../../src/shared/bridge/contract'
import { installAppMenu } from '../../../src/main/menu/installAppMenu'

describe('installAppMenu', () => {
  it('builds the menu from the template and sets it as the application menu', () => {
    const built: MenuItemConstructorOptions[][] = []
    const set: unknown[] = []
    const sent: MenuCommand[] = []
    const menu = { id: 'the menu' }
    const Menu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        built.push(template)
        return menu
      },
      setApplicationMenu: (m: typeof menu | null) => void set.push(m)
    }
    installAppMenu(
      { Menu },
      {
        platform: 'linux',
        isPackaged: true,
        appName: 'Revdesk',
        send: (command) => sent.push(command),
        openExternal: async () => {}
      }
    )
    expect(set).toEqual([menu])
    expect(built).toHaveLength(1)
    expect(built[0]!.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
    const file = built[0]![0]!.submenu as MenuItemConstructorOptions[]
    ;(file[0]!.click as () => void)()
    expect(sent).toEqual([{ command: 'new-opportunity' }])
  })
})
