import type { z } from 'zod'
import type { SkippedRecord } from '../../shared/domain'
import { systemClock } from '../chartmogul/clock'
import {
  ChartMogulError,
  NotFoundError,
  RateLimitedError,
  ValidationError
} from '../chartmogul/errors'
import {
  DEFAULT_RETRY_POLICY,
  withRetry,
  type AttemptInfo,
  type RetryPolicy
} from '../chartmogul/retry'
import {
  DEFAULT_MONACO_API_PREFIX,
  DEFAULT_MONACO_BASE_URL,
  normalizeApiPrefix,
  normalizeMonacoBaseUrl
} from './baseUrl'
import type { GatewayCallOptions, GatewayTransportOptions } from '../gateway/clientOptions'
import { asMonacoError } from './errorText'
import {
  DEFAULT_MONACO_TIMEOUT_MS,
  bearerAuthHeader,
  readMonacoJson,
  sendMonacoRequest,
  type MonacoHttpConfig,
  type MonacoHttpRequest,
  type MonacoHttpResponse,
  type QueryValue
} from './http'
import { toWireListRequest, type MonacoListParams } from './listRequest'
import type {
  MonacoEntityModels,
  MonacoFieldSchema,
  MonacoListEntity,
  MonacoListPage,
  MonacoMe,
  MonacoOpportunity,
  MonacoOpportunityDraft,
  MonacoOpportunityPatch,
  MonacoTag,
  MonacoUser
} from './models'
import { LIST_OPERATION, MONACO_OPERATIONS, operationPath, type MonacoOperationName } from './paths'
import { createMonacoRateLimiter, type MonacoRateLimiter } from './rateLimiter'
import { mapAccount, wireAccountSchema } from './wire/account'
import { mapContact, wireContactSchema } from './wire/contact'
import { parseArray, parseItem, parseListPage } from './wire/envelope'
import { mapField, summarizeFieldSchema, wireFieldSchema } from './wire/fieldSchema'
import { mapOpportunity, wireOpportunitySchema } from './wire/opportunity'
import {
  domainFieldName,
  toWireOpportunityCreate,
  toWireOpportunityUpdate,
  type WriteResult
} from './wire/opportunityWrite'
import { mapTag, wireTagSchema } from './wire/tag'
import { mapMe, mapUser, wireMeSchema, wireUserSchema } from './wire/user'

/**
 * The Monaco gateway: every call Revdesk makes to Monaco, returning camelCase models. Each
 * call goes through the organization's rate limiter and the shared retry policy.
 *
 * Retries (the ChartMogul gateway's policy, retry.ts): reads — including the list calls,
 * which are POSTs that change nothing — PATCH and DELETE are retried on network errors,
 * timeouts, 429, 5xx and unreadable bodies. A create is sent again only when Monaco provably
 * did not run it (429, 503, nothing sent); anything ambiguous is an OutcomeUnknownError.
 * The caller resends it *with the same idempotency key* (stored with the outbox entry), which
 * Monaco documents as the way to "safely retry creation" — so there is no look-for-a-match
 * step as with ChartMogul. The gateway does not resend ambiguous creates itself because
 * Monaco does not say how long a key is remembered or what a replay answers (UNCONFIRMED):
 * the outbox, which persists the key and sees the replay's answer, is the right place.
 */

export type MonacoSchemaEntity =
  'accounts' | 'contacts' | 'meetings' | 'opportunities' | 'sequences' | 'tasks'
export type MonacoTagObject = 'contacts' | 'accounts' | 'opportunities'

export interface MonacoClientOptions extends GatewayTransportOptions {
  /** `mks_…`, sent as `Authorization: Bearer …`. */
  apiKey: string
  /** Default `https://api.monaco.com`. */
  baseUrl?: string
  /** Default `/v1`; vendor material also shows `/v1/preview`. */
  apiPrefix?: string
  /** Share one per organization; a private one (80/min, 800/h, 4 in flight) if omitted. */
  limiter?: MonacoRateLimiter
}

export type MonacoCallOptions = GatewayCallOptions

export interface MonacoItems<T> {
  items: T[]
  skipped: SkippedRecord[]
}

