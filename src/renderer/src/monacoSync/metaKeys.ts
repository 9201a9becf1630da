/**
 * What the Monaco sync keeps in the workspace cache's `meta` table (one database per
 * workspace, so each key is per workspace).
 */

/**
 * `{ schema: MonacoFieldSchema, at: ISO }`: the opportunity field schema (stages with their
 * labels, which fields are updatable, custom fields), replaced whole by every run's lookups.
 */
export const OPPORTUNITY_SCHEMA_KEY = 'monaco.opportunitySchema'

/**
 * `{ at: ISO, message }` once Monaco refused the `updated_at` filter (a validation error):
 * incremental passes cannot work for this workspace, so every later pass is a full one.
 */
export const UPDATED_AT_REFUSED_KEY = 'monaco.updatedAtFilterRefused'
