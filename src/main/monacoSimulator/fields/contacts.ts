/** The contact fields `GET /v1/schemas/contacts` publishes (standard ones). */
import type { ContactRecord } from '../records'
import { CONTACT_SOURCES, HEAT_SCORES } from '../vocabulary'
import { field, tagValues } from './build'
import type { FieldDef } from './types'

type C = ContactRecord

const fullName = (r: C): string | null =>
  [r.firstName, r.lastName].filter(Boolean).join(' ') || null

export const CONTACT_FIELDS: readonly FieldDef<C>[] = [
  field<C>('first_name', 'First Name', 'string', (r) => r.firstName, { updatable: true }),
  field<C>('last_name', 'Last Name', 'string', (r) => r.lastName, { updatable: true }),
  field<C>('full_name', 'Full Name', 'string', fullName),
  field<C>('email', 'Email', 'string', (r) => r.email, { updatable: true }),
  field<C>('title', 'Title', 'string', (r) => r.title, { updatable: true }),
  field<C>('phone_number', 'Phone Number', 'string', (r) => r.phoneNumber, { updatable: true }),
  field<C>('linkedin_url', 'LinkedIn URL', 'string', (r) => r.linkedinUrl, { updatable: true }),
  field<C>('location', 'Location', 'string', (r) => r.location, { updatable: true }),
  field<C>('account_id', 'Account', 'uuid', (r) => r.accountId, { updatable: true }),
  field<C>('source', 'Source', 'enum', (r) => r.source, {
    allowed: () =>
      CONTACT_SOURCES.map((s) => ({ key: s, label: s.charAt(0).toUpperCase() + s.slice(1) }))
  }),
  field<C>('do_not_contact', 'Do Not Contact', 'boolean', (r) => r.doNotContact, {
    updatable: true
  }),
  field<C>('notes', 'Notes', 'text', (r) => r.notes, { updatable: true }),
  field<C>('heat_score', 'Heat Score', 'enum', (r) => r.heatScore, {
    parent: 'scoring',
    allowed: () => HEAT_SCORES.map((h) => ({ key: h, label: h }))
  }),
  field<C>('tags', 'Tags', 'array', (r) => r.tagIds, {
    updatable: true,
    allowed: tagValues('contacts')
  }),
  field<C>('last_activity_at', 'Last Activity At', 'datetime', (r) => r.lastActivityAt),
  field<C>('created_at', 'Created At', 'datetime', (r) => r.createdAt),
  field<C>('updated_at', 'Updated At', 'datetime', (r) => r.updatedAt)
]
