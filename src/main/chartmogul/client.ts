import type { z } from 'zod'
import {
  opportunityDraftSchema,
  opportunityPatchSchema,
  type Account,
  type Activity,
  type Customer,
  type ListPage,
  type Opportunity,
  type OpportunityDraft,
  type OpportunityPatch,
  type Plan
} from '../../shared/domain'
import { systemClock } from './clock'
import {
  ChartMogulError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  type FieldError
} from './errors'
import {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  basicAuthHeader,
  normalizeBaseUrl,
  readJson,
  sendRequest,
  type HttpConfig,
  type HttpRequest,
  type HttpResponse,
  type QueryValue
} from './http'
import { createRateLimiter, type RateLimiter } from './rateLimiter'
import type { GatewayCallOptions, GatewayTransportOptions } from '../gateway/clientOptions'
import { DEFAULT_RETRY_POLICY, withRetry, type AttemptInfo, type RetryPolicy } from './retry'
import { mapAccount, wireAccountSchema, wirePingSchema } from './wire/account'
import { mapActivity, wireActivitySchema } from './wire/activity'
import { mapCustomer, wireCustomerSchema } from './wire/customer'
import { parseListPage, parseSingle } from './wire/list'
import {
  OPPORTUNITY_WIRE_FIELDS,
  mapOpportunity,
  toWireOpportunityCreate,
  toWireOpportunityUpdate,
  wireOpportunitySchema
} from './wire/opportunity'
import { mapPlan, wirePlanSchema } from './wire/plan'

/**
 * The ChartMogul gateway: every call the app makes, returning domain objects. Each call goes
 * through the workspace's rate limiter and the retry policy; each list call returns one page.
 */

const CUSTOMERS = { key: 'entries', schema: wireCustomerSchema, map: mapCustomer } as const

export interface ChartMogulClientOptions extends GatewayTransportOptions {
  apiKey: string
  /** Default `https://api.chartmogul.com`; the `/v1` prefix is added. */
  baseUrl?: string
  /** Share one per workspace; a private one (20 req/s, 8 parallel) is made if omitted. */
  limiter?: RateLimiter
}

export type CallOptions = GatewayCallOptions

export interface PageParams {
  cursor?: string
  /** 1–200; ChartMogul's default and maximum is 200. */
  perPage?: number
}

export interface ListCustomersParams extends PageParams {
  dataSourceUuid?: string
  externalId?: string
  /** Display form (`New Lead`) or filter form (`New_Lead`). */
  status?: string
  /** Billing system, e.g. `Stripe`. */
  system?: string
}

export interface ListPlansParams extends PageParams {
  dataSourceUuid?: string
  externalId?: string
  system?: string
}

export interface ListActivitiesParams extends PageParams {
  /** ISO-8601 date or date-time. */
  startDate?: string
  endDate?: string
  type?: string
  order?: 'date' | '-date'
}

export interface ListOpportunitiesParams extends PageParams {
  customerUuid?: string
  owner?: string
  pipeline?: string
  pipelineStage?: string
  /** `YYYY-MM-DD`. */
  estimatedCloseDateOnOrAfter?: string
  estimatedCloseDateOnOrBefore?: string
}

export interface ChartMogulClient {
  /** Resolves if the key works. Not retried by default: it answers a user who is waiting. */
  ping(options?: CallOptions): Promise<void>
  getAccount(options?: CallOptions): Promise<Account>
  listCustomers(params?: ListCustomersParams, options?: CallOptions): Promise<ListPage<Customer>>
  getCustomer(uuid: string, options?: CallOptions): Promise<Customer>
  /** ChartMogul answers 404 when nothing matches; that is an empty page here. */
  searchCustomersByEmail(
    email: string,
    params?: PageParams,
    options?: CallOptions
  ): Promise<ListPage<Customer>>
  listPlans(params?: ListPlansParams, options?: CallOptions): Promise<ListPage<Plan>>
  listActivities(params?: ListActivitiesParams, options?: CallOptions): Promise<ListPage<Activity>>
  listOpportunities(
    params?: ListOpportunitiesParams,
    options?: CallOptions
  ): Promise<ListPage<Opportunity>>
  getOpportunity(uuid: string, options?: CallOptions): Promise<Opportunity>
  /** Never retried blindly: see retry.ts. May throw OutcomeUnknownError. */
  createOpportunity(draft: OpportunityDraft, options?: CallOptions): Promise<Opportunity>
  updateOpportunity(
    uuid: string,
    patch: OpportunityPatch,
    options?: CallOptions
  ): Promise<Opportunity>
  deleteOpportunity(uuid: string, options?: CallOptions): Promise<void>
  readonly limiter: RateLimiter
}

const MAX_PER_PAGE = 200

