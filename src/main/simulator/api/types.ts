/** The HTTP-free contract between the server plumbing and the endpoint handlers. */
import type { MutationAction, MutationEntity } from '../mutationLog'
import type { SimulatorStore } from '../store'

export interface ApiRequest {
  method: string
  /** Path without query string and without a trailing slash, e.g. `/v1/customers/cus_…`. */
  path: string
  query: URLSearchParams
  /** Raw request body text ('' when none). Parsed by the handlers that accept a body. */
  rawBody: string
}

export interface MutationInfo {
  entity: MutationEntity
  action: MutationAction
  uuid: string | null
  applied: boolean
  /** The body as the handler understood it (parsed JSON, or the raw text when unparseable). */
  body: unknown
}

export interface ApiResponse {
  status: number
  body: unknown
  /** Default `application/json`; some recorded endpoints add `; charset=utf-8`. */
  contentType?: string
  /** Set by write endpoints, so the server can log the write with its HTTP outcome. */
  mutation?: MutationInfo
}

export type Handler = (req: ApiRequest, store: SimulatorStore, params: string[]) => ApiResponse
