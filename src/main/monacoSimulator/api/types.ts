/** The HTTP-free contract between the server plumbing and the endpoint handlers. */
import type { MutationAction } from '../../simulator/mutationLog'
import type { IdempotencyStore } from '../idempotency'
import type { RenderOptions } from '../render/options'
import type { MonacoMutationEntity, MonacoStore } from '../store'

export interface ApiRequest {
  method: string
  /** Exactly as sent (trailing slashes matter on this API), percent-decoding not applied. */
  path: string
  query: URLSearchParams
  /** Parsed JSON body; `undefined` when there was none. */
  body: unknown
}

export interface MutationInfo {
  entity: MonacoMutationEntity
  action: MutationAction
  id: string | null
  applied: boolean
  body: unknown
}

export interface ApiResponse {
  status: number
  /** `undefined` for 204. */
  body?: unknown
  headers?: Record<string, string>
  mutation?: MutationInfo
}

export interface ApiContext {
  store: MonacoStore
  render: RenderOptions
  idempotency: IdempotencyStore
  /** `meta.timestamp` of this response. */
  timestamp: string
}

export type Handler = (req: ApiRequest, ctx: ApiContext, params: string[]) => ApiResponse

/** `{"data": …, "meta": {"timestamp": …}}`: `PublicItemResponse`. */
export function item(data: unknown, ctx: ApiContext): ApiResponse {
  return { status: 200, body: { data, meta: { timestamp: ctx.timestamp } } }
}
