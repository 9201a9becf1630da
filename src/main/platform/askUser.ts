/**
 * A question main asks the user with a native dialog, outside the page's reach: the page (or
 * anything that ever runs in it) cannot answer it, skip it or fake its wording. Used before a
 * stored key goes to a host the user has not confirmed, and before a link from API data opens.
 *
 * The Electron entry point answers it with `dialog.showMessageBox`; the browser test harness
 * records every question and answers as the test says.
 */
export interface UserQuestion {
  /** The dialog's title bar. */
  title: string
  /** One sentence: what is about to happen. */
  message: string
  /** The detail a careful user checks (the exact host, the full link). */
  detail: string
  /** The button that goes ahead, e.g. "Send key to api.example.com". */
  confirmLabel: string
  /** The button that stops, e.g. "Cancel" (the default and the Esc answer). */
  cancelLabel: string
}

/** Resolves true only when the user chose `confirmLabel`. */
export type AskUser = (question: UserQuestion) => Promise<boolean>
