/** What the deal editor is open on: a new deal (maybe for a given parent) or a cached one. */
export type DealEditorTarget =
  { kind: 'create'; customerUuid?: string } | { kind: 'edit'; uuid: string }
