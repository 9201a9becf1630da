/**
 * A tree of abort controllers: aborting a scope aborts its children directly, without an
 * event listener per child on the parent's signal (a run has dozens of partitions, and
 * runtimes warn about signals with many listeners).
 */
export class AbortScope {
  private readonly controller = new AbortController()
  private readonly children = new Set<AbortScope>()

  constructor(private readonly parent: AbortScope | null = null) {}

  get signal(): AbortSignal {
    return this.controller.signal
  }

  get aborted(): boolean {
    return this.controller.signal.aborted
  }

  /** A scope aborted with this one (or on its own); dispose it when its work ends. */
  child(): AbortScope {
    const child = new AbortScope(this)
    if (this.aborted) child.abort(this.signal.reason)
    else this.children.add(child)
    return child
  }

  abort(reason?: unknown): void {
    if (!this.aborted) this.controller.abort(reason)
    for (const child of this.children) child.abort(reason)
    this.children.clear()
  }

  /** Aborts whatever is still pending under this scope and detaches it from its parent. */
  dispose(): void {
    this.abort()
    this.parent?.children.delete(this)
  }
}
