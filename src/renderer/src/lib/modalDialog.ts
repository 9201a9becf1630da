/**
 * Shows a <dialog> as a modal whose every way out — Esc (the dialog's cancel), the close
 * button's `close()`, a click on the backdrop — goes through `onClose`, so the owner's state
 * decides whether it is open. Returns the cleanup, which gives focus back to where it was
 * unless another modal has taken over.
 */
export function showModal(element: HTMLDialogElement, onClose: () => void): () => void {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
  if (!element.open) element.showModal()
  // Read `onClose` when an event fires, so the caller may pass a fresh callback each render.
  const close = (): void => onClose()
  const onCancel = (event: Event): void => {
    event.preventDefault()
    close()
  }
  // A click on the backdrop lands on the dialog element itself.
  const onBackdrop = (event: MouseEvent): void => {
    if (event.target === element) close()
  }
  element.addEventListener('cancel', onCancel)
  element.addEventListener('close', close)
  element.addEventListener('click', onBackdrop)
  return () => {
    element.removeEventListener('cancel', onCancel)
    element.removeEventListener('close', close)
    element.removeEventListener('click', onBackdrop)
    const otherModal = [...document.querySelectorAll('dialog[open]')].some((d) => d !== element)
    if (previous?.isConnected && !otherModal) previous.focus()
  }
}
