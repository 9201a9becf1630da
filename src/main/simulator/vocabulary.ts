/**
 * The closed vocabularies of the simulated account: statuses, activity types and the CRM
 * pipelines. Shared by the generator (to produce consistent data) and the API (to validate
 * writes), so the two can never disagree.
 */
import type { ActivityType, CustomerStatus, ForecastCategory, OpportunityType } from './wire'

export const CUSTOMER_STATUSES: readonly CustomerStatus[] = [
  'Active',
  'Cancelled',
  'New Lead',
  'Past Due',
  'Qualified Lead',
  'Unqualified Lead',
  'Working Lead'
]

export const LEAD_STATUSES: readonly CustomerStatus[] = [
  'New Lead',
  'Working Lead',
  'Qualified Lead',
  'Unqualified Lead'
]

export function isLeadStatus(status: CustomerStatus): boolean {
  return LEAD_STATUSES.includes(status)
}

/**
 * The `status` query filter spells statuses with underscores (`New_Lead`) while responses use
 * spaces (`New Lead`). Returns null for values that name no status.
 */
export function statusFromFilter(value: string): CustomerStatus | null {
  const spaced = value.replace(/_/g, ' ')
  return CUSTOMER_STATUSES.find((s) => s === spaced) ?? null
}

export const ACTIVITY_TYPES: readonly ActivityType[] = [
  'new_biz',
  'reactivation',
  'expansion',
  'contraction',
  'churn'
]

export const FORECAST_CATEGORIES: readonly ForecastCategory[] = [
  'pipeline',
  'best_case',
  'committed',
  'lost',
  'won'
]

export const OPPORTUNITY_TYPES: readonly OpportunityType[] = ['recurring', 'one-time']

export interface StageDefinition {
  name: string
  /** What the API fills in when a create omits `win_likelihood` (per the API's field docs). */
  defaultWinLikelihood: number
  /** Forecast categories that make sense for the stage; the first is the default. */
  forecastCategories: readonly ForecastCategory[]
  closed: boolean
}

const stage = (
  name: string,
  defaultWinLikelihood: number,
  forecastCategories: readonly ForecastCategory[],
  closed = false
): StageDefinition => ({ name, defaultWinLikelihood, forecastCategories, closed })

/**
 * ChartMogul's default pipelines. The per-pipeline stage lists are not exposed by the API; the
 * New Business list follows the help-centre glossary, the Renewals list is an assumption.
 */
export const PIPELINES: Readonly<Record<string, readonly StageDefinition[]>> = {
  'New Business': [
    stage('Discovery', 10, ['pipeline', 'best_case']),
    stage('Evaluation', 30, ['pipeline', 'best_case']),
    stage('Negotiation', 60, ['best_case', 'committed']),
    stage('Verbal Commit', 80, ['committed', 'best_case']),
    stage('Closed Won', 100, ['won'], true),
    stage('Closed Lost', 0, ['lost'], true)
  ],
  Renewals: [
    stage('Discovery', 50, ['pipeline', 'best_case']),
    stage('Negotiation', 70, ['best_case', 'committed']),
    stage('Verbal Commit', 90, ['committed']),
    stage('Closed Won', 100, ['won'], true),
    stage('Closed Lost', 0, ['lost'], true)
  ]
}

export function findStage(pipeline: string, stageName: string): StageDefinition | undefined {
  return PIPELINES[pipeline]?.find((s) => s.name === stageName)
}

export const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  CAD: '$',
  AUD: '$',
  CHF: 'CHF',
  JPY: '¥',
  SEK: 'kr',
  NOK: 'kr',
  DKK: 'kr',
  PLN: 'zł',
  CZK: 'Kč',
  INR: '₹',
  BRL: 'R$',
  MXN: '$',
  NZD: '$',
  SGD: '$',
  HKD: '$',
  ZAR: 'R',
  ILS: '₪',
  TRY: '₺',
  KRW: '₩',
  CNY: '¥'
}

/** Currencies the simulated account accepts on opportunities. */
export const KNOWN_CURRENCIES: readonly string[] = Object.keys(CURRENCY_SIGNS)