export function createChartMogulClient(options: ChartMogulClientOptions): ChartMogulClient {
  // Fail at configuration time, not on the first request.
  basicAuthHeader(options.apiKey)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (!(timeoutMs > 0)) throw new RangeError(`The timeout must be positive; got ${timeoutMs}.`)

  const clock = options.clock ?? systemClock
  const limiter = options.limiter ?? createRateLimiter({ clock })
  const basePolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  const http: HttpConfig = {
    apiKey: options.apiKey,
    baseUrl: normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    timeoutMs,
    userAgent: options.userAgent ?? 'Revdesk/dev',
    // Looked up per call so a test can stub the global after the client exists.
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    clock
  }

  async function call<T>(
    request: HttpRequest,
    interpret: (response: HttpResponse) => T,
    callOptions: CallOptions = {},
    /** Lets an attempt's error count as success (an already-deleted record on a retry). */
    treatAsSuccess?: (error: ChartMogulError, info: AttemptInfo) => T | undefined
  ): Promise<T> {
    const { signal } = callOptions
    return withRetry(
      async (info) => {
        const release = await limiter.acquire(signal)
        try {
          return interpret(await sendRequest(http, request, signal))
        } catch (error) {
          // Only a 429 that came from the server pauses the account (the limiter's own refusal
          // during a pause carries no status).
          if (error instanceof RateLimitedError && error.status === 429) {
            limiter.noteRateLimited(error.retryAfterMs, error.requestedWaitMs)
          }
          if (error instanceof ChartMogulError && treatAsSuccess) {
            const value = treatAsSuccess(error, info)
            if (value !== undefined) return value
          }
          throw error
        } finally {
          release()
        }
      },
      {
        method: request.method,
        request: { method: request.method, path: request.path, body: request.body },
        policy: { ...basePolicy, ...callOptions.retry },
        signal,
        clock,
        random: options.random,
        onRetry: options.onRetry
          ? (event) => options.onRetry?.({ ...event, method: request.method, path: request.path })
          : undefined
      }
    )
  }
  /** One GET of a list page, parsed and mapped; bad records are reported, not fatal. */
  function getPage<W, D>(
    path: string,
    query: Record<string, QueryValue>,
    resource: string,
    list: { key: 'entries' | 'plans'; schema: z.ZodType<W>; map: (wire: W) => D },
    callOptions?: CallOptions
  ): Promise<ListPage<D>> {
    return call(
      { method: 'GET', path, query, resource },
      (response) =>
        parseListPage(readJson(response), list.key, list.schema, list.map, response.status),
      callOptions
    )
  }

  function listCustomersQuery(params: ListCustomersParams): Record<string, QueryValue> {
    return {
      ...pageQuery(params),
      data_source_uuid: params.dataSourceUuid,
      external_id: params.externalId,
      status: params.status?.trim().replaceAll(' ', '_'),
      system: params.system
    }
  }

  const client: ChartMogulClient = {
    limiter,

    async ping(callOptions = {}) {
      await call(
        { method: 'GET', path: '/ping', resource: 'ping' },
        (response) => parseSingle(readJson(response), wirePingSchema, (w) => w, response.status),
        { ...callOptions, retry: { maxAttempts: 1, ...callOptions.retry } }
      )
    },

    async getAccount(callOptions) {
      return call(
        { method: 'GET', path: '/account', resource: 'account' },
        (response) =>
          parseSingle(readJson(response), wireAccountSchema, mapAccount, response.status),
        callOptions
      )
    },

    listCustomers(params = {}, callOptions) {
      return getPage('/customers', listCustomersQuery(params), 'customer', CUSTOMERS, callOptions)
    },

    async getCustomer(uuid, callOptions) {
      return call(
        { method: 'GET', path: `/customers/${segment(uuid, 'customer')}`, resource: 'customer' },
        (response) =>
          parseSingle(readJson(response), wireCustomerSchema, mapCustomer, response.status),
        callOptions
      )
    },

    async searchCustomersByEmail(email, params = {}, callOptions) {
      const trimmed = email.trim()
      if (trimmed === '') {
        throw new ValidationError([{ field: 'email', message: 'Enter an email address.' }])
      }
      try {
        return await getPage(
          '/customers/search',
          { email: trimmed, ...pageQuery(params) },
          'customer',
          CUSTOMERS,
          callOptions
        )
      } catch (error) {
        if (error instanceof NotFoundError) return emptyPage()
        throw error
      }
    },

    listPlans(params = {}, callOptions) {
      return getPage(
        '/plans',
        {
          ...pageQuery(params),
          data_source_uuid: params.dataSourceUuid,
          external_id: params.externalId,
          system: params.system
        },
        'plan',
        { key: 'plans', schema: wirePlanSchema, map: mapPlan },
        callOptions
      )
    },

    listActivities(params = {}, callOptions) {
      return getPage(
        '/activities',
        {
          ...pageQuery(params),
          // Hyphenated on this endpoint only.
          'start-date': params.startDate,
          'end-date': params.endDate,
          type: params.type,
          order: params.order
        },
        'activity',
        { key: 'entries', schema: wireActivitySchema, map: mapActivity },
        callOptions
      )
    },

    listOpportunities(params = {}, callOptions) {
      return getPage(
        '/opportunities',
        {
          ...pageQuery(params),
          customer_uuid: params.customerUuid,
          owner: params.owner,
          pipeline: params.pipeline,
          pipeline_stage: params.pipelineStage,
          estimated_close_date_on_or_after: params.estimatedCloseDateOnOrAfter,
          estimated_close_date_on_or_before: params.estimatedCloseDateOnOrBefore
        },
        'opportunity',
        { key: 'entries', schema: wireOpportunitySchema, map: mapOpportunity },
        callOptions
      )
    },

    async getOpportunity(uuid, callOptions) {
      return call(
        {
          method: 'GET',
          path: `/opportunities/${segment(uuid, 'opportunity')}`,
          resource: 'opportunity'
        },
        (response) =>
          parseSingle(readJson(response), wireOpportunitySchema, mapOpportunity, response.status),
        callOptions
      )
    },

    async createOpportunity(draft, callOptions) {
      const parsed = opportunityDraftSchema.safeParse(draft)
      if (!parsed.success) throw localValidationError(parsed.error.issues)
      return withDomainFieldNames(() =>
        call(
          {
            method: 'POST',
            path: '/opportunities',
            body: toWireOpportunityCreate(parsed.data),
            resource: 'opportunity'
          },
          (response) =>
            parseSingle(readJson(response), wireOpportunitySchema, mapOpportunity, response.status),
          callOptions
        )
      )
    },

    async updateOpportunity(uuid, patch, callOptions) {
      const path = `/opportunities/${segment(uuid, 'opportunity')}`
      const parsed = opportunityPatchSchema.safeParse(patch)
      if (!parsed.success) throw localValidationError(parsed.error.issues)
      return withDomainFieldNames(() =>
        call(
          {
            method: 'PATCH',
            path,
            body: toWireOpportunityUpdate(parsed.data),
            resource: 'opportunity'
          },
          (response) =>
            parseSingle(readJson(response), wireOpportunitySchema, mapOpportunity, response.status),
          callOptions
        )
      )
    },

    async deleteOpportunity(uuid, callOptions) {
      await call(
        {
          method: 'DELETE',
          path: `/opportunities/${segment(uuid, 'opportunity')}`,
          resource: 'opportunity'
        },
        // 200 `{}` or 204: nothing to read, so a garbled body does not undo a done delete.
        () => true,
        callOptions,
        // A 404 after a failed attempt means that attempt went through (or someone else
        // deleted it): either way the opportunity is gone, which is what was asked.
        (error, info) =>
          error instanceof NotFoundError && info.previousError !== null ? true : undefined
      )
    }
  }
  return client
}

