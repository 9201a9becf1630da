/** Row builders for the Customer 360 and quick-jump tests. */
import type {
  CachedActivity,
  CachedCustomer,
  CachedOpportunity
} from '../../../src/renderer/src/cache'

export function customer(uuid: string, fields: Partial<CachedCustomer> = {}): CachedCustomer {
  return {
    id: null,
    uuid,
    externalId: null,
    externalIds: [],
    name: uuid,
    email: `${uuid}@example.com`,
    company: '',
    status: 'Active',
    customerSince: null,
    country: null,
    state: null,
    city: null,
    zip: null,
    address: { country: null, state: null, city: null, zip: null },
    tags: [],
    customAttributes: {},
    stripeAttributes: {},
    clearbitAttributes: {},
    mrrCents: 0,
    arrCents: 0,
    currency: 'USD',
    currencySign: '$',
    billingSystemType: null,
    billingSystemUrl: null,
    chartmogulUrl: null,
    dataSourceUuid: null,
    dataSourceUuids: [],
    owner: null,
    websiteUrl: null,
    leadCreatedAt: null,
    freeTrialStartedAt: null,
    _gen: 1,
    ...fields
  }
}

export function activity(
  uuid: string,
  customerUuid: string,
  date: string,
  mrrCents: number,
  mrrMovementCents = 0
): CachedActivity {
  return {
    uuid,
    date,
    type: 'expansion',
    mrrCents,
    mrrMovementCents,
    arrCents: mrrCents * 12,
    currency: 'USD',
    description: null,
    customerUuid,
    customerName: null,
    customerExternalId: null,
    planExternalId: null,
    subscriptionExternalId: null,
    subscriptionSetExternalId: null,
    dataSourceUuid: null,
    _gen: 1
  }
}

export function opportunity(
  uuid: string,
  customerUuid: string,
  estimatedCloseDate: string | null
): CachedOpportunity {
  return {
    uuid,
    customerUuid,
    owner: 'rep@example.com',
    pipeline: 'New Business',
    pipelineStage: 'Discovery',
    estimatedCloseDate,
    currency: 'USD',
    amountCents: 100_00,
    type: 'recurring',
    forecastCategory: 'pipeline',
    winLikelihood: 40,
    custom: {},
    createdAt: null,
    updatedAt: null,
    _gen: 1
  }
}
