/**
 * Keeps a simulator started from the command line serving until Ctrl-C (SIGINT) or a service
 * stop (SIGTERM), then closes it once: exit code 0 when it closed cleanly, 1 when it did not.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  let closing = false
  const shutdown = (): void => {
    if (closing) return
    closing = true
    close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}
