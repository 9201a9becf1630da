/**
 * Hand-picked reference data for believable demo accounts. Faker supplies people's names; the
 * places, company name parts and plan tiers are curated here so that a city always lies in its
 * state and country, and plan prices rise with the tier.
 */

export interface Location {
  country: string
  countryName: string
  state: string | null
  stateName: string | null
  city: string
  zips: readonly string[]
}

const loc = (
  country: string,
  countryName: string,
  state: string | null,
  stateName: string | null,
  city: string,
  zips: readonly string[]
): Location => ({ country, countryName, state, stateName, city, zips })

/** Weighted towards the US, like most SaaS customer bases. */
export const LOCATIONS: readonly (readonly [Location, number])[] = [
  [loc('US', 'United States', 'CA', 'California', 'San Francisco', ['94105', '94107', '94110']), 8],
  [loc('US', 'United States', 'CA', 'California', 'Los Angeles', ['90012', '90028', '90045']), 4],
  [loc('US', 'United States', 'CA', 'California', 'Mountain View', ['94040', '94043']), 2],
  [loc('US', 'United States', 'NY', 'New York', 'New York', ['10001', '10013', '10018']), 7],
  [loc('US', 'United States', 'TX', 'Texas', 'Austin', ['78701', '78704']), 4],
  [loc('US', 'United States', 'WA', 'Washington', 'Seattle', ['98101', '98104', '98109']), 4],
  [loc('US', 'United States', 'MA', 'Massachusetts', 'Boston', ['02108', '02110', '02116']), 3],
  [loc('US', 'United States', 'IL', 'Illinois', 'Chicago', ['60601', '60607', '60654']), 3],
  [loc('US', 'United States', 'CO', 'Colorado', 'Denver', ['80202', '80205']), 2],
  [loc('US', 'United States', 'GA', 'Georgia', 'Atlanta', ['30303', '30308']), 2],
  [loc('US', 'United States', 'FL', 'Florida', 'Miami', ['33131', '33130']), 2],
  [loc('US', 'United States', 'AK', 'Alaska', 'Anchorage', ['99501']), 1],
  [loc('CA', 'Canada', 'ON', 'Ontario', 'Toronto', ['M5H 2N2', 'M5V 3L9']), 3],
  [loc('CA', 'Canada', 'BC', 'British Columbia', 'Vancouver', ['V6B 1A1', 'V6C 3E8']), 2],
  [loc('GB', 'United Kingdom', null, null, 'London', ['EC1A 1BB', 'E1 6AN', 'SW1A 2AA']), 5],
  [loc('GB', 'United Kingdom', null, null, 'Manchester', ['M1 1AE', 'M2 3WQ']), 1],
  [loc('DE', 'Germany', null, null, 'Berlin', ['10115', '10178', '10999']), 4],
  [loc('DE', 'Germany', null, null, 'Munich', ['80331', '80469']), 2],
  [loc('DE', 'Germany', null, null, 'Hamburg', ['20095', '20457']), 1],
  [loc('FR', 'France', null, null, 'Paris', ['75001', '75008', '75011']), 3],
  [loc('NL', 'Netherlands', null, null, 'Amsterdam', ['1012 JS', '1016 DK']), 2],
  [loc('ES', 'Spain', null, null, 'Madrid', ['28001', '28013']), 1],
  [loc('ES', 'Spain', null, null, 'Barcelona', ['08001', '08010']), 1],
  [loc('IE', 'Ireland', null, null, 'Dublin', ['D02 X285', 'D04 V1W8']), 1],
  [loc('SE', 'Sweden', null, null, 'Stockholm', ['111 20', '114 35']), 1],
  [loc('CZ', 'Czech Republic', null, null, 'Prague', ['110 00', '120 00']), 1],
  [loc('AU', 'Australia', 'NSW', 'New South Wales', 'Sydney', ['2000', '2010']), 2],
  [loc('AU', 'Australia', 'VIC', 'Victoria', 'Melbourne', ['3000', '3006']), 1],
  [loc('IN', 'India', 'KA', 'Karnataka', 'Bengaluru', ['560001', '560034']), 1],
  [loc('SG', 'Singapore', null, null, 'Singapore', ['018956', '048583']), 1],
  [loc('BR', 'Brazil', 'SP', 'São Paulo', 'São Paulo', ['01310-100', '04538-133']), 1],
  [loc('JP', 'Japan', null, null, 'Tokyo', ['100-0005', '150-0002']), 1]
]

