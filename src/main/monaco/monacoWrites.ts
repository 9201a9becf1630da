/**
 * Monaco deal writes over the gateway client, in the provider-neutral model: what the outbox's
 * `OpportunityWrites` asks for (structurally the same), for Node tests and benchmarks that
 * push through the real client; main's bridge handlers do the same per workspace.
 */
import type { MonacoDealDraft, MonacoDealPatch, Opportunity } from '../../shared/domain'
import { capabilitiesOf } from '../../shared/providers/capabilities'
import { NotFoundError, ValidationError } from '../chartmogul/errors'
import type { MonacoClient } from './client'
import { listAllPages } from './paginate'
import { stageKeyLookup, toDeal, toMonacoDraft, toMonacoPatch, type StageKeyOf } from './toDeal'

export interface MonacoWriteOptions {
  signal?: AbortSignal
  /** Creates: the UUID stored with the outbox entry, the same on every attempt. */
  idempotencyKey?: string
}

export interface MonacoDealWrites {
  readonly createsAreIdempotent: boolean
  create(draft: MonacoDealDraft, options?: MonacoWriteOptions): Promise<Opportunity>
  update(uuid: string, patch: MonacoDealPatch, options?: MonacoWriteOptions): Promise<Opportunity>
  delete(uuid: string, options?: MonacoWriteOptions): Promise<void>
  /** null when the deal does not exist (any more). */
  get(uuid: string, options?: MonacoWriteOptions): Promise<Opportunity | null>
  /** Every deal of the account (all pages). */
  listForCustomer(accountId: string, options?: MonacoWriteOptions): Promise<Opportunity[]>
}

/** Amount and currency are one value on Monaco's wire: a patch of one half needs the other. */
function needsCurrentValue(patch: MonacoDealPatch): boolean {
  const amountOnly =
    patch.amountCents !== undefined && patch.amountCents !== null && patch.currency === undefined
  const currencyOnly = patch.currency !== undefined && patch.amountCents === undefined
  return amountOnly || currencyOnly
}

export function createClientMonacoWrites(client: MonacoClient): MonacoDealWrites {
  // Monaco may answer a stage as its label: the cache keeps keys (read once, retried on failure).
  let stages: Promise<StageKeyOf> | null = null
  const stageKeys = (signal?: AbortSignal): Promise<StageKeyOf> => {
    stages ??= client.getFieldSchema('opportunities', { signal }).then(
      (schema) => stageKeyLookup(schema.stages),
      (error: unknown) => {
        stages = null
        throw error
      }
    )
    return stages
  }

  async function get(uuid: string, signal?: AbortSignal): Promise<Opportunity | null> {
    try {
      return toDeal(await client.getOpportunity(uuid, { signal }), await stageKeys(signal))
    } catch (error) {
      if (error instanceof NotFoundError) return null
      throw error
    }
  }

  return {
    createsAreIdempotent: capabilitiesOf('monaco').idempotentCreates,

    async create(draft, options = {}) {
      const { idempotencyKey, signal } = options
      if (idempotencyKey === undefined) {
        // Never invented here: a key made per call would make a second deal on a resend.
        throw new ValidationError([
          { field: 'idempotencyKey', message: 'A Monaco create needs its stored idempotency key.' }
        ])
      }
      const keyOf = await stageKeys(signal)
      return toDeal(
        await client.createOpportunity(toMonacoDraft(draft), idempotencyKey, { signal }),
        keyOf
      )
    },

    async update(uuid, patch, options = {}) {
      const { signal } = options
      let full = patch
      if (needsCurrentValue(patch)) {
        const current = await get(uuid, signal)
        if (current === null) throw new NotFoundError('opportunity')
        full = {
          ...patch,
          currency: patch.currency ?? current.currency,
          amountCents: patch.amountCents === undefined ? current.amountCents : patch.amountCents
        }
      }
      const keyOf = await stageKeys(signal)
      return toDeal(await client.updateOpportunity(uuid, toMonacoPatch(full), { signal }), keyOf)
    },

    async delete(uuid, options = {}) {
      await client.deleteOpportunity(uuid, { signal: options.signal })
    },

    get: (uuid, options = {}) => get(uuid, options.signal),

    async listForCustomer(accountId, options = {}) {
      const { signal } = options
      const keyOf = await stageKeys(signal)
      const { items } = await listAllPages(
        (params, o) => client.listPage('opportunities', params, o),
        { filters: [{ field: 'account_id', condition: 'is', value: accountId }] },
        { signal }
      )
      return items.map((item) => toDeal(item, keyOf))
    }
  }
}
