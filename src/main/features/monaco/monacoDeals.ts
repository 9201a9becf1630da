/**
 * Monaco deals in the provider-neutral model: reads, idempotent creates, PATCH updates, deletes,
 * an account's deals and the organization as the "account". Every answer goes through `toDeal`
 * with the workspace's stage lookup, so the cache holds stage keys whichever form Monaco sends.
 */
import { listAllPages, type MonacoOpportunity } from '../../monaco'
import { NotFoundError } from '../../chartmogul'
import { toDeal, toMonacoDraft, toMonacoPatch } from '../../monaco/toDeal'
import type { Account, MonacoDealDraft, MonacoDealPatch, Opportunity } from '../../../shared/domain'
import type { MonacoSession } from './monacoSessions'

export interface MonacoDeals {
  get(id: string): Promise<Opportunity | null>
  create(draft: MonacoDealDraft, idempotencyKey: string): Promise<Opportunity>
  update(id: string, patch: MonacoDealPatch): Promise<Opportunity>
  delete(id: string): Promise<void>
  /** Every deal of one account, all pages. */
  listForAccount(accountId: string): Promise<Opportunity[]>
  /** The organization the key belongs to, as the neutral `Account` (Monaco has no currency). */
  account(): Promise<Account>
}

/** An amount or a currency alone needs the other half from the deal as it is now. */
function needsCurrentValue(patch: MonacoDealPatch): boolean {
  const amountAlone =
    patch.amountCents !== undefined && patch.amountCents !== null && patch.currency === undefined
  const currencyAlone = patch.currency !== undefined && patch.amountCents === undefined
  return amountAlone || currencyAlone
}

export function monacoDeals(session: MonacoSession): MonacoDeals {
  const { client } = session

  async function asDeal(opportunity: MonacoOpportunity): Promise<Opportunity> {
    return toDeal(opportunity, await session.stageKeyOf())
  }

  return {
    async get(id) {
      try {
        return await asDeal(await client.getOpportunity(id))
      } catch (error) {
        // Gone on the server is an answer, not a failure: the outbox decides what it means.
        if (error instanceof NotFoundError) return null
        throw error
      }
    },

    async create(draft, idempotencyKey) {
      // The stage lookup first: a failure here happens before anything is sent.
      const stageKeyOf = await session.stageKeyOf()
      return toDeal(
        await client.createOpportunity(toMonacoDraft(draft), idempotencyKey),
        stageKeyOf
      )
    },

    async update(id, patch) {
      const stageKeyOf = await session.stageKeyOf()
      // Monaco's estimated value is one object {amount, currency}: changing one half re-sends
      // the other as the deal has it now.
      const current = needsCurrentValue(patch) ? await client.getOpportunity(id) : null
      const value = current?.estimatedValue ?? null
      const completed =
        patch.currency === undefined && value !== null
          ? { ...patch, currency: value.currency }
          : patch
      const wirePatch = toMonacoPatch(completed, value?.amountMinor ?? null)
      if (Object.keys(wirePatch).length === 0 && current !== null) {
        // A currency for a deal with no value: nothing Monaco can store, nothing to send.
        return toDeal(current, stageKeyOf)
      }
      return toDeal(await client.updateOpportunity(id, wirePatch), stageKeyOf)
    },

    async delete(id) {
      await client.deleteOpportunity(id)
    },

    async listForAccount(accountId) {
      const stageKeyOf = await session.stageKeyOf()
      const { items } = await listAllPages(
        (params, options) => client.listPage('opportunities', params, options),
        // `account_id` is a uuid field: its conditions are `is` / `is_not` (GET /v1/schemas).
        { filters: [{ field: 'account_id', condition: 'is', value: accountId }] }
      )
      return items.map((item) => toDeal(item, stageKeyOf))
    },

    async account() {
      const me = await client.me()
      return { name: me.orgName ?? me.orgId, currency: null, timeZone: null, weekStartOn: null }
    }
  }
}
