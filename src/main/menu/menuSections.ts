/**
 * The sections the View menu goes to, with their Ctrl/Cmd+digit. The menu is built once for the
 * whole app, before any workspace is known, so it follows one fixed order: ChartMogul's sidebar
 * (the page ignores a section the open workspace's provider does not have).
 *
 * The labels repeat the sidebar's (`src/renderer/src/shell/sections.ts`): main may not import
 * page code. A unit test holds the two to the palette's "Go to …" wording.
 */
import { capabilitiesOf, type SectionId } from '../../shared/providers/capabilities'

const LABELS: Readonly<Record<SectionId, string>> = {
  customers: 'Customers',
  plans: 'Plans',
  activities: 'Activities',
  accounts: 'Accounts',
  contacts: 'Contacts',
  opportunities: 'Opportunities',
  dashboard: 'Dashboard',
  outbox: 'Outbox',
  settings: 'Settings'
}

export interface MenuSection {
  id: SectionId
  /** As the palette says it: "Go to Customers". */
  label: string
  accelerator: string
}

export const MENU_SECTIONS: readonly MenuSection[] = capabilitiesOf('chartmogul').sections.map(
  (id, index) => ({ id, label: `Go to ${LABELS[id]}`, accelerator: `CmdOrCtrl+${index + 1}` })
)
