/** Contacts: people at the accounts (a few unattached), with e-mail at the account's domain. */
import type { Faker } from '@faker-js/faker'
import { makePerson, personEmail } from '../../simulator/generate/names'
import type { Rng } from '../../simulator/random'
import type { AccountRecord, ContactRecord, CustomFieldDef, TagRecord } from '../records'
import { isoSeconds } from '../records'
import { CONTACT_SOURCES, HEAT_SCORES } from '../vocabulary'
import { customValues } from './customValues'
import { pickTagIds } from './tags'

const DAY_MS = 86_400_000
const TITLES = ['CEO', 'CTO', 'VP of Engineering', 'Head of Sales', 'Procurement Manager', 'CFO']

export interface ContactContext {
  rng: Rng
  faker: Faker
  nowMs: number
  tags: readonly TagRecord[]
  fields: readonly CustomFieldDef[]
}

export function generateContact(
  ctx: ContactContext,
  account: AccountRecord | null,
  createdMs?: number
): ContactRecord {
  const { rng, faker, nowMs } = ctx
  const person = makePerson(faker)
  const domain = account?.company?.domain ?? 'example.com'
  const floor = account ? Date.parse(account.createdAt) : nowMs - 3 * 365 * DAY_MS
  const created = createdMs ?? floor + rng.int(0, Math.max(0, nowMs - floor))
  const active = rng.chance(0.7)
  return {
    id: rng.uuidV4(),
    accountId: account?.id ?? null,
    firstName: person.firstName,
    lastName: person.lastName,
    email: rng.chance(0.95) ? personEmail(rng, person, domain) : null,
    title: rng.chance(0.8) ? rng.pick(TITLES) : null,
    phoneNumber: rng.chance(0.5) ? faker.phone.number({ style: 'international' }) : null,
    linkedinUrl: rng.chance(0.6)
      ? `https://linkedin.com/in/${person.firstName.toLowerCase()}${rng.hex(6)}`
      : null,
    location: rng.chance(0.6)
      ? `${faker.location.city()}, ${faker.location.state({ abbreviated: true })}`
      : null,
    source: rng.pick(CONTACT_SOURCES),
    doNotContact: rng.chance(0.05),
    notes: rng.chance(0.2) ? faker.lorem.sentence() : null,
    heatScore: rng.chance(0.6) ? rng.pick(HEAT_SCORES) : null,
    tagIds: pickTagIds(rng, ctx.tags, 2),
    createdAt: isoSeconds(created),
    updatedAt: isoSeconds(Math.min(nowMs, created + rng.int(0, 60) * DAY_MS)),
    lastActivityAt: active ? isoSeconds(created + rng.int(0, Math.max(0, nowMs - created))) : null,
    custom: customValues(ctx.fields, rng, faker, nowMs)
  }
}
