/** `GET /v1/me`: the user and organization the bearer key resolves to. */
import type { Handler } from './types'
import { item } from './types'

export const getMe: Handler = (_req, ctx) => {
  const { org } = ctx.store
  const user = ctx.store.user(org.userId)
  return item(
    {
      org_id: org.id,
      user_id: org.userId,
      user_email: user?.email ?? null,
      user_first_name: user?.firstName ?? null,
      user_last_name: user?.lastName ?? null,
      org_name: org.name
    },
    ctx
  )
}
