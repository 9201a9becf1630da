export {
  createOpportunity,
  editOpportunity,
  deleteOpportunity,
  OutboxInputError,
  OutboxDiskFullError,
  OutboxStateError,
  type EnqueueOptions
} from './enqueue'
export {
  createOutboxPusher,
  type ConflictChoice,
  type OutboxPusher,
  type OutboxPusherOptions,
  type PushOptions,
  type PushSummary,
  type PusherState
} from './pusher'
export {
  classifyPushFailure,
  mayHaveBeenApplied,
  pushFailureKind,
  type PushFailureClass
} from './failures'
export { matchesDraft, matchesMonacoDraft, pickReconciled } from './match'
export { pagedSyncDealGeneration, type DealGeneration } from './dealGeneration'
export { dealRulesFor, type DealLookups, type DealRules } from './dealRules'
export { allEntries as listOutboxEntries } from './store'
export {
  isLocalId,
  LOCAL_ID_PREFIX,
  type AnyOpportunityWrites,
  type DealDraft,
  type DealPatch,
  type EntryId,
  type FieldConflict,
  type FieldIssue,
  type OpportunityWrites,
  type PushEntry,
  type PushStatus,
  type WriteOptions
} from './types'
export type { OutboxOverview, OutboxPause } from './overview'
