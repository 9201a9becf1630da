/** Wraps a MonacoSource to count what the engine asked for, and to step in at a chosen call. */
import type {
  MonacoEntityRecord,
  MonacoSource,
  MonacoStep,
  MonacoStepRequest,
  MonacoSyncEntity
} from '../../../../src/shared/sync/monacoSource'

export interface CountingMonacoSource extends MonacoSource {
  readonly steps: MonacoStepRequest[]
  /** Items received from successful steps, per entity. */
  readonly items: Record<MonacoSyncEntity, number>
  readonly boundsCalls: number
}

export type StepInterceptor = (
  request: MonacoStepRequest,
  index: number,
  forward: () => Promise<MonacoStep<object>>
) => Promise<MonacoStep<object>>

export function countingMonacoSource(
  inner: MonacoSource,
  intercept?: StepInterceptor
): CountingMonacoSource {
  const steps: MonacoStepRequest[] = []
  const items = { accounts: 0, contacts: 0, opportunities: 0 }
  let boundsCalls = 0
  return {
    steps,
    items,
    get boundsCalls() {
      return boundsCalls
    },
    async listStep<E extends MonacoSyncEntity>(
      request: MonacoStepRequest<E>,
      signal?: AbortSignal
    ) {
      const index = steps.length
      steps.push(structuredClone(request))
      const forward = () => inner.listStep(request, signal) as Promise<MonacoStep<object>>
      const step = await (intercept ? intercept(request, index, forward) : forward())
      items[request.entity] += step.items.length
      return step as MonacoStep<MonacoEntityRecord[E]>
    },
    bounds(request, signal) {
      boundsCalls += 1
      return inner.bounds(request, signal)
    },
    lookups: (signal) => inner.lookups(signal)
  }
}
