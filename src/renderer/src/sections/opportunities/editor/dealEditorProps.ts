/** What every provider's deal editor is given (App renders the one of the open workspace). */
import type { DealEditorTarget } from '../../../app/dealEditorTarget'
import type { WorkspaceCache } from '../../../cache'

export interface DealEditorProps {
  db: WorkspaceCache
  /** Create (optionally for a given parent) or edit an existing cached row. */
  target: DealEditorTarget
  /** Default currency for a new deal. */
  accountCurrency: string
  onClose: () => void
  /** Called after a change was queued (the app then pushes soon). */
  onQueued: (uuid: string) => void
}
