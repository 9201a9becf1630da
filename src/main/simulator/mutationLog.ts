/**
 * Every change to the simulated account, in order: writes that came in over HTTP (with the
 * status the handler chose and whether the response actually reached the client) and
 * out-of-band changes made by tests "as someone else". Tests read it to tell, for instance,
 * that a create whose response was lost did happen exactly once.
 */

export type MutationSource = 'api' | 'out_of_band'
export type MutationEntity = 'opportunity' | 'customer' | 'activity'
export type MutationAction = 'create' | 'update' | 'delete'

/**
 * How the HTTP response ended: `delivered` intact, or broken by an injected fault after the
 * handler ran. Out-of-band entries have no response and say `n/a`.
 */
export type MutationDelivery =
  'delivered' | 'reset' | 'truncated' | 'malformed' | 'server_error' | 'n/a'

/** `E`: the simulator's entity names (the Monaco simulator logs its own). */
export interface MutationLogEntry<E extends string = MutationEntity> {
  /** 1-based, increasing: the order changes were made in. */
  seq: number
  /** Server clock, ISO with milliseconds. */
  at: string
  source: MutationSource
  entity: E
  action: MutationAction
  /** HTTP method and path for API writes; null for out-of-band changes. */
  method: string | null
  path: string | null
  /** The request body as parsed (API) or the helper's input (out-of-band). */
  body: unknown
  /** The created/affected record's uuid, when there is one. */
  uuid: string | null
  /** HTTP status the handler produced; null for out-of-band changes. */
  status: number | null
  /** Whether state changed (false for rejected writes: 400/404/422). */
  applied: boolean
  delivery: MutationDelivery
}

export type NewMutationLogEntry<E extends string = MutationEntity> = Omit<
  MutationLogEntry<E>,
  'seq' | 'at'
>

export class MutationLog<E extends string = MutationEntity> {
  private readonly entries: MutationLogEntry<E>[] = []

  constructor(private readonly clock: () => Date) {}

  append(entry: NewMutationLogEntry<E>): MutationLogEntry<E> {
    const full: MutationLogEntry<E> = {
      seq: this.entries.length + 1,
      at: this.clock().toISOString(),
      ...entry
    }
    this.entries.push(full)
    return full
  }

  /** Live, read-only view in order. */
  all(): readonly MutationLogEntry<E>[] {
    return this.entries
  }

  clear(): void {
    this.entries.length = 0
  }
}
