import { z } from 'zod'
import type { Activity } from '../../../shared/domain'
import { acceptingHyphenatedKeys, cents, id, optionalString, timestamp } from './fields'

/** `GET /v1/activities` entry. Every multi-word key is hyphenated on the wire. */
export const wireActivitySchema = acceptingHyphenatedKeys(
  z.object({
    uuid: id,
    date: timestamp,
    type: z.string().min(1),
    activity_mrr: cents,
    activity_mrr_movement: cents,
    activity_arr: cents,
    currency: optionalString,
    description: optionalString,
    customer_uuid: optionalString,
    customer_name: optionalString,
    customer_external_id: optionalString,
    plan_external_id: optionalString,
    subscription_external_id: optionalString,
    subscription_set_external_id: optionalString,
    // Called the billing connector on this endpoint; it is the data source.
    billing_connector_uuid: optionalString
  })
)

export type WireActivity = z.output<typeof wireActivitySchema>

export function mapActivity(wire: WireActivity): Activity {
  return {
    uuid: wire.uuid,
    date: wire.date,
    type: wire.type,
    mrrCents: wire.activity_mrr,
    mrrMovementCents: wire.activity_mrr_movement,
    arrCents: wire.activity_arr,
    currency: wire.currency,
    description: wire.description,
    customerUuid: wire.customer_uuid,
    customerName: wire.customer_name,
    customerExternalId: wire.customer_external_id,
    planExternalId: wire.plan_external_id,
    subscriptionExternalId: wire.subscription_external_id,
    subscriptionSetExternalId: wire.subscription_set_external_id,
    dataSourceUuid: wire.billing_connector_uuid
  }
}