export interface MonacoClient {
  /** Verifies the key: who it acts as, in which organization. Not retried (a user waits). */
  me(options?: MonacoCallOptions): Promise<MonacoMe>
  listPage<E extends MonacoListEntity>(
    entity: E,
    params?: MonacoListParams,
    options?: MonacoCallOptions
  ): Promise<MonacoListPage<MonacoEntityModels[E]>>
  getFieldSchema(
    entity: MonacoSchemaEntity,
    options?: MonacoCallOptions
  ): Promise<MonacoFieldSchema>
  /** Every user of the organization (unpaginated); `query` filters by name or email. */
  listUsers(
    params?: { query?: string },
    options?: MonacoCallOptions
  ): Promise<MonacoItems<MonacoUser>>
  /** Every tag of one object type (unpaginated); default opportunities. */
  listTags(object?: MonacoTagObject, options?: MonacoCallOptions): Promise<MonacoItems<MonacoTag>>
  getOpportunity(id: string, options?: MonacoCallOptions): Promise<MonacoOpportunity>
  /**
   * `idempotencyKey` must be a UUID the caller stored with the outbox entry and passes again
   * on every retry. May throw OutcomeUnknownError: resend with the same key.
   */
  createOpportunity(
    draft: MonacoOpportunityDraft,
    idempotencyKey: string,
    options?: MonacoCallOptions
  ): Promise<MonacoOpportunity>
  /** PATCH: only the given fields. A `tagIds` list replaces every tag. */
  updateOpportunity(
    id: string,
    patch: MonacoOpportunityPatch,
    options?: MonacoCallOptions
  ): Promise<MonacoOpportunity>
  /** 204; a 404 after a failed attempt also counts as deleted. */
  deleteOpportunity(id: string, options?: MonacoCallOptions): Promise<void>
  readonly limiter: MonacoRateLimiter
}

/** Per listable entity: what its records are called and how a page of them is read. */
const LIST_PARSERS: {
  [E in MonacoListEntity]: {
    resource: string
    parse: (body: unknown, status: number) => MonacoListPage<MonacoEntityModels[E]>
  }
} = {
  accounts: {
    resource: 'account',
    parse: (body, status) => parseListPage(body, wireAccountSchema, mapAccount, status)
  },
  contacts: {
    resource: 'contact',
    parse: (body, status) => parseListPage(body, wireContactSchema, mapContact, status)
  },
  opportunities: {
    resource: 'opportunity',
    parse: (body, status) => parseListPage(body, wireOpportunitySchema, mapOpportunity, status)
  }
}

