/**
 * /v1/opportunities: list (newest first, filters), retrieve, create (201 + full object),
 * PATCH (200 + full object, `updated_at` bumped), DELETE (200 `{}`). Every write reports a
 * MutationInfo so the server can log it with the HTTP outcome, including rejected writes.
 */
import { parseYmd } from '../formats'
import type { SimulatorStore } from '../store'
import type { OpportunityWire } from '../wire'
import { ApiError, invalidParameter, notFound } from './errors'
import { parseJsonObject, validateCreate, validatePatch } from './opportunityInput'
import { cursorParam, optionalParam, perPage, withCursor } from './query'
import type { ApiRequest, ApiResponse, MutationInfo } from './types'

function dateFilter(query: URLSearchParams, name: string): string | undefined {
  const raw = optionalParam(query, name)
  if (raw === undefined) return undefined
  if (parseYmd(raw) === null) throw invalidParameter(name)
  return raw
}

export function listOpportunities(req: ApiRequest, store: SimulatorStore): ApiResponse {
  const size = perPage(req.query)
  const cursor = cursorParam(req.query)
  const q = req.query
  const customer = optionalParam(q, 'customer_uuid')
  const owner = optionalParam(q, 'owner')
  const pipeline = optionalParam(q, 'pipeline')
  const stage = optionalParam(q, 'pipeline_stage')
  // YYYY-MM-DD strings compare correctly as text.
  const after = dateFilter(q, 'estimated_close_date_on_or_after')
  const before = dateFilter(q, 'estimated_close_date_on_or_before')
  const match = (o: OpportunityWire): boolean =>
    (customer === undefined || o.customer_uuid === customer) &&
    (owner === undefined || o.owner === owner) &&
    (pipeline === undefined || o.pipeline === pipeline) &&
    (stage === undefined || o.pipeline_stage === stage) &&
    (after === undefined || o.estimated_close_date >= after) &&
    (before === undefined || o.estimated_close_date <= before)
  const page = withCursor(() => store.listOpportunities({ cursor, perPage: size, match }))
  // Recorded: no deprecated offset fields on opportunity lists, not even on the first page.
  return {
    status: 200,
    body: { entries: page.entries, cursor: page.cursor, has_more: page.hasMore }
  }
}

function opportunityNotFound(): ApiError {
  return notFound('Opportunity not found', 'opportunity_uuid')
}

export function retrieveOpportunity(
  _req: ApiRequest,
  store: SimulatorStore,
  [uuid]: string[]
): ApiResponse {
  const found = uuid === undefined ? undefined : store.getOpportunity(uuid)
  if (!found) throw opportunityNotFound()
  return { status: 200, body: found }
}

/** Runs a write; a rejection still produces a response that carries its MutationInfo. */
function write(
  base: Omit<MutationInfo, 'applied' | 'uuid'> & { uuid: string | null },
  run: (info: MutationInfo) => ApiResponse
): ApiResponse {
  const info: MutationInfo = { ...base, applied: false }
  try {
    return { ...run(info), mutation: info }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return {
      status: error.status,
      body: error.body,
      contentType: error.contentType,
      mutation: info
    }
  }
}

function bodyForLog(rawBody: string): unknown {
  try {
    return rawBody.trim() === '' ? null : (JSON.parse(rawBody) as unknown)
  } catch {
    return rawBody
  }
}

export function createOpportunity(req: ApiRequest, store: SimulatorStore): ApiResponse {
  return write(
    { entity: 'opportunity', action: 'create', uuid: null, body: bodyForLog(req.rawBody) },
    (info) => {
      const input = validateCreate(parseJsonObject(req.rawBody), store)
      const created = store.createOpportunity(input)
      info.uuid = created.uuid
      info.applied = true
      return { status: 201, body: created }
    }
  )
}

export function updateOpportunity(
  req: ApiRequest,
  store: SimulatorStore,
  [uuid]: string[]
): ApiResponse {
  return write(
    {
      entity: 'opportunity',
      action: 'update',
      uuid: uuid ?? null,
      body: bodyForLog(req.rawBody)
    },
    (info) => {
      const current = uuid === undefined ? undefined : store.getOpportunity(uuid)
      if (!current || uuid === undefined) throw opportunityNotFound()
      const patch = validatePatch(parseJsonObject(req.rawBody), current)
      const updated = store.updateOpportunity(uuid, patch)
      if (!updated) throw opportunityNotFound()
      info.applied = true
      return { status: 200, body: updated }
    }
  )
}

export function deleteOpportunity(
  req: ApiRequest,
  store: SimulatorStore,
  [uuid]: string[]
): ApiResponse {
  return write(
    {
      entity: 'opportunity',
      action: 'delete',
      uuid: uuid ?? null,
      body: bodyForLog(req.rawBody)
    },
    (info) => {
      if (uuid === undefined || !store.deleteOpportunity(uuid)) throw opportunityNotFound()
      info.applied = true
      // Recorded: 200 with a literal `{}` (content-length 2), not 204.
      return { status: 200, body: {} }
    }
  )
}
