/**
 * At most one send per queued create. The page names each create it queues (`clientRef`) and
 * may ask again: after a reload, or because its first call timed out on its side while main's
 * request was still waiting in the rate limiter or retrying a connection. ChartMogul has no
 * idempotency key for opportunities, so main keeps the promise of a create while it runs (a
 * repeat joins it) and its result for a while after (a repeat gets the same deal back).
 */
export interface CreateOnce<T> {
  run(key: string, send: () => Promise<T>): Promise<T>
}

export function createOnce<T>(options: { remember?: number } = {}): CreateOnce<T> {
  const remember = options.remember ?? 1_000
  const running = new Map<string, Promise<T>>()
  const done = new Map<string, T>()

  return {
    run(key, send) {
      const known = done.get(key)
      if (known !== undefined) return Promise.resolve(known)
      const current = running.get(key)
      if (current) return current
      const attempt = send().then(
        (value) => {
          running.delete(key)
          done.set(key, value)
          // Oldest first out: a Map iterates in insertion order.
          for (const old of done.keys()) {
            if (done.size <= remember) break
            done.delete(old)
          }
          return value
        },
        (error: unknown) => {
          // A failed send may be tried again (the page reconciles an unknown outcome first).
          running.delete(key)
          throw error
        }
      )
      running.set(key, attempt)
      return attempt
    }
  }
}
