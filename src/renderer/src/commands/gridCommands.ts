/**
 * The commands a data grid makes possible while it is shown: search it ("/"), export what it
 * shows, and, in the deal parents' grid (Customers, Accounts), a new opportunity for the
 * focused or selected row.
 */
import type { Command } from './types'

export interface GridCommandsInput {
  /** What the rows are ("customers"). */
  noun: string
  /** Some rows are shown (an empty export is not offered). */
  canExport: boolean
  exportCsv: () => void
  focusSearch: () => void
  /** The deal parent the grid's selection or focus is on, if this grid lists deal parents. */
  parent: { id: string; name: string } | null
  newOpportunity: (parentId: string) => void
}

export function gridCommands(input: GridCommandsInput): Command[] {
  const list: Command[] = [
    {
      id: 'grid.search',
      title: `Search ${input.noun}`,
      group: 'actions',
      keywords: ['find', 'filter'],
      shortcut: 'search',
      run: input.focusSearch
    }
  ]
  if (input.canExport) {
    list.push({
      id: 'grid.exportCsv',
      title: 'Export CSV',
      group: 'actions',
      keywords: ['download', 'spreadsheet'],
      detail: `The ${input.noun} shown`,
      run: input.exportCsv
    })
  }
  const parent = input.parent
  if (parent) {
    list.push({
      id: 'grid.newOpportunityFor',
      title: `New opportunity for ${parent.name || 'this record'}`,
      group: 'actions',
      keywords: ['create', 'deal'],
      run: () => input.newOpportunity(parent.id)
    })
  }
  return list
}

/** A row as a deal parent: its id and its `name` (empty when it has none). */
export function namedRow<Row extends object>(
  row: Row | undefined,
  idOf: (row: Row) => string
): { id: string; name: string } | null {
  if (!row) return null
  const name = (row as Record<string, unknown>)['name']
  return { id: idOf(row), name: typeof name === 'string' ? name : '' }
}
