import { z } from 'zod'
import {
  id,
  optionalString,
  optionalTimestamp,
  stringList,
  timestamp
} from '../../chartmogul/wire/fields'
import type { MonacoContact } from '../models'
import { pickCustomFields } from './customFields'
import { flag } from './fields'

/** `ContactResponse` (list records): the fields Revdesk shows; the rest are ignored. */
export const wireContactSchema = z.looseObject({
  id,
  account_id: optionalString,
  first_name: optionalString,
  last_name: optionalString,
  email: optionalString,
  title: optionalString,
  phone_number: optionalString,
  do_not_contact: flag(false),
  tags: stringList,
  created_at: timestamp,
  updated_at: timestamp,
  last_activity_at: optionalTimestamp
})

export type WireContact = z.output<typeof wireContactSchema>

export function mapContact(wire: WireContact): MonacoContact {
  return {
    id: wire.id,
    accountId: wire.account_id,
    firstName: wire.first_name,
    lastName: wire.last_name,
    email: wire.email,
    title: wire.title,
    phoneNumber: wire.phone_number,
    doNotContact: wire.do_not_contact,
    tags: wire.tags,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    lastActivityAt: wire.last_activity_at,
    customFields: pickCustomFields(wire)
  }
}
