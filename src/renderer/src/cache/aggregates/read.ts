/** Reads the precomputed aggregates: a few hundred buckets, whatever the account's size. */
import type { WorkspaceCache } from '../db'
import type { CustomerBucket, DealBucket, MovementBucket } from './buckets'

export interface StoredBuckets {
  movements: MovementBucket[]
  customers: CustomerBucket[]
  deals: DealBucket[]
}

export function readAggregateBuckets(db: WorkspaceCache): Promise<StoredBuckets> {
  const movements = db.table<MovementBucket, string>('aggMovements')
  const customers = db.table<CustomerBucket, string>('aggCustomers')
  const deals = db.table<DealBucket, string>('aggDeals')
  return db.transaction('r', [movements, customers, deals], async () => {
    const [m, c, d] = await Promise.all([movements.toArray(), customers.toArray(), deals.toArray()])
    return { movements: m, customers: c, deals: d }
  })
}

/** Only the deal buckets (the pipeline dashboard of providers without MRR data). */
export function readDealBuckets(db: WorkspaceCache): Promise<DealBucket[]> {
  return db.table<DealBucket, string>('aggDeals').toArray()
}
