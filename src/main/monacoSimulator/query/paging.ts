/** Page-number paging as `PaginationInfo` describes it; a page past the end is empty, not an error. */

export interface PaginationWire {
  page: number
  page_size: number
  total_count: number
  total_pages: number
}

export function pageOf<T>(
  items: readonly T[],
  page: number,
  pageSize: number
): { data: T[]; pagination: PaginationWire } {
  const start = (page - 1) * pageSize
  return {
    data: start >= items.length ? [] : items.slice(start, start + pageSize),
    pagination: {
      page,
      page_size: pageSize,
      total_count: items.length,
      total_pages: Math.ceil(items.length / pageSize)
    }
  }
}
