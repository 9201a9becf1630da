/**
 * Edits an amount stored in cents as the user thinks of it: in major units ("1,234.50"), never
 * through a float. The typed text goes to the column's value setter as it is; parsing to exact
 * cents happens there, with the editor's rules (see opportunityGrid.ts `quickEditPatch`).
 */
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community'
import { formatCentsAsAmount } from './editor/opportunityForm'

export class AmountCellEditor implements ICellEditorComp {
  private input!: HTMLInputElement

  init(params: ICellEditorParams): void {
    const currency = (params.data as { currency?: string } | undefined)?.currency ?? 'USD'
    this.input = document.createElement('input')
    this.input.type = 'text'
    this.input.inputMode = 'decimal'
    this.input.className = 'ag-input-field-input ag-text-field-input'
    this.input.setAttribute('aria-label', `Amount in ${currency}`)
    const typed = params.eventKey?.length === 1 ? params.eventKey : null
    this.input.value =
      typed ?? (typeof params.value === 'number' ? formatCentsAsAmount(params.value, currency) : '')
  }

  getGui(): HTMLElement {
    return this.input
  }

  afterGuiAttached(): void {
    this.input.focus()
    if (this.input.value.length > 1) this.input.select()
  }

  getValue(): string {
    return this.input.value
  }
}
