/**
 * Injected failures, for testing a client's resilience. Every decision comes from a seeded
 * stream, one fixed-size draw per request, so a given fault seed and request order always
 * produce the same faults.
 *
 * Where a fault strikes matters to a client that writes:
 * - `429`, `5xx` (JSON or text) and `reset` happen BEFORE the request is handled: nothing changed;
 * - `truncated` and `malformed` corrupt the real response AFTER it was handled: a write happened;
 * - `applyThenFail` makes writes (POST/PATCH/DELETE) happen and then lose their response
 *   (`applyThenFailMode`), which is exactly the "did my create go through?" case.
 */
import { Rng, deriveSeed } from './random'

export type ApplyThenFailMode = 'reset' | 'gateway_timeout'

export interface FaultSettings {
  /** Added to every request before it is handled. */
  latencyMs: number
  /** Up to this much extra, uniformly drawn per request. */
  jitterMs: number
  /** Probabilities in 0..1 per request; their sum must not exceed 1. */
  rate429: number
  /** `500 {"code":500,…}` JSON. */
  rate5xxJson: number
  /** Plain-text `500 Internal Server Error` / `504 Gateway Timeout Error`, as recorded. */
  rate5xxText: number
  /** Socket destroyed without any response. */
  rateReset: number
  /** Status and headers (with the full Content-Length) sent, then part of the body, then close. */
  rateTruncated: number
  /** A complete 200 response whose body is not valid JSON. */
  rateMalformed: number
  /** Share of writes (0..1; `true` = all) that are applied and then fail. */
  applyThenFail: number
  applyThenFailMode: ApplyThenFailMode
  /**
   * `Retry-After` sent with injected 429s, as given: delay-seconds (`3600`) or an HTTP date
   * (`Wed, 21 Oct 2026 07:28:00 GMT`). Unset = none, as the real API sends.
   */
  retryAfter?: string
  /** Faults (not latency) only hit requests that match; unset = all requests. */
  match?: { methods?: string[]; pathPrefix?: string }
  seed: number
}

export type FaultSettingsInput = Partial<Omit<FaultSettings, 'applyThenFail'>> & {
  applyThenFail?: number | boolean
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  jitterMs: 0,
  rate429: 0,
  rate5xxJson: 0,
  rate5xxText: 0,
  rateReset: 0,
  rateTruncated: 0,
  rateMalformed: 0,
  applyThenFail: 0,
  applyThenFailMode: 'reset',
  seed: 1
}

export type PreFault = 'none' | '429' | '5xx_json' | '5xx_text' | 'reset'
export type PostFault = 'none' | 'truncated' | 'malformed'

export interface FaultDecision {
  delayMs: number
  pre: PreFault
  post: PostFault
  /** For `5xx_text`: which of the two recorded bodies. */
  textStatus: 500 | 504
  applyThenFail: boolean
}

const RATE_KEYS = [
  'rate429',
  'rate5xxJson',
  'rate5xxText',
  'rateReset',
  'rateTruncated',
  'rateMalformed'
] as const

function checkRate(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`fault ${name} must be between 0 and 1, got ${value}`)
  }
}

export function normalizeFaults(base: FaultSettings, input: FaultSettingsInput): FaultSettings {
  const applyThenFail =
    input.applyThenFail === undefined
      ? base.applyThenFail
      : typeof input.applyThenFail === 'boolean'
        ? input.applyThenFail
          ? 1
          : 0
        : input.applyThenFail
  // `{ rate429: undefined }` means "unchanged", not "erase".
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
  const next: FaultSettings = { ...base, ...defined, applyThenFail }
  for (const key of RATE_KEYS) checkRate(key, next[key])
  checkRate('applyThenFail', next.applyThenFail)
  const sum = RATE_KEYS.reduce((s, k) => s + next[k], 0)
  if (sum > 1 + 1e-9) throw new Error(`fault rates add up to ${sum}, more than 1`)
  if (next.latencyMs < 0 || next.jitterMs < 0) throw new Error('latency must not be negative')
  if (next.retryAfter !== undefined && !/^[\x20-\x7e]+$/.test(next.retryAfter)) {
    throw new Error(`fault retryAfter must be a printable header value, got ${next.retryAfter}`)
  }
  return next
}

export class FaultInjector {
  private settings: FaultSettings = NO_FAULTS
  private rng = new Rng(deriveSeed(NO_FAULTS.seed, 'faults'))

  constructor(input: FaultSettingsInput = {}) {
    this.set(input)
  }

  get current(): FaultSettings {
    return this.settings
  }

  /** Merges into the current settings; a new `seed` restarts the fault sequence. */
  set(input: FaultSettingsInput): void {
    const next = normalizeFaults(this.settings, input)
    if (input.seed !== undefined || this.settings === NO_FAULTS) {
      this.rng = new Rng(deriveSeed(next.seed, 'faults'))
    }
    this.settings = next
  }

  /** Back to no faults and no latency (the seed's sequence restarts). */
  reset(): void {
    this.settings = NO_FAULTS
    this.set({})
  }

  private matches(method: string, path: string): boolean {
    const m = this.settings.match
    if (!m) return true
    if (m.methods && !m.methods.includes(method)) return false
    if (m.pathPrefix && !path.startsWith(m.pathPrefix)) return false
    return true
  }

  decide(method: string, path: string, isWrite: boolean): FaultDecision {
    const s = this.settings
    const delayMs = s.latencyMs + (s.jitterMs > 0 ? this.rng.next() * s.jitterMs : 0)
    const none: FaultDecision = {
      delayMs,
      pre: 'none',
      post: 'none',
      textStatus: 500,
      applyThenFail: false
    }
    if (!this.matches(method, path)) return none
    // Always three draws, whatever the outcome, so one request's fault never shifts the next's.
    const pick = this.rng.next()
    const variant = this.rng.next()
    const atf = this.rng.next()
    const decision = { ...none, textStatus: variant < 0.5 ? 500 : 504 } as FaultDecision
    let edge = 0
    const outcomes: readonly [number, () => void][] = [
      [s.rate429, () => (decision.pre = '429')],
      [s.rate5xxJson, () => (decision.pre = '5xx_json')],
      [s.rate5xxText, () => (decision.pre = '5xx_text')],
      [s.rateReset, () => (decision.pre = 'reset')],
      [s.rateTruncated, () => (decision.post = 'truncated')],
      [s.rateMalformed, () => (decision.post = 'malformed')]
    ]
    for (const [rate, apply] of outcomes) {
      edge += rate
      if (pick < edge) {
        apply()
        break
      }
    }
    decision.applyThenFail = isWrite && decision.pre === 'none' && atf < s.applyThenFail
    return decision
  }
}
