/** The app's top-level sections, in sidebar order. */
export const SECTIONS = [
  { id: 'customers', label: 'Customers' },
  { id: 'plans', label: 'Plans' },
  { id: 'activities', label: 'Activities' },
  { id: 'opportunities', label: 'Opportunities' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'outbox', label: 'Outbox' },
  { id: 'settings', label: 'Settings' }
] as const

export type SectionId = (typeof SECTIONS)[number]['id']
