/**
 * The app's top-level sections. Which of them a workspace shows, and in what order, is its
 * provider's `capabilities.sections`; this only names them.
 */
import type { ProviderCapabilities, SectionId } from '../../../shared/providers/capabilities'

export type { SectionId }

export const SECTION_LABELS: Readonly<Record<SectionId, string>> = {
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

export interface SectionEntry {
  id: SectionId
  label: string
}

/** The sidebar's sections for a provider, in its order. */
export function sectionsFor(capabilities: Pick<ProviderCapabilities, 'sections'>): SectionEntry[] {
  return capabilities.sections.map((id) => ({ id, label: SECTION_LABELS[id] }))
}

/**
 * Where the user lands after switching workspaces: the same section when the new provider has
 * it, else the provider's first section.
 */
export function landingSection(
  current: SectionId,
  capabilities: Pick<ProviderCapabilities, 'sections'>
): SectionId {
  if (capabilities.sections.includes(current)) return current
  return capabilities.sections[0] ?? 'settings'
}
