/**
 * Where a keyset listing over `created_at` stands (Monaco's full listings, see
 * `src/main/monaco/keysetListing.ts`). Plain JSON: the renderer's sync stores it with the
 * records it has written so far and passes it back to resume after a crash.
 */
export interface KeysetPosition {
  /** `created_at` of the last record read, exactly as Monaco sent it; null = the start. */
  createdAt: string | null
  /**
   * Ids already read whose `created_at` is that same instant. The next page asks for
   * `created_at >= createdAt`, so they come again and are dropped by id.
   */
  seenIdsAtThatInstant: string[]
  /**
   * true once every record at `createdAt` was read (a tie bigger than a page, read by page
   * number): the next page asks for `created_at > createdAt` instead.
   */
  instantDone: boolean
}
