/**
 * Choices the OpenAPI leaves open about response bodies, so clients can be tested against
 * each reading:
 * - `nullFields`: the create example omits null fields (`actual_close_date`, `summary`,
 *   `last_activity_at`), as FastAPI's `exclude_none` does → default `omit`; `null` sends them.
 * - `stageAs`: responses show labels (`"Closed Won"` for a create that sent `"closed-won"`,
 *   `"Meeting Booked"`) and once a key (`"negotiation"`) → default `label`.
 */
export interface RenderOptions {
  nullFields: 'omit' | 'null'
  stageAs: 'label' | 'key'
}

export const DEFAULT_RENDER: RenderOptions = { nullFields: 'omit', stageAs: 'label' }

/** Drops null-valued keys (recursively into plain objects) when the option says so. */
export function tidy<T extends Record<string, unknown>>(body: T, options: RenderOptions): T {
  if (options.nullFields === 'null') return body
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(body)) {
    if (v === null) continue
    out[k] =
      typeof v === 'object' && !Array.isArray(v) ? tidy(v as Record<string, unknown>, options) : v
  }
  return out as T
}
