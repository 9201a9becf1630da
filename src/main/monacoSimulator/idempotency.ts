/**
 * `idempotency_key` on `POST /v1/opportunities/` ("to prevent duplicate creation"; "pass an
 * idempotency_key to safely retry creation"). The OpenAPI does not say what a repeat gets; the
 * simulator answers a repeat with the same body with the original response, byte for byte
 * (status, data and meta), and a repeat with a different body with 422. Only successful
 * creates are remembered: a refused create changed nothing, so its key stays free. Keys never
 * expire here (the real retention window is not documented).
 */
import type { ApiResponse } from './api/types'

interface Remembered {
  fingerprint: string
  response: ApiResponse
}

/** The body as canonical JSON (keys sorted at every level), so key order does not matter. */
export function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical)
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])])
      )
    }
    return v
  }
  return JSON.stringify(canonical(value))
}

export type IdempotencyOutcome =
  { kind: 'new' } | { kind: 'replay'; response: ApiResponse } | { kind: 'conflict' }

export class IdempotencyStore {
  private readonly byKey = new Map<string, Remembered>()

  check(key: string, body: unknown): IdempotencyOutcome {
    const seen = this.byKey.get(key)
    if (!seen) return { kind: 'new' }
    return seen.fingerprint === fingerprint(body)
      ? { kind: 'replay', response: structuredClone(seen.response) }
      : { kind: 'conflict' }
  }

  remember(key: string, body: unknown, response: ApiResponse): void {
    const { mutation: _mutation, ...plain } = response
    this.byKey.set(key, { fingerprint: fingerprint(body), response: structuredClone(plain) })
  }

  get size(): number {
    return this.byKey.size
  }
}
