/**
 * Turns an untrusted `{ method, args }` from the page into a call of a typed handler.
 * It never throws and never rejects: whatever happens, the caller gets a `BridgeResult`.
 */
import type { z } from 'zod'
import { bridgeMethods, type ParsedArgsOf, type ResultOf } from '../../shared/bridge/contract'
import type { BridgeError, BridgeIssue, BridgeResult } from '../../shared/bridge/errors'
import { BRIDGE_METHOD_NAMES, type BridgeMethodName } from '../../shared/bridge/surface'
import { AppError } from './appError'

export type BridgeHandlers = {
  [M in BridgeMethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> | ResultOf<M>
}

export type Dispatch = (request: unknown) => Promise<BridgeResult<unknown>>

export interface DispatcherOptions {
  /** Where unexpected failures are reported (main's log); defaults to console.error. */
  logError?: (message: string, error: unknown) => void
}

/** How much of an unknown method name is echoed back: enough to spot a typo, never a payload. */
const ECHOED_NAME_LENGTH = 64

/** An unknown method name as it may be quoted in a message, whatever the page sent. */
function describeMethodName(name: unknown): string {
  if (typeof name !== 'string') return `a ${name === null ? 'null' : typeof name} (not a name)`
  const shown = name.length > ECHOED_NAME_LENGTH ? `${name.slice(0, ECHOED_NAME_LENGTH)}…` : name
  return `"${shown}"`
}

/** The request's `method` and `args`; a request that cannot even be read counts as empty. */
function readRequest(request: unknown): { method: unknown; args: unknown } {
  if (typeof request !== 'object' || request === null) return { method: undefined, args: undefined }
  try {
    const { method, args } = request as { method?: unknown; args?: unknown }
    return { method, args }
  } catch {
    return { method: undefined, args: undefined }
  }
}

function isMethodName(name: unknown): name is BridgeMethodName {
  return typeof name === 'string' && (BRIDGE_METHOD_NAMES as readonly string[]).includes(name)
}

function toIssues(error: z.ZodError): BridgeIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(arguments)',
    message: issue.message
  }))
}

function failure(error: BridgeError): BridgeResult<never> {
  return { ok: false, error }
}

export function createDispatcher(
  handlers: BridgeHandlers,
  options: DispatcherOptions = {}
): Dispatch {
  const logError = options.logError ?? ((message, error) => console.error(message, error))

  return async (request) => {
    const { method, args } = readRequest(request)
    if (!isMethodName(method)) {
      return failure({
        code: 'unknown_method',
        message: `The app has no method called ${describeMethodName(method)}.`
      })
    }
    let parsed: z.ZodSafeParseResult<unknown>
    try {
      parsed = bridgeMethods[method].args.safeParse(args)
    } catch {
      // Only reachable in-process (IPC delivers plain data): arguments whose getters throw.
      return failure({
        code: 'invalid_argument',
        message: `${method}: the arguments cannot be read.`
      })
    }
    if (!parsed.success) {
      const issues = toIssues(parsed.error)
      return failure({
        code: 'invalid_argument',
        message: `${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues
      })
    }
    try {
      const handler = handlers[method] as (args: unknown) => unknown
      const value = await handler(parsed.data)
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) {
        return failure({
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
          ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
          ...(error.requestedWaitMs !== undefined ? { requestedWaitMs: error.requestedWaitMs } : {})
        })
      }
      logError(`Bridge method "${method}" failed`, error)
      return failure({
        code: 'internal',
        message:
          'Something went wrong inside Revdesk. The details are in the app log; please try again.'
      })
    }
  }
}
