/**
 * The Monaco sync's `MonacoSource` in the app: steps, bounds and lookups come from the main
 * process over the bridge (main holds the key and the organization's rate limiter). Aborting
 * the engine's signal cancels the HTTP request in main, not just the wait here.
 */
import type {
  MonacoEntityRecord,
  MonacoSource,
  MonacoStep,
  MonacoStepRequest,
  MonacoSyncEntity
} from '../../../shared/sync/monacoSource'
import { call } from './bridge'

let sequence = 0

function abortError(): DOMException {
  return new DOMException('The sync was cancelled.', 'AbortError')
}

/** Runs one bridge call under a request id that `signal` can cancel in main. */
async function cancellable<T>(
  signal: AbortSignal | undefined,
  send: (requestId: string) => Promise<T>
): Promise<T> {
  if (signal?.aborted) throw abortError()
  const requestId = `monaco-${Date.now().toString(36)}-${(sequence++).toString(36)}`
  const cancel = (): void => void window.revdesk.cancelRequest({ requestId })
  signal?.addEventListener('abort', cancel, { once: true })
  try {
    const result = await send(requestId)
    if (signal?.aborted) throw abortError()
    return result
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
}

export function createBridgeMonacoSource(workspaceId: string): MonacoSource {
  return {
    listStep: <E extends MonacoSyncEntity>(request: MonacoStepRequest<E>, signal?: AbortSignal) =>
      cancellable(signal, (requestId) =>
        call('monacoListStep', { workspaceId, requestId, ...request })
      ) as Promise<MonacoStep<MonacoEntityRecord[E]>>,
    bounds: (request, signal) =>
      cancellable(signal, (requestId) =>
        call('monacoListBounds', { workspaceId, requestId, ...request })
      ),
    lookups: (signal) =>
      cancellable(signal, (requestId) => call('monacoLookups', { workspaceId, requestId }))
  }
}
