/**
 * Who waits when ChartMogul asks Revdesk to slow down (429, `Retry-After`).
 *
 * Main waits out short pauses itself, silently: they pass before anyone would notice. A longer
 * wait is handed to the page instead, as a `rate_limited` error carrying how long to wait
 * (`retryAfterMs`, already capped by main) and how long ChartMogul asked for (`requestedWaitMs`):
 * the sync engine and the outbox then wait on their own timers, where the user sees the wait,
 * can cancel it, and nothing else queues silently behind it in main's shared rate limiter.
 */
export const LONGEST_SILENT_WAIT_MS = 5_000
