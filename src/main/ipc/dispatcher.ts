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
    const method =
      typeof request === 'object' && request !== null
        ? (request as { method?: unknown }).method
        : undefined
    if (!isMethodName(method)) {
      return failure({
        code: 'unknown_method',
        message: `The app has no method called "${String(method)}".`
      })
    }
    const parsed = bridgeMethods[method].args.safeParse((request as { args?: unknown }).args)
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
