/**
 * The ChartMogul gateway for the main process. Nothing outside `src/main/chartmogul` should
 * build URLs, read wire shapes or interpret HTTP statuses: use these.
 */
export {
  createChartMogulClient,
  type ChartMogulClient,
  type ChartMogulClientOptions,
  type CallOptions,
  type PageParams,
  type ListCustomersParams,
  type ListPlansParams,
  type ListActivitiesParams,
  type ListOpportunitiesParams
} from './client'
export { paginate, listAll, type ListFn } from './paginate'
export { matchesDraft, findOpportunitiesMatchingDraft } from './reconcile'
export {
  createRateLimiter,
  CHARTMOGUL_MAX_RATE_PER_SECOND,
  CHARTMOGUL_MAX_PARALLEL_CONNECTIONS,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimiterStats,
  type Release
} from './rateLimiter'
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type RetryEvent } from './retry'
export { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, type FetchLike } from './http'
export { systemClock, type Clock } from './clock'
export {
  ChartMogulError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  RejectedError,
  RateLimitedError,
  OfflineError,
  NetworkError,
  TimeoutError,
  ServerError,
  OutcomeUnknownError,
  CancelledError,
  BadResponseError,
  isChartMogulError,
  type ChartMogulErrorKind,
  type ChartMogulErrorInfo,
  type FieldError,
  type SentRequest
} from './errors'
export { mapCustomer, wireCustomerSchema } from './wire/customer'
export { mapPlan, wirePlanSchema } from './wire/plan'
export { mapActivity, wireActivitySchema } from './wire/activity'
export {
  mapOpportunity,
  wireOpportunitySchema,
  toWireOpportunityCreate,
  toWireOpportunityUpdate
} from './wire/opportunity'
export { mapAccount, wireAccountSchema } from './wire/account'
