export type PlanIntervalUnit = 'day' | 'month' | 'year'

export interface Plan {
  /** `pl_…` */
  uuid: string
  dataSourceUuid: string | null
  name: string
  /** Billing every `intervalCount` × `intervalUnit`, e.g. 6 × month. */
  intervalCount: number
  intervalUnit: PlanIntervalUnit | (string & {})
  externalId: string | null
}
