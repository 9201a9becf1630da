/**
 * The Monaco client as the renderer's sync sees it (`MonacoSource`): one keyset step at a
 * time, resumable from a stored position, optionally within a `created_at` window and with an
 * `updated_at` filter for incremental passes. Used by main's bridge handlers, and directly by
 * Node tests and the benchmark.
 */
import type {
  CreatedRange,
  MonacoBounds,
  MonacoEntityRecord,
  MonacoSource,
  MonacoStep,
  MonacoSyncEntity
} from '../../shared/sync/monacoSource'
import type { MonacoClient, MonacoCallOptions } from './client'
import { listByCreatedAt } from './keysetListing'
import { START_POSITION } from './keysetPosition'
import type { MonacoFilterRule, MonacoFilters, MonacoListParams } from './listRequest'
import type { MonacoFieldSchema, MonacoListPage } from './models'
import { stageKeyLookup, toDeal, type StageKeyOf } from './toDeal'

/** The filters one step carries besides the walk's own position. */
export function stepFilters(
  updatedAfter: string | undefined,
  range: CreatedRange | undefined
): MonacoFilters | undefined {
  const rules: MonacoFilterRule[] = []
  if (updatedAfter !== undefined) {
    rules.push({ field: 'updated_at', condition: 'greater_than', value: updatedAfter })
  }
  if (range?.from !== undefined) {
    rules.push({ field: 'created_at', condition: 'greater_than_or_equals', value: range.from })
  }
  if (range?.before !== undefined) {
    rules.push({ field: 'created_at', condition: 'less_than', value: range.before })
  }
  return rules.length > 0 ? rules : undefined
}

type ListFn = (
  params: MonacoListParams,
  options: MonacoCallOptions
) => Promise<MonacoListPage<MonacoEntityRecord[MonacoSyncEntity]>>

/**
 * Stage labels → keys, from the opportunity field schema (read once, refreshed by lookups).
 * One per workspace client, shared by its listings and its writes (see `createClientMonacoSource`).
 */
export class StageKeys {
  private current: Promise<StageKeyOf> | null = null
  constructor(private readonly client: MonacoClient) {}

  get(options: MonacoCallOptions): Promise<StageKeyOf> {
    this.current ??= this.client.getFieldSchema('opportunities', options).then(
      (schema) => stageKeyLookup(schema.stages),
      (error: unknown) => {
        this.current = null
        throw error
      }
    )
    return this.current
  }

  set(stages: MonacoFieldSchema['stages']): void {
    this.current = Promise.resolve(stageKeyLookup(stages))
  }
}

function listerFor(client: MonacoClient, entity: MonacoSyncEntity, stages: StageKeys): ListFn {
  if (entity === 'opportunities') {
    return async (params, options) => {
      const stageKeyOf = await stages.get(options)
      const page = await client.listPage('opportunities', params, options)
      return { ...page, items: page.items.map((item) => toDeal(item, stageKeyOf)) }
    }
  }
  return (params, options) => client.listPage(entity, params, options)
}

/** The keyset walk needs `id` + `createdAt`; the neutral deal calls its id `uuid`. */
type Keyed = { id: string; createdAt: string }

function keyed(entity: MonacoSyncEntity, record: MonacoEntityRecord[MonacoSyncEntity]): Keyed {
  if (entity === 'opportunities') {
    const deal = record as MonacoEntityRecord['opportunities']
    return { id: deal.uuid, createdAt: deal.createdAt ?? '' }
  }
  return record as MonacoEntityRecord['accounts']
}

export function createClientMonacoSource(
  client: MonacoClient,
  stages: StageKeys = new StageKeys(client)
): MonacoSource {
  return {
    async listStep(request, signal) {
      const list = listerFor(client, request.entity, stages)
      const records = new Map<string, MonacoEntityRecord[MonacoSyncEntity]>()
      let lastTotal: number | null = null
      const walk = await listByCreatedAt<Keyed>(
        async (params, options) => {
          const page = await list(params, { signal: options.signal })
          lastTotal = page.totalCount
          return {
            ...page,
            items: page.items.map((record) => {
              const key = keyed(request.entity, record)
              records.set(key.id, record)
              return key
            })
          }
        },
        {
          filters: stepFilters(request.updatedAfter, request.createdRange),
          ...(request.pageSize !== undefined ? { pageSize: request.pageSize } : {})
        },
        {
          from: request.position ?? START_POSITION,
          maxRequests: 1,
          // One request per step: the engine checks the count once per pass, not per window.
          countAtEnd: false,
          ...(signal ? { signal } : {})
        }
      )
      const step: MonacoStep<MonacoEntityRecord[MonacoSyncEntity]> = {
        items: walk.items.map((key) => records.get(key.id)!),
        skipped: walk.skipped,
        position: walk.position,
        done: walk.complete,
        totalCount: lastTotal,
        requests: walk.requests
      }
      return step as MonacoStep<MonacoEntityRecord[typeof request.entity]>
    },

    async bounds(request, signal): Promise<MonacoBounds> {
      const list = listerFor(client, request.entity, stages)
      const filters = stepFilters(request.updatedAfter, undefined)
      const base: MonacoListParams = { page: 1, pageSize: 1, ...(filters ? { filters } : {}) }
      const options = signal ? { signal } : {}
      if (request.countOnly === true) {
        const page = await list({ ...base, sort: 'created_at' }, options)
        return {
          totalCount: page.totalCount,
          oldestCreatedAt: null,
          newestCreatedAt: null,
          requests: 1
        }
      }
      const [oldest, newest] = await Promise.all([
        list({ ...base, sort: 'created_at' }, options),
        list({ ...base, sort: '-created_at' }, options)
      ])
      const first = oldest.items[0]
      const last = newest.items[0]
      return {
        totalCount: Math.max(oldest.totalCount, newest.totalCount),
        oldestCreatedAt: first ? keyed(request.entity, first).createdAt : null,
        newestCreatedAt: last ? keyed(request.entity, last).createdAt : null,
        requests: 2
      }
    },

    async lookups(signal) {
      const options = signal ? { signal } : {}
      const [users, tags, opportunitySchema] = await Promise.all([
        client.listUsers({}, options),
        client.listTags('opportunities', options),
        client.getFieldSchema('opportunities', options)
      ])
      stages.set(opportunitySchema.stages)
      return { users: users.items, tags: tags.items, opportunitySchema }
    }
  }
}
