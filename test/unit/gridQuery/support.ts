/**
 * Seeded customer rows with what makes ordering and search hard: blanks, ties (many MRR 0),
 * duplicate names, unicode, mixed case; and a brute-force reference that filters and sorts them
 * in memory with the query layer's defined order (see keyOrder.ts), written independently of it.
 */
import { seededRandom } from '../sync/support/random'

export type Row = Record<string, unknown> & { uuid: string }

const NAMES = [
  'Acme',
  'acme',
  'Zoë Ltd',
  'Ängel GmbH',
  'Émile & Co',
  '日本 Trading',
  'Beta',
  'Gamma',
  'beta-max',
  'Ωmega'
]
const FIRST = ['alice', 'Bob', 'carol', 'Dörte', 'eve', 'Fran', 'Ñandú', 'zed']
const STATUSES = ['Active', 'Past Due', 'Cancelled', 'Lead']
const COUNTRIES = ['US', 'DE', 'FR', 'JP', 'GB']

export function makeRows(count: number, seed: number): Row[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const maybe = <T>(value: T, blankRate = 0.08): T | null => (random() < blankRate ? null : value)
  const rows: Row[] = []
  for (let i = 0; i < count; i += 1) {
    const first = pick(FIRST)
    const company = pick(NAMES)
    const day = 1 + Math.floor(random() * 28)
    const month = 1 + Math.floor(random() * 12)
    rows.push({
      // Primary keys in another order than insertion, so neither order hides a bug.
      uuid: `cus_${((i * 7919) % count).toString(36).padStart(5, '0')}_${i}`,
      name: maybe(`${first} ${company}`),
      email: maybe(
        `${first.toLowerCase()}.${i % 97}@${company.replace(/\W+/g, '').toLowerCase() || 'x'}.com`
      ),
      company: maybe(company, 0.15),
      status: pick(STATUSES),
      country: maybe(pick(COUNTRIES)),
      city: maybe(pick(['Berlin', 'Paris', 'Tokyo', 'Austin']), 0.3),
      // A third at 0 (churned): large tie groups.
      mrrCents:
        random() < 0.33
          ? 0
          : maybe(Math.floor(random() * 500) * 100 + (random() < 0.5 ? 0 : 50), 0.03),
      customerSince: maybe(
        `202${Math.floor(random() * 5)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00.000Z`
      ),
      externalId: `ext-${i}`,
      owner: maybe(pick(['sam@corp.com', 'Kim Lee', 'jo'])),
      _gen: 1
    })
  }
  return rows
}

const blank = (v: unknown): boolean => v === null || v === undefined

function compareScalars(a: unknown, b: unknown): number {
  if (blank(a) || blank(b)) return blank(a) === blank(b) ? 0 : blank(a) ? -1 : 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export interface BruteSort {
  field: string
  dir: 'asc' | 'desc'
}

export function bruteSort(rows: Row[], sort: readonly BruteSort[]): Row[] {
  const tie = sort[0]?.dir === 'desc' ? -1 : 1
  return [...rows].sort((a, b) => {
    for (const key of sort) {
      // Blanks last in both directions.
      const [x, y] = [a[key.field], b[key.field]]
      if (blank(x) || blank(y)) {
        if (blank(x) !== blank(y)) return blank(x) ? 1 : -1
        continue
      }
      const order = compareScalars(x, y)
      if (order !== 0) return key.dir === 'desc' ? -order : order
    }
    return tie * (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0)
  })
}

/** The words quick search finds a customer by: name, email, company, external id, owner. */
export function bruteWords(row: Row): string[] {
  return ['name', 'email', 'company', 'externalId', 'owner']
    .map((f) => row[f])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w !== '')
}

export function bruteSearch(row: Row, query: string): boolean {
  const wanted = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
  const words = bruteWords(row)
  return wanted.every((w) => words.some((word) => word.startsWith(w)))
}

/** A local calendar day as YYYY-MM-DD (what the date filter compares). */
export function localDay(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
