/**
 * Full values on hover. AG Grid's tooltips are set to open on keyboard focus (its tooltips have
 * one trigger, hover or focus, not both), so for the mouse one delegated listener gives a cell
 * whose text is cut off a native `title` with its full text when the pointer reaches it — no
 * per-row work, nothing for cells that fit.
 */
export function showClippedTextOnHover(host: HTMLElement): () => void {
  const onOver = (event: MouseEvent): void => {
    if (!(event.target instanceof Element)) return
    const cell = event.target.closest<HTMLElement>('[role="gridcell"]')
    if (!cell || !host.contains(cell)) return
    const text = cell.textContent?.trim() ?? ''
    if (text !== '' && cell.scrollWidth > cell.clientWidth) cell.title = text
    else cell.removeAttribute('title')
  }
  host.addEventListener('mouseover', onOver)
  return () => host.removeEventListener('mouseover', onOver)
}
