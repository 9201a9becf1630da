import { ValidationError } from '../chartmogul/errors'
import type { MonacoListEntity } from './models'

/**
 * Every Monaco operation Revdesk calls, with its method and path *below the API prefix*,
 * spelled exactly as in the vendor OpenAPI — trailing slashes included: Monaco answers 307
 * for `/v1/opportunities` but serves `/v1/opportunities/`, and a redirect is never followed
 * (it could replay a write elsewhere). test/unit/monaco checks each against openapi.json.
 */

export type MonacoMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export interface MonacoOperation {
  method: MonacoMethod
  /** With `{name}` placeholders, as the OpenAPI writes it (minus the prefix). */
  template: string
}

export const MONACO_OPERATIONS = {
  me: { method: 'GET', template: '/me' },
  listUsers: { method: 'GET', template: '/users/' },
  listTags: { method: 'GET', template: '/tags/' },
  getFieldSchema: { method: 'GET', template: '/schemas/{entity}' },
  listAccounts: { method: 'POST', template: '/accounts/list' },
  listContacts: { method: 'POST', template: '/contacts/list' },
  listOpportunities: { method: 'POST', template: '/opportunities/list' },
  createOpportunity: { method: 'POST', template: '/opportunities/' },
  getOpportunity: { method: 'GET', template: '/opportunities/{opportunity_id}' },
  updateOpportunity: { method: 'PATCH', template: '/opportunities/{opportunity_id}' },
  deleteOpportunity: { method: 'DELETE', template: '/opportunities/{opportunity_id}' }
} as const satisfies Record<string, MonacoOperation>

export type MonacoOperationName = keyof typeof MONACO_OPERATIONS

export const LIST_OPERATION: Record<MonacoListEntity, MonacoOperationName> = {
  accounts: 'listAccounts',
  contacts: 'listContacts',
  opportunities: 'listOpportunities'
}

/** Fills `{name}` placeholders with encoded, non-empty values. */
export function operationPath(
  name: MonacoOperationName,
  params: Record<string, string> = {}
): string {
  return MONACO_OPERATIONS[name].template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = (params[key] ?? '').trim()
    if (value === '') {
      // An empty id would silently address the collection instead of one record.
      throw new ValidationError([
        { field: key, message: `No ${key.replace(/_/g, ' ')} was given.` }
      ])
    }
    return encodeURIComponent(value)
  })
}
