/**
 * The few views whose whole shape differs by provider, chosen once per provider next to the
 * adapter: the deal-parent panel (Customer 360 / Account 360), the dashboard (MRR / pipeline)
 * and the deal editor. Everything else reads the capability table.
 */
import type { Component } from 'svelte'
import type { ProviderId } from '../../../shared/providers/providerId'
import Account360 from '../sections/account360/Account360.svelte'
import Customer360 from '../sections/customer360/Customer360.svelte'
import DashboardSection from '../sections/dashboard/DashboardSection.svelte'
import PipelineDashboard from '../sections/dashboard/PipelineDashboard.svelte'
import MonacoDealEditor from '../sections/opportunities/editor/MonacoDealEditor.svelte'
import OpportunityEditor from '../sections/opportunities/editor/OpportunityEditor.svelte'
import type { DealEditorProps } from '../sections/opportunities/editor/dealEditorProps'

export interface ProviderViews {
  /** The panel a deal's parent opens in (double-click a customer or account). */
  parentPanel: Component<{ customerUuid: string; onClose: () => void }>
  dashboard: Component<{ onOpenSettings: () => void }>
  dealEditor: Component<DealEditorProps>
}

const VIEWS: Readonly<Record<ProviderId, ProviderViews>> = {
  chartmogul: {
    parentPanel: Customer360,
    dashboard: DashboardSection,
    dealEditor: OpportunityEditor
  },
  monaco: {
    parentPanel: Account360,
    dashboard: PipelineDashboard,
    dealEditor: MonacoDealEditor
  }
}

export function viewsFor(provider: ProviderId): ProviderViews {
  return VIEWS[provider]
}
