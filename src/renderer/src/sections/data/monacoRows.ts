/**
 * Monaco rows as the grids show them: owners by name (cached users), contacts by full name and
 * account name. Each is a `RowDecorator`; the pure `with…` functions are the rules. (Deal
 * stages get their labels in the column itself: see `dealColumns`' `stageLabel`.)
 */
import type { MonacoOwner } from '../../../../shared/domain/monaco'
import { ownerName, personName, readUserNames } from '../../app/monacoLookups'
import type { WorkspaceCache } from '../../cache'
import type { RowDecorator } from './rowDecorators'

type Loose = Record<string, unknown>

export function withOwnerName<Row extends object>(
  row: Row,
  users: ReadonlyMap<string, string>
): Row {
  const owner = (row as Loose)['owner'] as MonacoOwner | string | null | undefined
  return { ...row, ownerName: ownerName(owner, users) }
}

export function withContactNames<Row extends object>(
  row: Row,
  accounts: ReadonlyMap<string, string>
): Row {
  const loose = row as Loose
  const accountId = typeof loose['accountId'] === 'string' ? loose['accountId'] : null
  return {
    ...row,
    name: personName({
      firstName: loose['firstName'] as string | null,
      lastName: loose['lastName'] as string | null,
      email: loose['email'] as string | null
    }),
    accountName: accountId ? (accounts.get(accountId) ?? accountId) : ''
  }
}

/** Owners by name (accounts and deals). */
export class OwnerNames implements RowDecorator {
  private users = new Map<string, string>()

  async load<Row extends object>(cache: WorkspaceCache, rows: Row[]): Promise<Row[]> {
    this.users = await readUserNames(cache)
    return this.apply(rows)
  }

  apply<Row extends object>(rows: readonly Row[]): Row[] {
    return rows.map((row) => withOwnerName(row, this.users))
  }
}

/** Contacts: full name, and the account's name (looked up only for the accounts mentioned). */
export class ContactNames implements RowDecorator {
  private readonly accounts = new Map<string, string>()

  async load<Row extends object>(cache: WorkspaceCache, rows: Row[]): Promise<Row[]> {
    const wanted = new Set<string>()
    for (const row of rows as Loose[]) {
      const id = row['accountId']
      if (typeof id === 'string' && !this.accounts.has(id)) wanted.add(id)
    }
    if (wanted.size > 0) {
      const keys = [...wanted]
      const found = await cache.accounts.bulkGet(keys)
      found.forEach((account, index) => {
        if (account?.name) this.accounts.set(keys[index] as string, account.name)
      })
    }
    return this.apply(rows)
  }

  apply<Row extends object>(rows: readonly Row[]): Row[] {
    return rows.map((row) => withContactNames(row, this.accounts))
  }
}
