/** Company names, domains and e-mail addresses that read like a real customer list. */
import type { Faker } from '@faker-js/faker'
import { COMPANY_PARTS, DOMAIN_TLDS } from '../catalog'
import type { Rng } from '../random'

/** ASCII-only, lowercase, no separators: safe inside domains and e-mail local parts. */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]/g, '')
    .toLowerCase()
}

export interface CompanyIdentity {
  company: string
  domain: string
}

export function makeCompany(rng: Rng, faker: Faker): CompanyIdentity {
  const { prefixes, stems, suffixes } = COMPANY_PARTS
  let core: string
  if (rng.chance(0.7)) {
    core = rng.pick(prefixes) + rng.pick(stems)
  } else {
    core = faker.person.lastName()
  }
  const withSuffix = rng.chance(0.6)
  const company = withSuffix ? `${core} ${rng.pick(suffixes)}` : core
  const tld = rng.weighted(DOMAIN_TLDS)
  const domainCore = asciiSlug(core) || 'example'
  return { company, domain: `${domainCore}.${tld}` }
}

export interface Person {
  firstName: string
  lastName: string
}

export function makePerson(faker: Faker): Person {
  return { firstName: faker.person.firstName(), lastName: faker.person.lastName() }
}

export function personEmail(rng: Rng, person: Person, domain: string): string {
  const first = asciiSlug(person.firstName) || 'hello'
  const last = asciiSlug(person.lastName) || 'team'
  const local = rng.weighted<string>([
    [`${first}.${last}`, 6],
    [first, 2],
    [`${first[0] ?? 'x'}${last}`, 2],
    ['billing', 1],
    ['finance', 1]
  ])
  return `${local}@${domain}`
}

/** The slug ChartMogul puts after the numeric id in `chartmogul-url` (`114167452-Pied_Piper`). */
export function chartmogulUrl(id: number, company: string, name: string): string {
  const label = (company || name)
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^\p{L}\p{N}_-]/gu, '')
  return `https://app.chartmogul.com/#/customers/${id}-${label}`
}
