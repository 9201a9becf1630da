/** Cached Monaco accounts for the deal editor's parent picker: name prefixes from the index. */
import type { WorkspaceCache } from '../../../cache'
import type { CachedAccount } from '../../../cache/records'
import type { CustomerOption } from './suggestions'

export const ACCOUNT_SEARCH_LIMIT = 20

function toOption(account: CachedAccount): CustomerOption {
  return { uuid: account.id, name: account.name ?? '', email: account.domain ?? '', company: '' }
}

export async function getAccountOption(
  db: WorkspaceCache,
  id: string
): Promise<CustomerOption | null> {
  if (id === '') return null
  const account = await db.accounts.get(id)
  return account ? toOption(account) : null
}

export async function searchAccounts(
  db: WorkspaceCache,
  text: string,
  limit = ACCOUNT_SEARCH_LIMIT
): Promise<CustomerOption[]> {
  const query = text.trim()
  if (query === '') return []
  const accounts = await db.accounts
    .where('name')
    .startsWithIgnoreCase(query)
    .limit(limit)
    .toArray()
  return accounts.map(toOption)
}
