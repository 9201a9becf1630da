/**
 * `GET /v1/schemas/{entity}`: the fields filters and sorts may use, from the same declarations
 * the list endpoints enforce. `meetings`, `sequences` and `tasks` are valid entities on the
 * real API but not simulated: they answer 404 saying so.
 */
import { notFound, validationError } from '../errors'
import type { EntityName } from '../records'
import type { Handler } from './types'
import { item } from './types'

const SIMULATED: readonly EntityName[] = ['accounts', 'contacts', 'opportunities']
const NOT_SIMULATED = ['meetings', 'sequences', 'tasks']

export const getSchemas: Handler = (_req, ctx, params) => {
  const entity = decodeURIComponent(params[0] ?? '')
  if (NOT_SIMULATED.includes(entity)) throw notFound(`The simulator does not model ${entity}`)
  if (!SIMULATED.includes(entity as EntityName)) {
    throw validationError(
      `entity must be one of accounts, contacts, meetings, opportunities, sequences, tasks`
    )
  }
  const fieldCtx = ctx.store.fieldContext()
  const data = ctx.store.fields(entity as EntityName).map((f) => {
    const allowed = f.allowed?.(fieldCtx)
    return {
      name: f.name,
      key: f.key,
      type: f.type,
      ...(f.parent === undefined ? {} : { parent: f.parent }),
      filterable: f.filterable,
      sortable: f.sortable,
      updatable: f.updatable,
      allowed_operators: [...f.operators],
      ...(f.custom
        ? { custom_field_settings: { id: f.custom.id, is_ai_auto_filled: f.custom.aiAutoFilled } }
        : {}),
      ...(allowed
        ? {
            enum_field_settings: {
              allowed_values: allowed.map((a) => ({ key: a.key, display_value: a.label }))
            }
          }
        : {})
    }
  })
  return item(data, ctx)
}
