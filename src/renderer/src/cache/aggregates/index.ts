export { aggregatesMiddleware } from './middleware'
export { computeAggregates, readStoredAggregates, rebuildAggregates } from './rebuild'
export { readAggregateBuckets, readDealBuckets, type StoredBuckets } from './read'
export type { CustomerBucket, DealBucket, MovementBucket } from './buckets'
