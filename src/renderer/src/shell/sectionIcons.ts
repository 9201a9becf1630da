/** Sidebar icons (Lucide), kept apart from the section list so plain code can use that list. */
import Activity from '@lucide/svelte/icons/activity'
import Building from '@lucide/svelte/icons/building'
import Contact from '@lucide/svelte/icons/contact'
import Handshake from '@lucide/svelte/icons/handshake'
import Inbox from '@lucide/svelte/icons/inbox'
import LayoutDashboard from '@lucide/svelte/icons/layout-dashboard'
import Package from '@lucide/svelte/icons/package'
import Settings from '@lucide/svelte/icons/settings'
import Users from '@lucide/svelte/icons/users'
import type { SectionId } from './sections'

export const SECTION_ICONS: Record<SectionId, typeof Users> = {
  customers: Users,
  plans: Package,
  activities: Activity,
  accounts: Building,
  contacts: Contact,
  opportunities: Handshake,
  dashboard: LayoutDashboard,
  outbox: Inbox,
  settings: Settings
}
