/**
 * The Monaco gateway for the main process (not wired into the app yet). Nothing outside
 * `src/main/monaco` should build Monaco URLs, read its wire shapes or interpret its statuses.
 */
export {
  createMonacoClient,
  type MonacoClient,
  type MonacoClientOptions,
  type MonacoCallOptions,
  type MonacoItems,
  type MonacoSchemaEntity,
  type MonacoTagObject
} from './client'
export {
  createMonacoRateLimiter,
  monacoBudget,
  MONACO_DOCUMENTED_PER_MINUTE,
  MONACO_DOCUMENTED_PER_HOUR,
  DEFAULT_BUDGET_FRACTION,
  type MonacoRateLimiter,
  type MonacoRateLimiterOptions,
  type MonacoRateLimiterStats
} from './rateLimiter'
export { listAllPages, type MonacoListFn, type MonacoListing } from './paginate'
export {
  listByCreatedAt,
  type KeysetListing,
  type KeysetListingOptions,
  type KeysetListParams,
  type KeysetPage
} from './keysetListing'
export { START_POSITION, type KeysetPosition } from './keysetPosition'
export {
  MAX_PAGE_SIZE,
  type MonacoListParams,
  type MonacoFilters,
  type MonacoFilterRule,
  type MonacoFilterExpression
} from './listRequest'
export { MONACO_OPERATIONS, type MonacoOperationName } from './paths'
export { DEFAULT_MONACO_BASE_URL, DEFAULT_MONACO_API_PREFIX } from './baseUrl'
export { DEFAULT_MONACO_TIMEOUT_MS } from './http'
export { MONACO_KEY_PREFIX, monacoKeyShapeHint, describeMonacoIdentity } from './apiKey'
export type * from './models'
