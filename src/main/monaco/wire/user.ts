import { z } from 'zod'
import { id, optionalString } from '../../chartmogul/wire/fields'
import type { MonacoMe, MonacoUser } from '../models'

/** `UserResponse` (`GET /v1/users/`). */
export const wireUserSchema = z.object({
  id,
  first_name: optionalString,
  last_name: optionalString,
  email: optionalString
})

export function mapUser(wire: z.output<typeof wireUserSchema>): MonacoUser {
  return { id: wire.id, firstName: wire.first_name, lastName: wire.last_name, email: wire.email }
}

/** `MeResponse` (`GET /v1/me`): required `org_id` and `user_id`. */
export const wireMeSchema = z.object({
  org_id: id,
  user_id: id,
  user_email: optionalString,
  user_first_name: optionalString,
  user_last_name: optionalString,
  org_name: optionalString
})

export function mapMe(wire: z.output<typeof wireMeSchema>): MonacoMe {
  return {
    orgId: wire.org_id,
    orgName: wire.org_name,
    userId: wire.user_id,
    userEmail: wire.user_email,
    userFirstName: wire.user_first_name,
    userLastName: wire.user_last_name
  }
}
