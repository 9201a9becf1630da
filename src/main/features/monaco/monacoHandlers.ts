/**
 * Placeholder while the Monaco handlers are built: every Monaco bridge method answers a clear
 * `internal` error. Replaced by the real handlers (lists, lookups, writes) in this issue.
 */
import { AppError } from '../../ipc/appError'
import type { BridgeHandlers } from '../../ipc/dispatcher'

type MonacoMethods =
  | 'monacoListStep'
  | 'monacoListBounds'
  | 'monacoLookups'
  | 'monacoCreateOpportunity'
  | 'monacoUpdateOpportunity'

export function createMonacoHandlers(): Pick<BridgeHandlers, MonacoMethods> {
  const notYet = (): never => {
    throw new AppError('internal', 'Monaco workspaces are not available yet.')
  }
  return {
    monacoListStep: notYet,
    monacoListBounds: notYet,
    monacoLookups: notYet,
    monacoCreateOpportunity: notYet,
    monacoUpdateOpportunity: notYet
  }
}
