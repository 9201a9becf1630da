/** The org and its users: the key acts as the first user (`GET /v1/me`). */
import type { Faker } from '@faker-js/faker'
import { asciiSlug, makeCompany, makePerson } from '../../simulator/generate/names'
import type { Rng } from '../../simulator/random'
import type { OrgRecord, UserRecord } from '../records'

export function generateOrg(
  rng: Rng,
  faker: Faker,
  userCount: number
): { org: OrgRecord; users: UserRecord[] } {
  const { company, domain } = makeCompany(rng, faker)
  const users: UserRecord[] = []
  const seen = new Set<string>()
  for (let i = 0; i < userCount; i++) {
    const person = makePerson(faker)
    let local = `${asciiSlug(person.firstName) || 'user'}.${asciiSlug(person.lastName) || i}`
    if (seen.has(local)) local = `${local}${i}`
    seen.add(local)
    users.push({
      id: rng.uuidV4(),
      firstName: person.firstName,
      lastName: person.lastName,
      email: `${local}@${domain}`
    })
  }
  const first = users[0]
  if (!first) throw new Error('an org needs at least one user')
  return { org: { id: rng.uuidV4(), name: company, userId: first.id }, users }
}
