/**
 * The simulated operations with their paths spelled exactly as the OpenAPI does: trailing
 * slash or not is part of the path (`/v1/opportunities/` but `/v1/opportunities/list`,
 * `/v1/users/` but `/v1/me`). Order matters as in Starlette: the first full match wins, so
 * `…/list` comes before `…/{opportunity_id}`.
 */
import type { MutationAction } from '../../simulator/mutationLog'
import type { MonacoMutationEntity } from '../store'
import { listOf } from './lists'
import { getMe } from './me'
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  updateOpportunity
} from './opportunities'
import { getSchemas } from './schemas'
import type { Handler } from './types'
import { listTags, listUsers } from './usersAndTags'

export interface Route {
  method: string
  /** The OpenAPI path template, e.g. `/v1/opportunities/{opportunity_id}`. */
  template: string
  handler: Handler
  /** Writes, so a refused one is logged as not applied. */
  write?: { entity: MonacoMutationEntity; action: MutationAction }
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/v1/me', handler: getMe },
  { method: 'GET', template: '/v1/schemas/{entity}', handler: getSchemas },
  { method: 'GET', template: '/v1/users/', handler: listUsers },
  { method: 'GET', template: '/v1/tags/', handler: listTags },
  { method: 'POST', template: '/v1/accounts/list', handler: listOf('accounts') },
  { method: 'POST', template: '/v1/contacts/list', handler: listOf('contacts') },
  { method: 'POST', template: '/v1/opportunities/list', handler: listOf('opportunities') },
  {
    method: 'POST',
    template: '/v1/opportunities/',
    handler: createOpportunity,
    write: { entity: 'opportunity', action: 'create' }
  },
  { method: 'GET', template: '/v1/opportunities/{opportunity_id}', handler: getOpportunity },
  {
    method: 'PATCH',
    template: '/v1/opportunities/{opportunity_id}',
    handler: updateOpportunity,
    write: { entity: 'opportunity', action: 'update' }
  },
  {
    method: 'DELETE',
    template: '/v1/opportunities/{opportunity_id}',
    handler: deleteOpportunity,
    write: { entity: 'opportunity', action: 'delete' }
  }
]
