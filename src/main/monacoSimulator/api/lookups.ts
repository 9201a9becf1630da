/** The store as render lookups, and path-id validation shared by the `{id}` routes. */
import { validationError } from '../errors'
import type { EntityName } from '../records'
import type { RenderLookups } from '../render/common'
import type { ApiContext } from './types'

export function lookups(ctx: ApiContext, entity: EntityName): RenderLookups {
  return {
    user: (id) => ctx.store.user(id),
    tag: (id) => ctx.store.tag(id),
    customFields: ctx.store.customFields(entity)
  }
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** Path ids are declared `format: uuid`; FastAPI refuses anything else with 422. */
export function pathId(raw: string | undefined, name: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(raw ?? '')
  } catch {
    decoded = ''
  }
  if (!isUuid(decoded)) throw validationError(`${name} must be a UUID`)
  return decoded.toLowerCase()
}
