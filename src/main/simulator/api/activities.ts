/**
 * GET /v1/activities. Hyphenated date filters (`start-date`, `end-date`), a cursor that is the
 * plain uuid of the last entry, and the legacy `per-page` / `start-after` spellings.
 */
import { parseIsoParam } from '../formats'
import type { SimulatorStore } from '../store'
import { ACTIVITY_TYPES } from '../vocabulary'
import type { ActivityType } from '../wire'
import { invalidParameter } from './errors'
import { cursorParam, optionalParam, perPage, withCursor } from './query'
import type { ApiRequest, ApiResponse } from './types'

function dateParam(query: URLSearchParams, name: string): number | undefined {
  const raw = optionalParam(query, name)
  if (raw === undefined) return undefined
  const ms = parseIsoParam(raw)
  if (ms === null) throw invalidParameter(name)
  return ms
}

export function listActivities(req: ApiRequest, store: SimulatorStore): ApiResponse {
  const size = perPage(req.query, ['per_page', 'per-page'])
  const cursor = cursorParam(req.query, ['cursor', 'start-after'])
  const startMs = dateParam(req.query, 'start-date')
  const endMs = dateParam(req.query, 'end-date')
  const typeRaw = optionalParam(req.query, 'type')
  if (typeRaw !== undefined && !ACTIVITY_TYPES.includes(typeRaw as ActivityType)) {
    throw invalidParameter('type')
  }
  const order = optionalParam(req.query, 'order') ?? 'date'
  if (order !== 'date' && order !== '-date') throw invalidParameter('order')
  const page = withCursor(() =>
    store.listActivities({
      cursor,
      perPage: size,
      order,
      startMs,
      endMs,
      match: typeRaw === undefined ? undefined : (a) => a.type === typeRaw
    })
  )
  // Recorded: the first page carries the deprecated `per_page`, later pages do not.
  const body =
    cursor === undefined
      ? { entries: page.entries, has_more: page.hasMore, per_page: size, cursor: page.cursor }
      : { entries: page.entries, has_more: page.hasMore, cursor: page.cursor }
  return { status: 200, body }
}
