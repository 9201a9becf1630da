/** Reads everything the Account 360 panel shows about one Monaco account from the cache. */
import type { WorkspaceCache } from '../../cache'
import type { CachedAccount, CachedContact, CachedOpportunity } from '../../cache/records'
import {
  ownerName,
  personName,
  readOpportunitySchema,
  readUserNames,
  stageLabelOf,
  stageLabels
} from '../../app/monacoLookups'

export interface AccountContactRow {
  id: string
  name: string
  email: string
  title: string
  phone: string
}

export interface AccountDealRow {
  deal: CachedOpportunity
  stageLabel: string
  ownerName: string
}

export interface Account360Data {
  account: CachedAccount | null
  ownerName: string
  /** By name. */
  contacts: AccountContactRow[]
  /** By estimated close date, undated last. */
  deals: AccountDealRow[]
}

export function contactRow(contact: CachedContact): AccountContactRow {
  return {
    id: contact.id,
    name: personName(contact),
    email: contact.email ?? '',
    title: contact.title ?? '',
    phone: contact.phoneNumber ?? ''
  }
}

export async function loadAccount360(
  cache: WorkspaceCache,
  accountId: string
): Promise<Account360Data> {
  const [account, contacts, deals, users, schema] = await cache.transaction(
    'r',
    [cache.accounts, cache.contacts, cache.opportunities, cache.users, cache.meta],
    () =>
      Promise.all([
        cache.accounts.get(accountId),
        cache.contacts.where('accountId').equals(accountId).toArray(),
        cache.opportunities.where('customerUuid').equals(accountId).toArray(),
        readUserNames(cache),
        readOpportunitySchema(cache)
      ])
  )
  const labels = stageLabels(schema)
  const contactRows = contacts.map(contactRow).sort((a, b) => a.name.localeCompare(b.name))
  deals.sort(
    (a, b) =>
      (a.estimatedCloseDate ?? '9999').localeCompare(b.estimatedCloseDate ?? '9999') ||
      a.uuid.localeCompare(b.uuid)
  )
  return {
    account: account ?? null,
    ownerName: ownerName(account?.owner, users),
    contacts: contactRows,
    deals: deals.map((deal) => ({
      deal,
      stageLabel: stageLabelOf(labels, deal.pipelineStage),
      ownerName: ownerName(deal.owner, users)
    }))
  }
}
