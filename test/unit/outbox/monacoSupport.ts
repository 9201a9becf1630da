/**
 * Monaco outbox test support: an in-memory Monaco that keeps its promise about idempotency keys
 * (one key, one deal; the same key with another body is refused), with scripted failures.
 */
import type { WorkspaceCache } from '../../../src/renderer/src/cache'
import type { OpportunityWrites, WriteOptions } from '../../../src/renderer/src/outbox'
import type { MonacoDealDraft, MonacoDealPatch, Opportunity } from '../../../src/shared/domain'
import { ScriptedError } from './support'

export const TAGS = [
  { id: 'tag_hot', name: 'Hot', color: null },
  { id: 'tag_q3', name: 'Q3', color: null },
  { id: 'tag_vip', name: 'VIP', color: null }
]

/** The tags table as a Monaco sync leaves it. */
export async function seedTags(db: WorkspaceCache): Promise<void> {
  await db.tags.bulkPut(TAGS)
}

export function monacoDraft(overrides: Partial<MonacoDealDraft> = {}): MonacoDealDraft {
  return {
    customerUuid: 'acc_1',
    name: 'Acme - Enterprise',
    owner: 'usr_1',
    pipelineStage: 'discovery',
    estimatedCloseDate: '2031-01-15',
    currency: 'USD',
    amountCents: 500_000,
    ...overrides
  }
}

/** A deal as a synced Monaco row has it (`toDeal`). */
export function monacoDeal(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    uuid: 'opp_1',
    customerUuid: 'acc_1',
    owner: 'usr_1',
    pipeline: '',
    pipelineStage: 'discovery',
    name: 'Acme - Enterprise',
    tags: ['Hot'],
    estimatedCloseDate: '2031-01-15',
    currency: 'USD',
    amountCents: 500_000,
    type: null,
    forecastCategory: null,
    winLikelihood: null,
    custom: {},
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    ...overrides
  }
}

type Method = 'create' | 'update' | 'delete' | 'get' | 'list'

interface Scripted {
  method: Method
  error: unknown
  applyFirst: boolean
}

const tagName = (id: string) => TAGS.find((t) => t.id === id)?.name ?? id

export class FakeMonaco implements OpportunityWrites<MonacoDealDraft, MonacoDealPatch> {
  readonly createsAreIdempotent = true
  readonly deals = new Map<string, Opportunity>()
  readonly calls: { method: Method; uuid?: string; body?: unknown; key?: string }[] = []
  private readonly byKey = new Map<string, { body: string; deal: Opportunity }>()
  private readonly script: Scripted[] = []
  private seq = 0
  clock = () => new Date()

  failNext(method: Method, error: unknown, applyFirst = false): void {
    this.script.push({ method, error, applyFirst })
  }

  /** Monaco no longer remembers any key (its retention is undocumented). */
  forgetKeys(): void {
    this.byKey.clear()
  }

  private async step<T>(method: Method, apply: () => T): Promise<T> {
    await Promise.resolve()
    const index = this.script.findIndex((s) => s.method === method)
    if (index >= 0) {
      const [scripted] = this.script.splice(index, 1)
      if (scripted?.applyFirst) apply()
      throw scripted?.error
    }
    return apply()
  }

  create(draft: MonacoDealDraft, options?: WriteOptions): Promise<Opportunity> {
    const key = options?.idempotencyKey
    this.calls.push({ method: 'create', body: draft, ...(key ? { key } : {}) })
    return this.step('create', () => {
      if (key === undefined) throw new ScriptedError('Validation', 'idempotency_key is required')
      const body = JSON.stringify(draft)
      const seen = this.byKey.get(key)
      if (seen !== undefined) {
        if (seen.body !== body) {
          throw new ScriptedError('Validation', 'idempotency_key_reused')
        }
        return { ...seen.deal }
      }
      const at = this.clock().toISOString()
      const deal = monacoDeal({
        uuid: `opp_srv_${++this.seq}`,
        customerUuid: draft.customerUuid,
        name: draft.name,
        owner: draft.owner ?? null,
        pipelineStage: draft.pipelineStage ?? 'meeting-booked',
        tags: (draft.tagIds ?? []).map(tagName),
        estimatedCloseDate: draft.estimatedCloseDate ?? null,
        currency: draft.amountCents == null ? '' : (draft.currency ?? ''),
        amountCents: draft.amountCents ?? 0,
        custom: { ...draft.custom },
        createdAt: at,
        updatedAt: at
      })
      this.deals.set(deal.uuid, deal)
      this.byKey.set(key, { body, deal })
      return { ...deal }
    })
  }

  update(uuid: string, patch: MonacoDealPatch): Promise<Opportunity> {
    this.calls.push({ method: 'update', uuid, body: patch })
    return this.step('update', () => {
      const current = this.deals.get(uuid)
      if (!current) throw new ScriptedError('NotFound', 'That opportunity no longer exists.')
      const { tagIds, custom, ...fields } = patch
      const next: Opportunity = { ...current, ...(fields as Partial<Opportunity>) }
      if (tagIds !== undefined) next.tags = tagIds.map(tagName)
      if (custom !== undefined) {
        next.custom = { ...current.custom }
        for (const [k, v] of Object.entries(custom)) {
          if (v === null) delete next.custom[k]
          else next.custom[k] = v
        }
      }
      next.updatedAt = this.clock().toISOString()
      this.deals.set(uuid, next)
      return { ...next }
    })
  }

  delete(uuid: string): Promise<void> {
    this.calls.push({ method: 'delete', uuid })
    return this.step('delete', () => {
      if (!this.deals.delete(uuid)) throw new ScriptedError('NotFound', 'Opportunity not found')
    })
  }

  get(uuid: string): Promise<Opportunity | null> {
    this.calls.push({ method: 'get', uuid })
    return this.step('get', () => {
      const found = this.deals.get(uuid)
      return found ? { ...found } : null
    })
  }

  listForCustomer(accountId: string): Promise<Opportunity[]> {
    this.calls.push({ method: 'list', uuid: accountId })
    return this.step('list', () =>
      [...this.deals.values()].filter((d) => d.customerUuid === accountId)
    )
  }

  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length
  }

  keysSent(): (string | undefined)[] {
    return this.calls.filter((c) => c.method === 'create').map((c) => c.key)
  }
}
