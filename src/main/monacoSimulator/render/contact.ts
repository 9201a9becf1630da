/** `ContactResponse`, keys in the OpenAPI example's order (activity fields last, as declared). */
import type { ContactRecord } from '../records'
import { customKeys, tagNames, type RenderLookups } from './common'
import { tidy, type RenderOptions } from './options'

export function renderContact(
  r: ContactRecord,
  lookups: RenderLookups,
  options: RenderOptions,
  includeCustomFields: boolean
): Record<string, unknown> {
  return tidy(
    {
      id: r.id,
      account_id: r.accountId,
      first_name: r.firstName,
      last_name: r.lastName,
      email: r.email,
      title: r.title,
      phone_number: r.phoneNumber,
      linkedin_url: r.linkedinUrl,
      location: r.location,
      source: r.source,
      do_not_contact: r.doNotContact,
      notes: r.notes,
      scoring: r.heatScore === null ? null : { heat_score: r.heatScore },
      tags: tagNames(r.tagIds, lookups),
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      last_activity_at: r.lastActivityAt,
      ...(includeCustomFields ? customKeys(r.custom, lookups) : {})
    },
    options
  )
}
