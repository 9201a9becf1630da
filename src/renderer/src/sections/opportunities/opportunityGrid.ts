/**
 * The Opportunities grid on top of the shared column set: a "Sync" column saying which deals
 * have changes waiting (or refused, or conflicting), and quick edits of stage, forecast,
 * amount and close date that go the same way as the editor (validated, queued in the outbox).
 */
import type { ColDef } from 'ag-grid-community'
import type { CachedOpportunity, OutboxEntry } from '../../cache'
import { FORECAST_CATEGORIES, type OpportunityPatch } from '../../../../shared/domain'
import {
  capabilitiesOf,
  type ProviderCapabilities
} from '../../../../shared/providers/capabilities'
import { dealColumns } from '../data/columns'
import { AmountCellEditor } from './amountCellEditor'

/** Where a deal's local changes stand, worst first. */
export type DealSyncState = 'conflict' | 'failed' | 'pending'

export const SYNC_LABELS: Record<DealSyncState, string> = {
  conflict: 'Conflict',
  failed: 'Failed',
  pending: 'Pending'
}

export type OpportunityRow = CachedOpportunity & {
  customerName?: string | null
  /** From the outbox when the rows were read; rows from a live sync page only have `_dirty`. */
  _sync?: DealSyncState | null
}

const RANK: Record<DealSyncState, number> = { conflict: 3, failed: 2, pending: 1 }

function stateOf(entry: OutboxEntry): DealSyncState {
  if (entry.status === 'conflict') return 'conflict'
  if (entry.status === 'failed') return 'failed'
  return 'pending'
}

/** Copies of the rows with `_sync` set from their outbox entries. */
export function withSyncState(
  rows: readonly OpportunityRow[],
  entries: readonly OutboxEntry[]
): OpportunityRow[] {
  const worst = new Map<string, DealSyncState>()
  for (const entry of entries) {
    const state = stateOf(entry)
    const current = worst.get(entry.opportunityUuid)
    if (current === undefined || RANK[state] > RANK[current]) {
      worst.set(entry.opportunityUuid, state)
    }
  }
  return rows.map((row) => ({ ...row, _sync: worst.get(row.uuid) ?? null }))
}

export function syncStateOf(row: OpportunityRow | undefined): DealSyncState | null {
  if (!row) return null
  return row._sync ?? (row._dirty === 1 ? 'pending' : null)
}

/**
 * Stage choices per pipeline: the stages seen in the cache for it, then the given defaults
 * (ChartMogul has no endpoint listing a pipeline's stages).
 */
export function stagesByPipeline(
  rows: readonly { pipeline: string; pipelineStage: string }[],
  defaults: readonly string[]
): Map<string, string[]> {
  const seen = new Map<string, Set<string>>()
  for (const row of rows) {
    const set = seen.get(row.pipeline) ?? new Set<string>()
    set.add(row.pipelineStage)
    seen.set(row.pipeline, set)
  }
  const result = new Map<string, string[]>()
  for (const [pipeline, stages] of seen) {
    const list = [...stages].sort((a, b) => a.localeCompare(b))
    for (const stage of defaults) if (!stages.has(stage)) list.push(stage)
    result.set(pipeline, list)
  }
  return result
}

export type QuickEditField =
  'pipelineStage' | 'forecastCategory' | 'amountCents' | 'estimatedCloseDate'

export const QUICK_EDIT_LABELS: Record<QuickEditField, string> = {
  pipelineStage: 'stage',
  forecastCategory: 'forecast category',
  amountCents: 'amount',
  estimatedCloseDate: 'close date'
}

/** Amount text in major units → integer cents, or a message saying what is wrong. */
export type ParseAmount = (
  text: string,
  currency: string
) => { ok: true; cents: number } | { ok: false; message: string }

/**
 * The patch a quick edit asks for, or why it cannot be one. Full validation happens when it is
 * queued (the same schema as the editor); this only turns the cell's input into a field value.
 */
