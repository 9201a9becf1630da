import { z } from 'zod'
import { id, optionalString } from '../../chartmogul/wire/fields'
import type { MonacoOwner } from '../models'

/** `OwnerInfo`: `{id, first_name, last_name}` or null. */
export const wireOwnerSchema = z
  .object({ id, first_name: optionalString, last_name: optionalString })
  .nullish()
  .transform((owner): MonacoOwner | null =>
    owner === null || owner === undefined
      ? null
      : { id: owner.id, firstName: owner.first_name, lastName: owner.last_name }
  )
