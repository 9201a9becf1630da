import { z } from 'zod'
import type { Customer } from '../../../shared/domain'
import {
  acceptingHyphenatedKeys,
  cents,
  id,
  looseRecord,
  optionalString,
  optionalTimestamp,
  stringList,
  text
} from './fields'

const wireAddress = z
  .object({
    country: optionalString,
    state: optionalString,
    city: optionalString,
    address_zip: optionalString
  })
  .nullish()

const wireAttributes = z
  .object({
    tags: stringList,
    custom: looseRecord,
    stripe: looseRecord,
    clearbit: looseRecord
  })
  .nullish()

/** `GET /v1/customers[/…]` record. Keys mix hyphens and underscores on the wire. */
export const wireCustomerSchema = acceptingHyphenatedKeys(
  z.object({
    id: z.number().int().nullish(),
    uuid: id,
    external_id: optionalString,
    external_ids: stringList,
    name: text,
    email: text,
    company: text,
    status: optionalString,
    customer_since: optionalTimestamp,
    attributes: wireAttributes,
    data_source_uuid: optionalString,
    data_source_uuids: stringList,
    country: optionalString,
    state: optionalString,
    city: optionalString,
    zip: optionalString,
    lead_created_at: optionalTimestamp,
    free_trial_started_at: optionalTimestamp,
    address: wireAddress,
    mrr: cents,
    arr: cents,
    billing_system_url: optionalString,
    chartmogul_url: optionalString,
    billing_system_type: optionalString,
    currency: optionalString,
    currency_sign: optionalString,
    owner: optionalString,
    website_url: optionalString
  })
)

export type WireCustomer = z.output<typeof wireCustomerSchema>

export function mapCustomer(wire: WireCustomer): Customer {
  const externalIds = unique(wire.external_ids)
  return {
    id: wire.id ?? null,
    uuid: wire.uuid,
    externalId: wire.external_id ?? externalIds[0] ?? null,
    externalIds,
    name: wire.name,
    email: wire.email,
    company: wire.company,
    // The list filter's spelling (`New_Lead`) is normalized to the display form.
    status: wire.status === null ? null : wire.status.replaceAll('_', ' '),
    customerSince: wire.customer_since,
    country: wire.country,
    state: wire.state,
    city: wire.city,
    zip: wire.zip,
    address: {
      country: wire.address?.country ?? null,
      state: wire.address?.state ?? null,
      city: wire.address?.city ?? null,
      zip: wire.address?.address_zip ?? null
    },
    tags: wire.attributes?.tags ?? [],
    customAttributes: wire.attributes?.custom ?? {},
    stripeAttributes: wire.attributes?.stripe ?? {},
    clearbitAttributes: wire.attributes?.clearbit ?? {},
    mrrCents: wire.mrr,
    arrCents: wire.arr,
    currency: wire.currency,
    currencySign: wire.currency_sign,
    billingSystemType: wire.billing_system_type,
    billingSystemUrl: wire.billing_system_url,
    chartmogulUrl: wire.chartmogul_url,
    dataSourceUuid: wire.data_source_uuid,
    // Merged customers repeat their data source in this list; a set is what it means.
    dataSourceUuids: unique(wire.data_source_uuids),
    owner: wire.owner,
    websiteUrl: wire.website_url,
    leadCreatedAt: wire.lead_created_at,
    freeTrialStartedAt: wire.free_trial_started_at
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
