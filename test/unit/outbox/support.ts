/**
 * Outbox test support: an in-memory ChartMogul for unit tests (with scripted failures), and the
 * real gateway client wrapped as `OpportunityWrites` for the simulator test.
 */
import 'fake-indexeddb/auto'
import { listAll, type ChartMogulClient } from '../../../src/main/chartmogul'
import {
  openWorkspaceCache,
  type CachedOpportunity,
  type WorkspaceCache
} from '../../../src/renderer/src/cache'
import type { OpportunityWrites } from '../../../src/renderer/src/outbox'
import type { Opportunity, OpportunityDraft, OpportunityPatch } from '../../../src/shared/domain'
import { uniqueWorkspaceId } from '../sync/support/cache'

export async function openCache(): Promise<WorkspaceCache> {
  return openWorkspaceCache(uniqueWorkspaceId('outbox'))
}

export function draft(overrides: Partial<OpportunityDraft> = {}): OpportunityDraft {
  return {
    customerUuid: 'cus_1',
    owner: 'ann@example.com',
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2031-01-15',
    currency: 'USD',
    amountCents: 10_000,
    ...overrides
  }
}

export function serverOpportunity(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    uuid: 'opp_1',
    customerUuid: 'cus_1',
    owner: 'ann@example.com',
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate: '2031-01-15',
    currency: 'USD',
    amountCents: 10_000,
    type: 'recurring',
    forecastCategory: 'pipeline',
    winLikelihood: 20,
    custom: {},
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    ...overrides
  }
}

/** Puts a synced (server) opportunity in the cache, as a pull would. */
export async function seedRow(db: WorkspaceCache, opportunity: Opportunity): Promise<void> {
  const row: CachedOpportunity = { ...opportunity, _gen: 1, _dirty: 0 }
  await db.opportunities.put(row)
}

export class ScriptedError extends Error {
  constructor(
    readonly kind: string,
    message = kind,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message)
    Object.assign(this, extra)
  }
}

type Method = 'create' | 'update' | 'delete' | 'get' | 'list'

interface Scripted {
  method: Method
  error: unknown
  /** Apply the write first, then throw (a lost answer). */
  applyFirst: boolean
}

/** An in-memory ChartMogul with a script of failures. */
export class FakeServer implements OpportunityWrites {
  readonly opportunities = new Map<string, Opportunity>()
  readonly calls: { method: Method; uuid?: string; body?: unknown }[] = []
  private readonly script: Scripted[] = []
  private seq = 0
  clock = () => new Date()

  failNext(method: Method, error: unknown, applyFirst = false): void {
    this.script.push({ method, error, applyFirst })
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

  put(opportunity: Opportunity): void {
    this.opportunities.set(opportunity.uuid, opportunity)
  }

  create(draft: OpportunityDraft): Promise<Opportunity> {
    this.calls.push({ method: 'create', body: draft })
    return this.step('create', () => {
      const at = this.clock().toISOString()
      const created = serverOpportunity({
        ...draft,
        uuid: `opp_srv_${++this.seq}`,
        type: draft.type ?? null,
        forecastCategory: draft.forecastCategory ?? null,
        winLikelihood: draft.winLikelihood ?? 10,
        custom: draft.custom ?? {},
        createdAt: at,
        updatedAt: at
      })
      this.put(created)
      return { ...created }
    })
  }

  update(uuid: string, patch: OpportunityPatch): Promise<Opportunity> {
    this.calls.push({ method: 'update', uuid, body: patch })
    return this.step('update', () => {
      const current = this.opportunities.get(uuid)
      if (!current) throw new ScriptedError('NotFound', 'That opportunity no longer exists.')
      const next = { ...current, ...patch, updatedAt: this.clock().toISOString() }
      this.put(next as Opportunity)
      return { ...next } as Opportunity
    })
  }

  delete(uuid: string): Promise<void> {
    this.calls.push({ method: 'delete', uuid })
    return this.step('delete', () => {
      if (!this.opportunities.delete(uuid)) {
        throw new ScriptedError('NotFound', 'That opportunity no longer exists.')
      }
    })
  }

  get(uuid: string): Promise<Opportunity | null> {
    this.calls.push({ method: 'get', uuid })
    return this.step('get', () => {
      const found = this.opportunities.get(uuid)
      return found ? { ...found } : null
    })
  }

  listForCustomer(customerUuid: string): Promise<Opportunity[]> {
    this.calls.push({ method: 'list', uuid: customerUuid })
    return this.step('list', () =>
      [...this.opportunities.values()].filter((o) => o.customerUuid === customerUuid)
    )
  }

  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length
  }
}

/** The gateway client as the outbox sees it (what the bridge will offer in the app). */
export function clientWrites(client: ChartMogulClient): OpportunityWrites {
  return {
    create: (d, o) => client.createOpportunity(d, o),
    update: (uuid, patch, o) => client.updateOpportunity(uuid, patch, o),
    delete: (uuid, o) => client.deleteOpportunity(uuid, o),
    async get(uuid, o) {
      try {
        return await client.getOpportunity(uuid, o)
      } catch (error) {
        if ((error as { kind?: unknown }).kind === 'NotFound') return null
        throw error
      }
    },
    async listForCustomer(customerUuid, o) {
      const { items } = await listAll(
        client.listOpportunities,
        { customerUuid },
        { signal: o?.signal }
      )
      return items
    }
  }
}
