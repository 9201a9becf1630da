/** `AccountResponse`, keys in the OpenAPI example's order. */
import type { AccountRecord } from '../records'
import { customKeys, ownerInfo, tagNames, type RenderLookups } from './common'
import { tidy, type RenderOptions } from './options'

export function renderAccount(
  r: AccountRecord,
  lookups: RenderLookups,
  options: RenderOptions,
  includeCustomFields: boolean
): Record<string, unknown> {
  const c = r.company
  return tidy(
    {
      id: r.id,
      name: r.name,
      status: r.status,
      owner: ownerInfo(r.ownerId, lookups),
      notes: r.notes,
      company: c
        ? {
            domain: c.domain,
            linkedin_url: c.linkedinUrl,
            description: c.description,
            employee_count: c.employeeCount,
            founded_year: c.foundedYear,
            industries: [...c.industries],
            total_funding_usd: c.totalFundingUsd,
            last_funding_date: c.lastFundingDate
          }
        : null,
      scoring:
        r.tier === null && r.heatScore === null ? null : { tier: r.tier, heat_score: r.heatScore },
      tags: tagNames(r.tagIds, lookups),
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      ...(includeCustomFields ? customKeys(r.custom, lookups) : {})
    },
    options
  )
}
