/**
 * Makes the template the application's menu. The only part of the menu that touches Electron;
 * `Menu` is passed in so this runs in Node tests without it.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate, type MenuTemplateInput } from './menuTemplate'

/** The slice of Electron's `Menu` used here. */
export interface MenuStatics<M> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M
  setApplicationMenu(menu: M | null): void
}

export function installAppMenu<M>(
  electron: { Menu: MenuStatics<M> },
  deps: MenuTemplateInput
): void {
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(buildMenuTemplate(deps)))
}