export function createMonacoClient(options: MonacoClientOptions): MonacoClient {
  // Fail at configuration time, not on the first request.
  bearerAuthHeader(options.apiKey)
  const timeoutMs = options.timeoutMs ?? DEFAULT_MONACO_TIMEOUT_MS
  if (!(timeoutMs > 0)) throw new RangeError(`The timeout must be positive; got ${timeoutMs}.`)

  const clock = options.clock ?? systemClock
  const limiter = options.limiter ?? createMonacoRateLimiter({ clock })
  const basePolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  const http: MonacoHttpConfig = {
    apiKey: options.apiKey,
    baseUrl: normalizeMonacoBaseUrl(options.baseUrl ?? DEFAULT_MONACO_BASE_URL),
    apiPrefix: normalizeApiPrefix(options.apiPrefix ?? DEFAULT_MONACO_API_PREFIX),
    timeoutMs,
    userAgent: options.userAgent ?? 'Revdesk/dev',
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    clock
  }

  interface Call<T> {
    operation: MonacoOperationName
    params?: Record<string, string>
    query?: Record<string, QueryValue>
    body?: unknown
    resource: string
    interpret: (response: MonacoHttpResponse) => T
    /** Lets an attempt's error count as success (an already-deleted record on a retry). */
    treatAsSuccess?: (error: ChartMogulError, info: AttemptInfo) => T | undefined
  }

  async function call<T>(spec: Call<T>, callOptions: MonacoCallOptions = {}): Promise<T> {
    const { method } = MONACO_OPERATIONS[spec.operation]
    const request: MonacoHttpRequest = {
      method,
      path: operationPath(spec.operation, spec.params),
      query: spec.query,
      body: spec.body,
      resource: spec.resource
    }
    const { signal } = callOptions
    try {
      return await withRetry(
        async (info) => {
          const release = await limiter.acquire(signal)
          try {
            return spec.interpret(await sendMonacoRequest(http, request, signal))
          } catch (error) {
            // Only Monaco's own 429 pauses the org (the limiter's refusals carry no status).
            if (error instanceof RateLimitedError && error.status === 429) {
              limiter.noteRateLimited(error.retryAfterMs, error.requestedWaitMs)
            }
            if (error instanceof ChartMogulError && spec.treatAsSuccess) {
              const value = spec.treatAsSuccess(error, info)
              if (value !== undefined) return value
            }
            throw error
          } finally {
            release()
          }
        },
        {
          // A list is a POST that changes nothing: retried like a read, never "outcome unknown".
          method: spec.operation.startsWith('list') ? 'GET' : method,
          request: { method, path: request.path, body: request.body },
          policy: { ...basePolicy, ...callOptions.retry },
          signal,
          clock,
          random: options.random,
          onRetry: options.onRetry
            ? (event) => options.onRetry?.({ ...event, method, path: request.path })
            : undefined
        }
      )
    } catch (error) {
      // Errors made by the retry loop (OutcomeUnknown, Cancelled) get Monaco's sentence too.
      if (error instanceof ChartMogulError) throw asMonacoError(error)
      throw error
    }
  }

  function item<W, D>(schema: z.ZodType<W>, map: (wire: W) => D) {
    return (response: MonacoHttpResponse) =>
      parseItem(readMonacoJson(response), schema, map, response.status)
  }

  function array<W, D>(schema: z.ZodType<W>, map: (wire: W) => D) {
    return (response: MonacoHttpResponse) =>
      parseArray(readMonacoJson(response), schema, map, response.status)
  }

  const opportunityItem = item(wireOpportunitySchema, mapOpportunity)

  return {
    limiter,

    me(callOptions = {}) {
      return call(
        { operation: 'me', resource: 'user', interpret: item(wireMeSchema, mapMe) },
        { ...callOptions, retry: { maxAttempts: 1, ...callOptions.retry } }
      )
    },

    async listPage(entity, params = {}, callOptions) {
      const parser = LIST_PARSERS[entity]
      return call(
        {
          operation: LIST_OPERATION[entity],
          body: toWireListRequest(params),
          resource: parser.resource,
          interpret: (response) => parser.parse(readMonacoJson(response), response.status)
        },
        callOptions
      )
    },

    async getFieldSchema(entity, callOptions) {
      const { items, skipped } = await call(
        {
          operation: 'getFieldSchema',
          params: { entity },
          resource: 'field schema',
          interpret: array(wireFieldSchema, mapField)
        },
        callOptions
      )
      return { ...summarizeFieldSchema(items), skipped }
    },

    listUsers(params = {}, callOptions) {
      return call(
        {
          operation: 'listUsers',
          query: { query: params.query?.trim() },
          resource: 'user',
          interpret: array(wireUserSchema, mapUser)
        },
        callOptions
      )
    },

    listTags(object = 'opportunities', callOptions) {
      return call(
        {
          operation: 'listTags',
          query: { object },
          resource: 'tag',
          interpret: array(wireTagSchema, mapTag)
        },
        callOptions
      )
    },

    getOpportunity(id, callOptions) {
      return call(
        {
          operation: 'getOpportunity',
          params: { opportunity_id: id },
          resource: 'opportunity',
          interpret: opportunityItem
        },
        callOptions
      )
    },

    async createOpportunity(draft, idempotencyKey, callOptions) {
      const body = writable(toWireOpportunityCreate(draft, idempotencyKey))
      return withDomainFieldNames(() =>
        call(
          {
            operation: 'createOpportunity',
            body,
            resource: 'opportunity',
            interpret: opportunityItem
          },
          callOptions
        )
      )
    },

    async updateOpportunity(id, patch, callOptions) {
      const body = writable(toWireOpportunityUpdate(patch))
      return withDomainFieldNames(() =>
        call(
          {
            operation: 'updateOpportunity',
            params: { opportunity_id: id },
            body,
            resource: 'opportunity',
            interpret: opportunityItem
          },
          callOptions
        )
      )
    },

    async deleteOpportunity(id, callOptions) {
      await call(
        {
          operation: 'deleteOpportunity',
          params: { opportunity_id: id },
          resource: 'opportunity',
          // 204: nothing to read, so a stray body does not undo a done delete.
          interpret: () => true,
          // A 404 after a failed attempt means that attempt went through (or someone else
          // deleted it): either way the opportunity is gone, which is what was asked.
          treatAsSuccess: (error, info) =>
            error instanceof NotFoundError && info.previousError !== null ? true : undefined
        },
        callOptions
      )
    }
  }
}

/** A write refused locally is a ValidationError with no status (nothing was sent). */
function writable<T>(result: WriteResult<T>): T {
  if (result.ok) return result.value
  throw new ValidationError(result.fieldErrors)
}

/** Monaco's field errors name wire fields; callers only know the camelCase names. */
async function withDomainFieldNames<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    if (!(error instanceof ValidationError) || error.local) throw error
    const translated = new ValidationError(
      error.fieldErrors.map((fieldError) => ({
        ...fieldError,
        field: domainFieldName(fieldError.field)
      })),
      { status: error.status, serverMessage: error.serverMessage, cause: error }
    )
    translated.attempts = error.attempts
    throw asMonacoError(translated)
  }
}
