/** Seeded values for custom fields: most records have most fields filled, a few leave gaps. */
import type { Faker } from '@faker-js/faker'
import { addDays, ymd } from '../../simulator/formats'
import type { Rng } from '../../simulator/random'
import type { CustomFieldDef, CustomValues } from '../records'

export function customValue(
  def: CustomFieldDef,
  rng: Rng,
  faker: Faker,
  nowMs: number
): string | number {
  switch (def.type) {
    case 'enum':
      return rng.pick(def.options ?? [{ key: 'unknown', label: 'Unknown' }]).key
    case 'string':
      return faker.company.name()
    case 'date':
      return ymd(addDays(nowMs, rng.int(-200, 400)))
    case 'number':
      return rng.int(1, 500)
  }
}

/** Fills each field with probability `fill`, so filters on "is empty" match something. */
export function customValues(
  defs: readonly CustomFieldDef[],
  rng: Rng,
  faker: Faker,
  nowMs: number,
  fill = 0.85
): CustomValues {
  const values: CustomValues = {}
  for (const def of defs) {
    if (rng.chance(fill)) values[def.id] = customValue(def, rng, faker, nowMs)
  }
  return values
}
