/** GET /v1/ping and GET /v1/account. */
import type { SimulatorStore } from '../store'
import type { ApiRequest, ApiResponse } from './types'

export function ping(): ApiResponse {
  return { status: 200, body: { data: 'pong!' } }
}

/** `include=` (churn settings) is accepted and ignored: its response shape is unrecorded. */
export function account(_req: ApiRequest, store: SimulatorStore): ApiResponse {
  return { status: 200, body: store.account, contentType: 'application/json; charset=utf-8' }
}
