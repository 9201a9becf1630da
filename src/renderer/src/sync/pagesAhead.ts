/**
 * Fetches one partition's pages ahead of the code that writes them. A cursor-paged listing can
 * only ask for page n+1 once page n has arrived, so if it also waited for page n to be written,
 * every slow write (IndexedDB under load) would stall the requests too. Here the request chain
 * runs on its own, up to `depth` pages beyond the one being written: the request budget keeps
 * being used while the writes catch up, and nothing is committed out of order — the writer
 * takes pages in order, each with the cursor it was fetched with (several at once when they
 * have already arrived).
 */
import type { ListPage } from '../../../shared/domain'
import type { SyncRecord } from './partitions'

export interface FetchedPage {
  /** The cursor the page was fetched with (null: the first page). */
  cursor: string | null
  page: Promise<ListPage<SyncRecord>>
  /** The page, once its request has succeeded. */
  arrived?: ListPage<SyncRecord>
}

export class PagesAhead {
  private readonly queue: FetchedPage[] = []
  private waitingForPage: (() => void) | null = null
  private waitingForRoom: (() => void) | null = null
  private stopped = false

  constructor(
    private readonly fetchFrom: (cursor: string | null) => Promise<ListPage<SyncRecord>>,
    startCursor: string | null,
    /** Pages fetched (or being fetched) beyond the one being written; at least 1. */
    private readonly depth: number
  ) {
    void this.run(startCursor)
  }

  /** The next page in order; its promise rejects if that request failed (the chain then ends). */
  async next(): Promise<FetchedPage> {
    while (this.queue.length === 0) {
      await new Promise<void>((resolve) => (this.waitingForPage = resolve))
    }
    const item = this.queue.shift() as FetchedPage
    this.wake('room')
    return item
  }

  /** The next page in order if it has already arrived (its request succeeded), else null. */
  nextArrived(): ListPage<SyncRecord> | null {
    const head = this.queue[0]
    if (head?.arrived === undefined) return null
    this.queue.shift()
    this.wake('room')
    return head.arrived
  }

  /** Stops asking for more pages (what is in flight is left to the caller's abort signal). */
  stop(): void {
    this.stopped = true
    this.wake('room')
  }

  private async run(cursor: string | null): Promise<void> {
    for (;;) {
      // One page may be with the writer while `depth` more are fetched or waiting.
      while (!this.stopped && this.queue.length >= this.depth) {
        await new Promise<void>((resolve) => (this.waitingForRoom = resolve))
      }
      if (this.stopped) return
      const page = this.fetchFrom(cursor)
      // Observed here so a failure that waits in the queue is not reported as unhandled.
      page.catch(() => undefined)
      const item: FetchedPage = { cursor, page }
      this.queue.push(item)
      this.wake('page')
      let fetched: ListPage<SyncRecord>
      try {
        fetched = await page
      } catch {
        return // the writer meets the failure when it reaches this page
      }
      item.arrived = fetched
      if (!fetched.hasMore) return
      cursor = fetched.cursor
    }
  }

  private wake(which: 'page' | 'room'): void {
    const resolve = which === 'page' ? this.waitingForPage : this.waitingForRoom
    if (which === 'page') this.waitingForPage = null
    else this.waitingForRoom = null
    resolve?.()
  }
}
