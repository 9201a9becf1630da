/** Accounts: companies with firmographics, scoring, an owner, tags and custom fields. */
import type { Faker } from '@faker-js/faker'
import { addDays, ymd } from '../../simulator/formats'
import { makeCompany } from '../../simulator/generate/names'
import type { Rng } from '../../simulator/random'
import type { AccountRecord, CustomFieldDef, TagRecord, UserRecord } from '../records'
import { isoSeconds } from '../records'
import { ACCOUNT_STATUSES, HEAT_SCORES, INDUSTRIES, TIERS } from '../vocabulary'
import { customValues } from './customValues'
import { pickTagIds } from './tags'

const DAY_MS = 86_400_000

export interface AccountContext {
  rng: Rng
  faker: Faker
  nowMs: number
  users: readonly UserRecord[]
  tags: readonly TagRecord[]
  fields: readonly CustomFieldDef[]
}

export function generateAccount(ctx: AccountContext, createdMs?: number): AccountRecord {
  const { rng, faker, nowMs } = ctx
  const { company, domain } = makeCompany(rng, faker)
  const created = createdMs ?? nowMs - rng.int(1, 3 * 365) * DAY_MS - rng.int(0, DAY_MS - 1)
  const updated = Math.min(nowMs, created + rng.int(0, 120) * DAY_MS + rng.int(0, DAY_MS - 1))
  const funded = rng.chance(0.6)
  return {
    id: rng.uuidV4(),
    name: company,
    status: rng.pick(ACCOUNT_STATUSES),
    ownerId: rng.chance(0.9) ? rng.pick(ctx.users).id : null,
    notes: rng.chance(0.3) ? faker.company.catchPhrase() : null,
    company: {
      domain,
      linkedinUrl: `https://linkedin.com/company/${domain.split('.')[0] ?? 'company'}`,
      description: rng.chance(0.8) ? faker.company.catchPhrase() : null,
      employeeCount: rng.chance(0.9)
        ? rng.weighted([
            [rng.int(2, 50), 5],
            [rng.int(51, 1000), 3],
            [rng.int(1001, 20000), 1]
          ])
        : null,
      foundedYear: rng.chance(0.85) ? rng.int(1990, 2024) : null,
      industries: rng.sample(INDUSTRIES, rng.int(0, 2)),
      totalFundingUsd: funded ? rng.int(1, 500) * 1_000_000 : null,
      lastFundingDate: funded ? ymd(addDays(nowMs, -rng.int(30, 1500))) : null
    },
    tier: rng.chance(0.8) ? rng.pick(TIERS) : null,
    heatScore: rng.chance(0.7) ? rng.pick(HEAT_SCORES) : null,
    tagIds: pickTagIds(rng, ctx.tags, 2),
    createdAt: isoSeconds(created),
    updatedAt: isoSeconds(Math.max(created, updated)),
    custom: customValues(ctx.fields, rng, faker, nowMs)
  }
}
