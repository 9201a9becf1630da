/** `GET /v1/users/` (optional `query` substring) and `GET /v1/tags/?object=…`: whole lists, no paging. */
import { validationError } from '../errors'
import { TAG_OBJECTS, type TagObject } from '../vocabulary'
import type { Handler } from './types'
import { item } from './types'

export const listUsers: Handler = (req, ctx) => {
  const query = req.query.get('query')?.toLowerCase() ?? ''
  const users = ctx.store.users().filter((u) => {
    if (query === '') return true
    const name = [u.firstName, u.lastName].filter(Boolean).join(' ').toLowerCase()
    return name.includes(query) || (u.email ?? '').toLowerCase().includes(query)
  })
  return item(
    users.map((u) => ({
      id: u.id,
      first_name: u.firstName,
      last_name: u.lastName,
      email: u.email
    })),
    ctx
  )
}

export const listTags: Handler = (req, ctx) => {
  const object = req.query.get('object')
  if (object === null) throw validationError('Query parameter "object" is required')
  if (!(TAG_OBJECTS as readonly string[]).includes(object)) {
    throw validationError(`object must be one of ${TAG_OBJECTS.join(', ')}`)
  }
  return item(
    ctx.store.tags(object as TagObject).map((t) => ({ id: t.id, name: t.name, color: t.color })),
    ctx
  )
}
