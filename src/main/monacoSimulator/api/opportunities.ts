/**
 * `POST /v1/opportunities/` (200, with `idempotency_key` replay), `GET`, `PATCH` (tags
 * replace) and `DELETE` (204) on `/v1/opportunities/{opportunity_id}`.
 */
import { ApiError, errorBody, notFound } from '../errors'
import { renderOpportunity } from '../render/opportunity'
import { lookups, pathId } from './lookups'
import { idempotencyKey, parseCreate, parsePatch } from './opportunityInput'
import type { ApiContext, ApiResponse, Handler } from './types'
import { item } from './types'

function render(ctx: ApiContext, id: string, detail: boolean): unknown {
  const record = ctx.store.get('opportunities', id)
  if (!record) throw notFound('Opportunity not found')
  return renderOpportunity(record, lookups(ctx, 'opportunities'), ctx.render, {
    includeCustomFields: true,
    detail
  })
}

export const createOpportunity: Handler = (req, ctx) => {
  const key = idempotencyKey(req.body)
  if (key !== null) {
    const seen = ctx.idempotency.check(key, req.body)
    if (seen.kind === 'conflict') {
      throw new ApiError(
        422,
        errorBody(
          'idempotency_key_reused',
          'This idempotency_key was already used with a different request body'
        )
      )
    }
    if (seen.kind === 'replay') {
      const original = seen.response.body as { data?: { id?: string } } | undefined
      return {
        ...seen.response,
        mutation: {
          entity: 'opportunity',
          action: 'create',
          id: original?.data?.id ?? null,
          applied: false,
          body: req.body
        }
      }
    }
  }
  const input = parseCreate(req.body, ctx.store)
  const record = ctx.store.createOpportunity(input)
  const response: ApiResponse = {
    ...item(render(ctx, record.id, false), ctx),
    mutation: {
      entity: 'opportunity',
      action: 'create',
      id: record.id,
      applied: true,
      body: req.body
    }
  }
  if (key !== null) ctx.idempotency.remember(key, req.body, response)
  return response
}

export const getOpportunity: Handler = (_req, ctx, params) =>
  item(render(ctx, pathId(params[0], 'opportunity_id'), true), ctx)

export const updateOpportunity: Handler = (req, ctx, params) => {
  const id = pathId(params[0], 'opportunity_id')
  if (!ctx.store.get('opportunities', id)) throw notFound('Opportunity not found')
  const patch = parsePatch(req.body, ctx.store)
  ctx.store.updateOpportunity(id, patch)
  return {
    ...item(render(ctx, id, false), ctx),
    mutation: { entity: 'opportunity', action: 'update', id, applied: true, body: req.body }
  }
}

export const deleteOpportunity: Handler = (req, ctx, params) => {
  const id = pathId(params[0], 'opportunity_id')
  if (!ctx.store.deleteOpportunity(id)) throw notFound('Opportunity not found')
  return {
    status: 204,
    mutation: { entity: 'opportunity', action: 'delete', id, applied: true, body: req.body ?? null }
  }
}
