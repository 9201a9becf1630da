/**
 * Which deal the editor dialog is open on, if any. One editor for the whole app: the
 * Opportunities grid, Customer 360 and the outbox view all open it here, and App renders it.
 */
import type { DealEditorTarget } from './dealEditorTarget'

export type { DealEditorTarget }

class DealEditor {
  target = $state<DealEditorTarget | null>(null)

  open(target: DealEditorTarget): void {
    this.target = target
  }

  close(): void {
    this.target = null
  }
}

export const dealEditor = new DealEditor()
