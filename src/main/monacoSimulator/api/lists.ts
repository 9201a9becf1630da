/** `POST /v1/{accounts,contacts,opportunities}/list`: `PublicListResponse[…]`. */
import { parseListRequest } from '../query/listRequest'
import type { EntityName, RecordOf } from '../records'
import { renderAccount } from '../render/account'
import { renderContact } from '../render/contact'
import { renderOpportunity } from '../render/opportunity'
import { lookups } from './lookups'
import type { ApiContext, Handler } from './types'

function render<E extends EntityName>(
  entity: E,
  record: RecordOf[E],
  ctx: ApiContext,
  custom: boolean
) {
  const l = lookups(ctx, entity)
  switch (entity) {
    case 'accounts':
      return renderAccount(record as RecordOf['accounts'], l, ctx.render, custom)
    case 'contacts':
      return renderContact(record as RecordOf['contacts'], l, ctx.render, custom)
    default:
      return renderOpportunity(record as RecordOf['opportunities'], l, ctx.render, {
        includeCustomFields: custom,
        detail: false
      })
  }
}

export const listOf =
  (entity: EntityName): Handler =>
  (req, ctx) => {
    const request = parseListRequest(req.body)
    const { records, pagination } = ctx.store.list(entity, request)
    return {
      status: 200,
      body: {
        data: records.map((r) => render(entity, r, ctx, request.includeCustomFields)),
        pagination,
        meta: { timestamp: ctx.timestamp }
      }
    }
  }