function pageQuery(params: PageParams): Record<string, QueryValue> {
  const perPage =
    params.perPage === undefined
      ? undefined
      : Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(params.perPage)))
  return { cursor: params.cursor, per_page: perPage }
}

/** A path segment from a caller-supplied id; an empty id would silently hit the list URL. */
function segment(value: string, resource: string): string {
  const trimmed = value.trim()
  if (trimmed === '') {
    throw new ValidationError([{ field: 'uuid', message: `No ${resource} id was given.` }])
  }
  return encodeURIComponent(trimmed)
}

function emptyPage<T>(): ListPage<T> {
  return { items: [], skipped: [], cursor: null, hasMore: false }
}

function localValidationError(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>
): ValidationError {
  return new ValidationError(
    issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.map(String).join('.') : 'request',
      message: issue.message
    }))
  )
}

const DOMAIN_FIELD_BY_WIRE: ReadonlyMap<string, string> = new Map(
  Object.entries(OPPORTUNITY_WIRE_FIELDS).map(([domain, wire]) => [wire, domain])
)

/** Server-side field errors name wire fields; callers only know the domain names. */
async function withDomainFieldNames<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const renamed: FieldError[] = error.fieldErrors.map((fieldError) => ({
      ...fieldError,
      field: DOMAIN_FIELD_BY_WIRE.get(fieldError.field) ?? fieldError.field
    }))
    const translated = new ValidationError(renamed, {
      status: error.status,
      serverMessage: error.serverMessage,
      cause: error
    })
    translated.attempts = error.attempts
    throw translated
  }
}
