import { z } from 'zod'
import { id, optionalString, stringList, timestamp } from '../../chartmogul/wire/fields'
import type { MonacoAccount } from '../models'
import { pickCustomFields } from './customFields'
import { wireOwnerSchema } from './owner'

/**
 * `AccountResponse` (list records). Only what Revdesk reads is validated; `company` is read
 * for its domain alone, `scoring` is ignored. `status` is any string (Monaco's own enum is
 * only "suggested values").
 */
export const wireAccountSchema = z.looseObject({
  id,
  name: optionalString,
  status: optionalString,
  owner: wireOwnerSchema,
  notes: optionalString,
  company: z
    .object({ domain: optionalString })
    .nullish()
    .transform((company) => company ?? null),
  tags: stringList,
  created_at: timestamp,
  updated_at: timestamp
})

export type WireAccount = z.output<typeof wireAccountSchema>

export function mapAccount(wire: WireAccount): MonacoAccount {
  return {
    id: wire.id,
    name: wire.name,
    status: wire.status,
    owner: wire.owner,
    notes: wire.notes,
    domain: wire.company?.domain ?? null,
    tags: wire.tags,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    customFields: pickCustomFields(wire)
  }
}