const COMPANY_PREFIXES = [
  'North',
  'Blue',
  'Bright',
  'Silver',
  'Quantum',
  'Iron',
  'Pixel',
  'Cedar',
  'Nimbus',
  'Atlas',
  'Copper',
  'Lumen',
  'Harbor',
  'Summit',
  'Velvet',
  'Echo',
  'Polar',
  'Granite',
  'Sparrow',
  'Orbit',
  'Maple',
  'Beacon',
  'Coral',
  'Falcon',
  'Tidal',
  'Vertex',
  'Juniper',
  'Kite',
  'Meadow',
  'Onyx',
  'Prism',
  'Redwood',
  'Sol',
  'Terra',
  'Willow',
  'Zephyr',
  'Amber',
  'Cobalt',
  'Drift',
  'Ember'
]

const COMPANY_STEMS = [
  'wave',
  'stack',
  'forge',
  'leaf',
  'path',
  'point',
  'bridge',
  'loop',
  'grid',
  'hive',
  'spark',
  'field',
  'line',
  'works',
  'base',
  'mind',
  'flow',
  'gate',
  'shift',
  'craft',
  'scale',
  'light',
  'mark',
  'nest'
]

const COMPANY_SUFFIXES = [
  'Analytics',
  'Labs',
  'Software',
  'Systems',
  'Health',
  'Logistics',
  'Studio',
  'Cloud',
  'AI',
  'Robotics',
  'Media',
  'Security',
  'Payments',
  'Learning',
  'Energy',
  'Foods',
  'Travel',
  'HR',
  'Legal',
  'Inc.',
  'Ltd',
  'GmbH'
]

export const COMPANY_PARTS = {
  prefixes: COMPANY_PREFIXES,
  stems: COMPANY_STEMS,
  suffixes: COMPANY_SUFFIXES
} as const

export const DOMAIN_TLDS: readonly (readonly [string, number])[] = [
  ['com', 10],
  ['io', 4],
  ['co', 2],
  ['ai', 1],
  ['de', 1],
  ['co.uk', 1]
]

export const CUSTOMER_TAGS = [
  'enterprise',
  'smb',
  'mid-market',
  'annual-contract',
  'high-touch',
  'self-serve',
  'partner',
  'churn-risk',
  'upsell',
  'beta',
  'managed',
  'vip',
  'referral',
  'trial-converted',
  'nonprofit',
  'agency'
] as const

export const UTM_CAMPAIGNS = [
  'social media 1',
  'newsletter',
  'webinar-q2',
  'google-ads',
  'partner-referral',
  'product-hunt',
  'linkedin-abm'
] as const

export const INDUSTRIES = [
  'Software',
  'E-commerce',
  'Healthcare',
  'Education',
  'Financial Services',
  'Media',
  'Logistics',
  'Manufacturing',
  'Travel',
  'Real Estate'
] as const

export interface PlanTier {
  name: string
  /** Monthly list price in whole account-currency units. */
  monthly: number
}

/** Ascending price, so "upgrade" and "downgrade" mean something. */
export const PLAN_TIERS: readonly PlanTier[] = [
  { name: 'Starter', monthly: 19 },
  { name: 'Basic', monthly: 29 },
  { name: 'Growth', monthly: 49 },
  { name: 'Pro', monthly: 99 },
  { name: 'Business', monthly: 199 },
  { name: 'Premium', monthly: 399 },
  { name: 'Enterprise', monthly: 999 }
]

export interface PlanInterval {
  label: string
  unit: 'day' | 'month' | 'year'
  count: number
  /** Price of one billing period relative to the monthly price (annual = 10 months). */
  periodFactor: number
  /** Length of one billing period in months, to turn the period price into MRR. */
  months: number
  weight: number
}

export const PLAN_INTERVALS: readonly PlanInterval[] = [
  { label: 'Monthly', unit: 'month', count: 1, periodFactor: 1, months: 1, weight: 6 },
  { label: 'Annual', unit: 'year', count: 1, periodFactor: 10, months: 12, weight: 4 },
  { label: 'Quarterly', unit: 'month', count: 3, periodFactor: 2.85, months: 3, weight: 2 },
  { label: 'Semi-annual', unit: 'month', count: 6, periodFactor: 5.5, months: 6, weight: 1 },
  { label: 'Weekly', unit: 'day', count: 7, periodFactor: 0.25, months: 7 / 30, weight: 1 }
]
