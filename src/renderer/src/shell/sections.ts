/** The app's top-level sections, in sidebar order. */
export const SECTIONS = [
  { id: 'customers', label: 'Customers', icon: '👥' },
  { id: 'plans', label: 'Plans', icon: '📦' },
  { id: 'activities', label: 'Activities', icon: '📈' },
  { id: 'opportunities', label: 'Opportunities', icon: '🤝' },
  { id: 'dashboard', label: 'Dashboard', icon: '📊' },
  { id: 'settings', label: 'Settings', icon: '⚙️' }
] as const

export type SectionId = (typeof SECTIONS)[number]['id']
