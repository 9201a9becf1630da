/**
 * Deals on accounts: a stage along the pipeline (closed ones carry an actual close date), an
 * estimated value in whole currency units, AI summary/risks on some, custom fields, and AI
 * explanations for the auto-filled custom field.
 */
import type { Faker } from '@faker-js/faker'
import { ymd } from '../../simulator/formats'
import type { Rng } from '../../simulator/random'
import type {
  AccountRecord,
  CustomFieldDef,
  ExplanationRecord,
  OpportunityRecord,
  TagRecord,
  UserRecord
} from '../records'
import { isoSeconds } from '../records'
import { CURRENCIES, RISKS, STAGES } from '../vocabulary'
import { customValues } from './customValues'
import { pickTagIds } from './tags'

const DAY_MS = 86_400_000
const PRODUCTS = [
  'Enterprise License',
  'Team Plan',
  'Pilot',
  'Expansion',
  'Renewal',
  'Add-on Seats'
]

export interface OpportunityContext {
  rng: Rng
  faker: Faker
  nowMs: number
  users: readonly UserRecord[]
  tags: readonly TagRecord[]
  fields: readonly CustomFieldDef[]
}

function explain(rng: Rng, faker: Faker): ExplanationRecord {
  return {
    title: 'Reasoning',
    body: faker.lorem.sentence(),
    confidence: rng.pick(['high', 'medium', 'low']),
    citations: rng.chance(0.5)
      ? [
          {
            url: `https://example.com/notes/call-${rng.int(1, 999)}`,
            title: 'Call notes',
            excerpts: [faker.lorem.sentence()]
          }
        ]
      : null
  }
}

export function generateOpportunity(
  ctx: OpportunityContext,
  account: AccountRecord,
  createdMs?: number
): OpportunityRecord {
  const { rng, faker, nowMs } = ctx
  const floor = Date.parse(account.createdAt)
  const created = createdMs ?? floor + rng.int(0, Math.max(0, nowMs - floor))
  const stage = rng.weighted(STAGES.map((s, i) => [s, i < 5 ? 3 : 2] as const))
  const closeMs = stage.closed
    ? created + rng.int(10, 200) * DAY_MS
    : nowMs + rng.int(5, 240) * DAY_MS
  const updated = Math.min(nowMs, created + rng.int(0, 90) * DAY_MS)
  const custom = customValues(ctx.fields, rng, faker, nowMs)
  const explanations: Record<string, ExplanationRecord> = {}
  for (const def of ctx.fields) {
    if (def.aiAutoFilled && custom[def.id] !== undefined) explanations[def.id] = explain(rng, faker)
  }
  return {
    id: rng.uuidV4(),
    accountId: account.id,
    name: `${account.name ?? 'Account'} - ${rng.pick(PRODUCTS)}`,
    ownerId: rng.chance(0.9) ? rng.pick(ctx.users).id : null,
    stage: stage.key,
    estimatedValue: rng.chance(0.9)
      ? {
          currencyCode: rng.weighted(CURRENCIES.map((c, i) => [c, i === 0 ? 6 : 1] as const)),
          amount: rng.int(5, 500) * 1000
        }
      : null,
    estimatedCloseDate: rng.chance(0.9)
      ? ymd(Math.min(closeMs, stage.closed ? nowMs : closeMs))
      : null,
    actualCloseDate: stage.closed ? ymd(Math.min(closeMs, nowMs)) : null,
    summary: rng.chance(0.6) ? faker.lorem.sentences(2) : null,
    risks: rng.sample(RISKS, rng.int(0, 2)),
    notes: rng.chance(0.4) ? faker.lorem.sentence() : null,
    tagIds: pickTagIds(rng, ctx.tags, 2),
    lastActivityAt: rng.chance(0.7)
      ? isoSeconds(created + rng.int(0, Math.max(0, nowMs - created)))
      : null,
    updatedAt: isoSeconds(Math.max(created, updated)),
    createdAt: isoSeconds(created),
    custom,
    explanations
  }
}
