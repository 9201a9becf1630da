/**
 * Lets a resource of a sync run wait until every resource of the run has fetched its pages.
 * The customers completeness check reads the activities and opportunities cached so far (which
 * customers do they name?): run while those are still being written, it sees a partial picture
 * and its long reads hold up their writes; run after, it is quick and complete.
 */
export class FetchBarrier {
  private readonly pending: Set<string>
  private readonly waiters: Array<() => void> = []

  constructor(resources: Iterable<string>) {
    this.pending = new Set(resources)
  }

  /** `resource` has fetched everything it will in this run (or has stopped trying). */
  arrive(resource: string): void {
    if (!this.pending.delete(resource) || this.pending.size > 0) return
    for (const wake of this.waiters.splice(0)) wake()
  }

  /** Resolves once every other resource has arrived (`resource` itself counts as arrived). */
  othersFetched(resource: string): Promise<void> {
    this.arrive(resource)
    if (this.pending.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }
}
