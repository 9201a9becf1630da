/**
 * One page of a ChartMogul list, after mapping. Records that failed validation are not in
 * `items`; they are reported in `skipped` so a sync can log or surface them without losing
 * the rest of the page.
 */
export interface ListPage<T> {
  items: T[]
  skipped: SkippedRecord[]
  /** Pass back to get the next page. Present even on the last page: trust `hasMore`. */
  cursor: string | null
  hasMore: boolean
  /**
   * The first page's deprecated `total_pages`, when it is a readable count: ChartMogul still
   * sends it on first pages (recorded: `GET /v1/customers?per_page=1` → `"total_pages": 19`),
   * so at one record per page it is the listing's exact size.
   */
  totalPages?: number
}

export interface SkippedRecord {
  /** Position of the record in the page as received. */
  index: number
  /** The record's uuid (or id) when it had a readable one. */
  id?: string
  issues: RecordIssue[]
}

export interface RecordIssue {
  /** Dotted path of the offending wire field, e.g. `amount_in_cents` or `attributes.tags.0`. */
  path: string
  message: string
}
