/**
 * Column headers with a real, labelled filter control. AG Grid's own header filter icon is a
 * `<span aria-hidden>` that only a mouse can reach, so it is switched off
 * (`suppressHeaderFilterButton`) and this inner header component draws the column's name
 * followed by a `<button aria-label="Filter MRR">`. The grid keeps everything else of its
 * header (click to sort, sort arrows, the active-filter mark, resize, move).
 *
 * Keyboard: arrow to a header, Tab enters its filter button, Enter or Space opens the filter,
 * Escape closes it and AG Grid gives focus back to the button (it focuses the element the
 * filter was opened from). `headerKeys` keeps the grid's own header keys from also sorting.
 */
import type {
  IHeaderParams,
  IInnerHeaderComponent,
  SuppressHeaderKeyboardEventParams
} from 'ag-grid-community'

const BUTTON_CLASS = 'grid-filter-button'
const SVG_NS = 'http://www.w3.org/2000/svg'

/** A funnel, drawn with the text colour; decorative (the button is named by its label). */
function funnelIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('viewBox', '0 0 16 16')
  svg.setAttribute('width', '12')
  svg.setAttribute('height', '12')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  const path = document.createElementNS(SVG_NS, 'path')
  path.setAttribute('d', 'M1.5 2h13l-5 6.2V13l-3 1.5V8.2z')
  path.setAttribute('fill', 'currentColor')
  svg.appendChild(path)
  return svg
}

export class FilterHeader implements IInnerHeaderComponent {
  private readonly gui = document.createElement('span')
  private readonly text = document.createElement('span')
  private button: HTMLButtonElement | null = null
  private params: IHeaderParams | null = null
  private readonly showFiltering = (): void => {
    const active = this.params?.column.isFilterActive() ?? false
    this.button?.classList.toggle('is-filtering', active)
  }

  init(params: IHeaderParams): void {
    this.gui.className = 'grid-header'
    this.text.className = 'grid-header-name'
    this.gui.appendChild(this.text)
    this.refresh(params)
    // The button itself shows that the column is filtered (AG Grid's separate mark is hidden).
    params.column.addEventListener('filterActiveChanged', this.showFiltering)
  }

  getGui(): HTMLElement {
    return this.gui
  }

  refresh(params: IHeaderParams): boolean {
    this.params = params
    // Text, never HTML: a header name may one day come from a server (custom fields).
    this.text.textContent = params.displayName
    if (params.column.isFilterAllowed()) {
      const button = this.button ?? this.createButton()
      button.setAttribute('aria-label', `Filter ${params.displayName}`)
      this.showFiltering()
    } else if (this.button) {
      this.button.remove()
      this.button = null
    }
    return true
  }

  destroy(): void {
    this.params?.column.removeEventListener('filterActiveChanged', this.showFiltering)
    this.button?.remove()
    this.button = null
    this.params = null
  }

  private createButton(): HTMLButtonElement {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = BUTTON_CLASS
    button.setAttribute('aria-haspopup', 'dialog')
    button.appendChild(funnelIcon())
    button.addEventListener('click', (event) => {
      // The click must not also reach the label, which would sort the column.
      event.stopPropagation()
      this.params?.showFilter(button)
    })
    this.gui.appendChild(button)
    this.button = button
    return button
  }
}

function isFilterButton(target: EventTarget | null): boolean {
  return target instanceof Element && target.classList.contains(BUTTON_CLASS)
}

/**
 * Which header keys AG Grid must leave alone: Enter and Space on the filter button are the
 * button's (the grid would sort), and Tab from a header cell that has a filter button moves
 * into that button instead of on to the next header.
 */
export function headerKeys({ event }: SuppressHeaderKeyboardEventParams): boolean {
  if (isFilterButton(event.target)) return event.key === 'Enter' || event.key === ' '
  if (event.key !== 'Tab' || event.shiftKey || !(event.target instanceof Element)) return false
  return event.target.querySelector(`.${BUTTON_CLASS}`) !== null
}
