/**
 * `seed → org`: users, tags, custom fields, accounts, contacts and opportunities. Each area
 * draws from its own forked stream, so changing how many contacts there are never reshuffles
 * the accounts. Never reads the clock: "today" defaults to 2026-01-01.
 */
import { createFaker, deriveSeed, Rng } from '../simulator/random'
import type { MonacoDataset, MonacoDatasetOptions } from './dataset'
import { generateAccount } from './generate/accounts'
import { generateContact } from './generate/contacts'
import { fieldsOf, generateCustomFields } from './generate/customFields'
import { generateOpportunity } from './generate/opportunities'
import { generateOrg } from './generate/people'
import { generateTags } from './generate/tags'

export const DEFAULT_NOW = '2026-01-01T00:00:00Z'

function count(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${n}`)
  return n
}

export function generateMonacoDataset(options: MonacoDatasetOptions): MonacoDataset {
  const nowMs = new Date(options.now ?? DEFAULT_NOW).getTime()
  if (Number.isNaN(nowMs)) throw new Error(`now must be a date, got ${String(options.now)}`)
  const accountCount = count(options.accounts, 500, 'accounts')
  const contactCount = count(options.contacts, accountCount * 2, 'contacts')
  const opportunityCount = count(
    options.opportunities,
    Math.round((accountCount * 3) / 5),
    'opportunities'
  )
  const userCount = Math.max(1, count(options.users, 8, 'users'))

  const root = new Rng(options.seed)
  // One Faker per area too: Faker's draws are sequential, so a shared one would let the
  // number of contacts shift every opportunity's text.
  const fakerFor = (area: string) => createFaker(deriveSeed(options.seed, area))
  const { org, users } = generateOrg(root.fork('org'), fakerFor('org'), userCount)
  const tags = generateTags(root.fork('tags'))
  const customFields = generateCustomFields(root.fork('custom-fields'))

  const accountRng = root.fork('accounts')
  const accountCtx = {
    rng: accountRng,
    faker: fakerFor('accounts'),
    nowMs,
    users,
    tags: tags.filter((t) => t.object === 'accounts'),
    fields: fieldsOf(customFields, 'accounts')
  }
  const accounts = Array.from({ length: accountCount }, () => generateAccount(accountCtx))

  const contactRng = root.fork('contacts')
  const contactCtx = {
    rng: contactRng,
    faker: fakerFor('contacts'),
    nowMs,
    tags: tags.filter((t) => t.object === 'contacts'),
    fields: fieldsOf(customFields, 'contacts')
  }
  const contacts = Array.from({ length: contactCount }, () =>
    generateContact(
      contactCtx,
      accounts.length > 0 && contactRng.chance(0.95) ? contactRng.pick(accounts) : null
    )
  )

  const opportunityRng = root.fork('opportunities')
  const opportunityCtx = {
    rng: opportunityRng,
    faker: fakerFor('opportunities'),
    nowMs,
    users,
    tags: tags.filter((t) => t.object === 'opportunities'),
    fields: fieldsOf(customFields, 'opportunities')
  }
  const opportunities =
    accounts.length === 0
      ? []
      : Array.from({ length: opportunityCount }, () =>
          generateOpportunity(opportunityCtx, opportunityRng.pick(accounts))
        )

  return { org, users, tags, customFields, accounts, contacts, opportunities }
}
