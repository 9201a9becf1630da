/**
 * The rules an MRR history obeys, for activities that tests add out of band: which movement
 * may follow which, and what MRR it leaves. Same rules the generator's state machine follows.
 */
import type { ActivityType } from './wire'

export interface ActivitySpec {
  type: ActivityType
  /** Default: one second after the customer's last activity, or the server clock if later. */
  date?: string | Date
  /** MRR after the activity, in cents (ignored for churn, which always ends at 0). */
  mrr?: number
  planExternalId?: string
  description?: string
}

function positive(mrr: number, spec: ActivitySpec): number {
  if (!Number.isInteger(mrr) || mrr <= 0) {
    throw new Error(`addActivities: ${spec.type} needs a positive integer mrr`)
  }
  return mrr
}

/** MRR after `spec`, given the MRR before it; throws when the movement could not happen. */
export function nextMrr(spec: ActivitySpec, current: number, hasHistory: boolean): number {
  const fail = (why: string): never => {
    throw new Error(`addActivities: ${spec.type} ${why}`)
  }
  switch (spec.type) {
    case 'new_biz':
      if (hasHistory) fail('only as the first activity')
      return positive(spec.mrr ?? 9_900, spec)
    case 'reactivation':
      if (!hasHistory || current !== 0) fail('only after a churn')
      return positive(spec.mrr ?? 9_900, spec)
    case 'churn':
      if (current === 0) fail('needs positive MRR')
      return 0
    case 'expansion': {
      if (current === 0) fail('needs positive MRR')
      const next = spec.mrr ?? Math.round(current * 1.2) + 100
      if (next <= current) fail('must increase MRR')
      return next
    }
    case 'contraction': {
      if (current === 0) fail('needs positive MRR')
      const next = spec.mrr ?? Math.max(1, Math.round(current * 0.8))
      if (next >= current || next <= 0) fail('must decrease MRR and stay positive')
      return next
    }
  }
}

/** The generator's wording, so test-added activities read like the rest. */
export function describeActivity(type: ActivityType, planName: string): string {
  const plan = `the ${planName} plan`
  switch (type) {
    case 'new_biz':
      return `purchased ${plan}`
    case 'reactivation':
      return `reactivated ${plan}`
    case 'churn':
      return `cancelled ${plan}`
    case 'expansion':
      return `expanded ${plan}`
    case 'contraction':
      return `contracted ${plan}`
  }
}
