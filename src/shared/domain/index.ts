export type { Cents } from './money'
export { isCents } from './money'
export type { Customer, CustomerAddress, CustomerStatus, KnownCustomerStatus } from './customer'
export { CUSTOMER_STATUSES } from './customer'
export type { Plan, PlanIntervalUnit } from './plan'
export type { Activity, ActivityType, KnownActivityType } from './activity'
export { ACTIVITY_TYPES } from './activity'
export type {
  Opportunity,
  OpportunityDraft,
  OpportunityPatch,
  KnownOpportunityType,
  KnownForecastCategory
} from './opportunity'
export {
  OPPORTUNITY_TYPES,
  FORECAST_CATEGORIES,
  opportunityDraftSchema,
  opportunityPatchSchema
} from './opportunity'
export type { Account } from './account'
export type { ListPage, SkippedRecord, RecordIssue } from './listPage'
export type { MonacoDealDraft, MonacoDealPatch } from './monacoDeal'
export { monacoDealDraftSchema, monacoDealPatchSchema } from './monacoDeal'
export type {
  MonacoAccount,
  MonacoContact,
  MonacoUser,
  MonacoTag,
  MonacoMe,
  MonacoField,
  MonacoFieldSchema,
  MonacoEnumOption
} from './monaco'
