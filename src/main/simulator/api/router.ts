/**
 * Maps method + path to a handler. Path patterns are literal segments and `:param` captures;
 * a known path with the wrong method is a 405, anything else a 404, both as JSON.
 */
import type { SimulatorStore } from '../store'
import { account, ping } from './account'
import { listActivities } from './activities'
import { listCustomers, retrieveCustomer, searchCustomers } from './customers'
import { ApiError, methodNotAllowed, notFound } from './errors'
import {
  createOpportunity,
  deleteOpportunity,
  listOpportunities,
  retrieveOpportunity,
  updateOpportunity
} from './opportunities'
import { listPlans, retrievePlan } from './plans'
import type { ApiRequest, ApiResponse, Handler } from './types'

interface Route {
  method: string
  segments: string[]
  handler: Handler
}

const route = (method: string, pattern: string, handler: Handler): Route => ({
  method,
  segments: pattern.split('/').filter(Boolean),
  handler
})

// Literal routes before captures: `/v1/customers/search` must not be read as a uuid.
const ROUTES: readonly Route[] = [
  route('GET', '/v1/ping', ping),
  route('GET', '/v1/account', account),
  route('GET', '/v1/customers', listCustomers),
  route('GET', '/v1/customers/search', searchCustomers),
  route('GET', '/v1/customers/:uuid', retrieveCustomer),
  route('GET', '/v1/plans', listPlans),
  route('GET', '/v1/plans/:uuid', retrievePlan),
  route('GET', '/v1/activities', listActivities),
  route('GET', '/v1/opportunities', listOpportunities),
  route('POST', '/v1/opportunities', createOpportunity),
  route('GET', '/v1/opportunities/:uuid', retrieveOpportunity),
  route('PATCH', '/v1/opportunities/:uuid', updateOpportunity),
  route('DELETE', '/v1/opportunities/:uuid', deleteOpportunity)
]

function matchSegments(pattern: readonly string[], actual: readonly string[]): string[] | null {
  if (pattern.length !== actual.length) return null
  const params: string[] = []
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string
    const a = actual[i] as string
    if (p.startsWith(':')) params.push(a)
    else if (p !== a) return null
  }
  return params
}

/** The write routes, so the server can treat their failures as "applied or not". */
export function isWriteMethod(method: string): boolean {
  return method === 'POST' || method === 'PATCH' || method === 'PUT' || method === 'DELETE'
}

function decodeSegments(path: string): string[] | null {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return null // malformed percent-encoding names no resource
  }
}

export function dispatch(req: ApiRequest, store: SimulatorStore): ApiResponse {
  const actual = decodeSegments(req.path) ?? ['\u0000']
  let pathKnown = false
  for (const r of ROUTES) {
    const params = matchSegments(r.segments, actual)
    if (!params) continue
    pathKnown = true
    if (r.method !== req.method) continue
    try {
      return r.handler(req, store, params)
    } catch (error) {
      if (error instanceof ApiError) {
        return { status: error.status, body: error.body, contentType: error.contentType }
      }
      throw error
    }
  }
  const error = pathKnown
    ? methodNotAllowed()
    : notFound('The requested resource could not be found.')
  return { status: error.status, body: error.body }
}
