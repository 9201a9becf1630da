/**
 * What a grid adds to cached rows before showing them (names looked up in other tables,
 * labels): `load` when rows are read from the cache, `apply` to rows arriving live from a sync
 * page, from what `load` already knows (no reads; the page's records are copied, not changed).
 */
import type { WorkspaceCache } from '../../cache'

export interface RowDecorator {
  load<Row extends object>(cache: WorkspaceCache, rows: Row[]): Promise<Row[]>
  apply<Row extends object>(rows: readonly Row[]): Row[]
}

/** Several decorators, one after the other. */
export function composeDecorators(decorators: readonly RowDecorator[]): RowDecorator {
  return {
    async load(cache, rows) {
      let result = rows
      for (const decorator of decorators) result = await decorator.load(cache, result)
      return result
    },
    apply(rows) {
      let result = [...rows]
      for (const decorator of decorators) result = decorator.apply(result)
      return result
    }
  }
}
