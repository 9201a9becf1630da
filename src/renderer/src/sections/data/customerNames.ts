/**
 * Opportunities carry only their customer's uuid (a Monaco account's id); the grid shows the
 * customer's (account's) name, from the table the provider's deals belong to. Names are
 * looked up by primary key for just the customers those rows mention (never a full table read),
 * and remembered so rows that arrive live from a sync page get theirs without another read.
 */
import type { WorkspaceCache } from '../../cache'

type WithCustomer = { customerUuid?: unknown; customerName?: string | null }

/** The cache tables a deal's parent lives in (`capabilities.dealParent.section`). */
export type DealParentTable = 'customers' | 'accounts'

export class CustomerNames {
  private readonly names = new Map<string, string>()

  constructor(private readonly parent: DealParentTable = 'customers') {}

  /** Looks up the names these rows (fresh from the cache, so named in place) need. */
  async load<Row extends object>(cache: WorkspaceCache, rows: Row[]): Promise<Row[]> {
    const wanted = new Set<string>()
    for (const row of rows as WithCustomer[]) {
      if (typeof row.customerUuid === 'string' && !this.names.has(row.customerUuid)) {
        wanted.add(row.customerUuid)
      }
    }
    if (wanted.size > 0) {
      const keys = [...wanted]
      const parents = await cache[this.parent].bulkGet(keys)
      parents.forEach((parent, index) => {
        if (parent?.name) this.names.set(keys[index] as string, parent.name)
      })
    }
    for (const row of rows as WithCustomer[]) this.name(row)
    return rows
  }

  /**
   * Copies of rows from a live sync page, named from what is already known (the page's records
   * are shared with other listeners, so they are not changed); unknown ones show their uuid.
   */
  apply<Row extends object>(rows: readonly Row[]): Row[] {
    return rows.map((row) => {
      const copy = { ...row }
      this.name(copy as WithCustomer)
      return copy
    })
  }

  private name(row: WithCustomer): void {
    if (typeof row.customerUuid === 'string') {
      row.customerName = this.names.get(row.customerUuid) ?? null
    }
  }
}
