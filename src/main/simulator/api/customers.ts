/** GET /v1/customers, /v1/customers/search and /v1/customers/{uuid}. */
import type { SimulatorStore } from '../store'
import { statusFromFilter } from '../vocabulary'
import type { CustomerWire } from '../wire'
import { missingParameter, notFound } from './errors'
import { cursorParam, optionalParam, perPage, withCursor } from './query'
import type { ApiRequest, ApiResponse } from './types'

function customerFilter(query: URLSearchParams): (c: CustomerWire) => boolean {
  const dataSource = optionalParam(query, 'data_source_uuid')
  const externalId = optionalParam(query, 'external_id')
  const statusRaw = optionalParam(query, 'status')
  const system = optionalParam(query, 'system')
  // An unknown status matches nothing rather than failing: it is a filter, not an input.
  const status = statusRaw === undefined ? undefined : statusFromFilter(statusRaw)
  return (c) =>
    (dataSource === undefined || c.data_source_uuids.includes(dataSource)) &&
    (externalId === undefined || c.external_ids.includes(externalId)) &&
    (statusRaw === undefined || c.status === status) &&
    (system === undefined || c['billing-system-type'] === system)
}

export function listCustomers(req: ApiRequest, store: SimulatorStore): ApiResponse {
  const size = perPage(req.query)
  const cursor = cursorParam(req.query)
  const match = customerFilter(req.query)
  const page = withCursor(() => store.listCustomers({ cursor, perPage: size, match }))
  if (cursor !== undefined) {
    return {
      status: 200,
      body: { entries: page.entries, cursor: page.cursor, has_more: page.hasMore }
    }
  }
  // The deprecated offset fields appear on first pages only, in the recorded key order.
  const total = store.countCustomers(match)
  return {
    status: 200,
    body: {
      entries: page.entries,
      current_page: 1,
      total_pages: Math.max(1, Math.ceil(total / size)),
      has_more: page.hasMore,
      per_page: size,
      page: 1,
      cursor: page.cursor
    }
  }
}

export function searchCustomers(req: ApiRequest, store: SimulatorStore): ApiResponse {
  const email = req.query.get('email')
  if (email === null || email === '') throw missingParameter('email')
  const size = perPage(req.query)
  const cursor = cursorParam(req.query)
  const wanted = email.toLowerCase()
  const page = withCursor(() =>
    store.listCustomers({ cursor, perPage: size, match: (c) => c.email.toLowerCase() === wanted })
  )
  if (cursor !== undefined) {
    return {
      status: 200,
      body: { entries: page.entries, cursor: page.cursor, has_more: page.hasMore }
    }
  }
  // "No results" is a 404 on the real API, not an empty list (recorded, long-standing).
  if (page.entries.length === 0) {
    throw notFound(`Can't find any customers with email: "${email}"`, 'email')
  }
  return {
    status: 200,
    body: {
      entries: page.entries,
      current_page: 1,
      total_pages: null,
      has_more: page.hasMore,
      per_page: size,
      page: 1,
      cursor: page.cursor
    }
  }
}

export function retrieveCustomer(
  _req: ApiRequest,
  store: SimulatorStore,
  [uuid]: string[]
): ApiResponse {
  const customer = uuid === undefined ? undefined : store.getCustomer(uuid)
  if (!customer) throw notFound(`Customer not found`, 'customer_uuid')
  return { status: 200, body: customer }
}
