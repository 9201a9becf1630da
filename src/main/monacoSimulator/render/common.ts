/** Pieces every resource renders the same way: owner, tag names, custom field keys. */
import type { CustomFieldDef, CustomValues, TagRecord, UserRecord } from '../records'

export interface RenderLookups {
  user: (id: string) => UserRecord | undefined
  tag: (id: string) => TagRecord | undefined
  customFields: readonly CustomFieldDef[]
}

export function ownerInfo(
  id: string | null,
  lookups: RenderLookups
): { id: string; first_name: string | null; last_name: string | null } | null {
  if (id === null) return null
  const user = lookups.user(id)
  return { id, first_name: user?.firstName ?? null, last_name: user?.lastName ?? null }
}

/** Requests carry tag ids; responses carry tag names. */
export function tagNames(ids: readonly string[], lookups: RenderLookups): string[] {
  return ids.flatMap((id) => {
    const tag = lookups.tag(id)
    return tag ? [tag.name] : []
  })
}

/** `custom_field_<uuid>: value`, in the org's field order. */
export function customKeys(
  values: CustomValues,
  lookups: RenderLookups
): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const def of lookups.customFields) {
    const v = values[def.id]
    if (v !== undefined) out[`custom_field_${def.id}`] = v
  }
  return out
}