export function quickEditPatch(
  field: QuickEditField,
  input: unknown,
  row: Pick<CachedOpportunity, 'currency'>,
  parseAmount: ParseAmount
): { ok: true; patch: OpportunityPatch } | { ok: false; message: string } {
  const text = typeof input === 'string' ? input.trim() : input == null ? '' : String(input)
  switch (field) {
    case 'amountCents': {
      const parsed = parseAmount(text, row.currency)
      return parsed.ok ? { ok: true, patch: { amountCents: parsed.cents } } : parsed
    }
    case 'forecastCategory': {
      const category = FORECAST_CATEGORIES.find((c) => c === text)
      if (category === undefined) {
        return { ok: false, message: `Choose one of: ${FORECAST_CATEGORIES.join(', ')}.` }
      }
      return { ok: true, patch: { forecastCategory: category } }
    }
    case 'estimatedCloseDate':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        return { ok: false, message: 'Enter the close date as a date (YYYY-MM-DD).' }
      }
      return { ok: true, patch: { estimatedCloseDate: text } }
    case 'pipelineStage':
      if (text === '') return { ok: false, message: 'A stage cannot be empty.' }
      return { ok: true, patch: { pipelineStage: text } }
  }
}

export function isQuickEditField(field: string): field is QuickEditField {
  return Object.hasOwn(QUICK_EDIT_LABELS, field)
}

export interface OpportunityColumnsOptions {
  /** The stage choices (keys) for a row's pipeline. */
  stagesFor: (pipeline: string) => string[]
  /** Whose deals these are (default ChartMogul): which columns exist and which may be edited. */
  capabilities?: ProviderCapabilities
  /** What a stage key reads as, in the stage column and its editor (default: the key). */
  stageLabel?: (key: string) => string
  /** Runtime knowledge on top of the capability table (Monaco's `updatable: false`). */
  canEdit?: (field: QuickEditField) => boolean
}

/**
 * The Opportunities columns: a Sync column first, and the quick-editable cells. The grid runs
 * in read-only edit mode: an edit is a request (see `quickEditPatch`), queued in the outbox;
 * the cell shows the cache's value, with its Pending badge, once the row is re-read.
 */
export function opportunityColumns(options: OpportunityColumnsOptions): ColDef<OpportunityRow>[] {
  const capabilities = options.capabilities ?? capabilitiesOf('chartmogul')
  const quickEditable = (field: QuickEditField): boolean =>
    capabilities.dealFields[field]?.editable === true && (options.canEdit?.(field) ?? true)
  const editable = (extra: Partial<ColDef<OpportunityRow>>): Partial<ColDef<OpportunityRow>> => ({
    editable: true,
    // Keep what was typed as it is ("1,234.50"): the data type's number parser would lose it.
    valueParser: (params) => params.newValue as unknown,
    ...extra
  })
  const decorate: Partial<Record<string, Partial<ColDef<OpportunityRow>>>> = {
    pipelineStage: editable({
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: (params: { data?: OpportunityRow }) => ({
        values: params.data ? options.stagesFor(params.data.pipeline) : []
      })
    }),
    forecastCategory: editable({
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...FORECAST_CATEGORIES] }
    }),
    amountCents: editable({ cellEditor: AmountCellEditor }),
    estimatedCloseDate: editable({ cellEditor: 'agDateStringCellEditor' })
  }
  const base = (
    dealColumns(capabilities, { stageLabel: options.stageLabel }) as ColDef<OpportunityRow>[]
  ).map((column) => {
    const field = column.field
    const extra =
      field && isQuickEditField(field) && quickEditable(field) ? decorate[field] : undefined
    return extra ? { ...column, ...extra } : column
  })
  const sync: ColDef<OpportunityRow> = {
    colId: 'sync',
    headerName: 'Sync',
    headerTooltip: `Changes made here that have not reached ${capabilities.displayName} yet`,
    valueGetter: (params) => {
      const state = syncStateOf(params.data)
      return state ? SYNC_LABELS[state] : ''
    },
    filter: 'agTextColumnFilter',
    flex: 0,
    width: 110,
    minWidth: 90,
    cellClassRules: {
      'sync-badge': (params) => syncStateOf(params.data) !== null,
      'sync-pending': (params) => syncStateOf(params.data) === 'pending',
      'sync-failed': (params) => {
        const state = syncStateOf(params.data)
        return state === 'failed' || state === 'conflict'
      }
    }
  }
  return [sync, ...base]
}
