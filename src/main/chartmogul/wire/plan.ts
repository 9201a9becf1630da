import { z } from 'zod'
import type { Plan } from '../../../shared/domain'
import { id, optionalString, text } from './fields'

/** `GET /v1/plans` record (listed under `plans`, not `entries`). */
export const wirePlanSchema = z.object({
  uuid: id,
  data_source_uuid: optionalString,
  name: text,
  interval_count: z.number().int().positive(),
  interval_unit: z.string().min(1),
  external_id: optionalString
})

export type WirePlan = z.output<typeof wirePlanSchema>

export function mapPlan(wire: WirePlan): Plan {
  return {
    uuid: wire.uuid,
    dataSourceUuid: wire.data_source_uuid,
    name: wire.name,
    intervalCount: wire.interval_count,
    intervalUnit: wire.interval_unit,
    externalId: wire.external_id
  }
}
