/**
 * Column layouts for the cached-data grids (ChartMogul's four, Monaco's accounts and contacts,
 * and the deals grid of either, from the provider's capability table). Field names follow the camelCase domain models
 * that the ChartMogul gateway maps wire JSON into. Columns marked `hide` start hidden and can be
 * shown from the grid's "Columns" menu.
 *
 * - Money is stored in cents; cells show it in the record's currency. Its number filter works in
 *   **major units** (type 100 for $100) — see `centsToMajorUnits`. Quick search skips it.
 * - Dates are ISO strings; cells show the local day and the date filter compares that same day
 *   (see `compareCellDay`). CSV export writes dates as ISO, not the localized text.
 * - Width: free text that can be long (names, emails, descriptions, tags) gets a `flex` and a
 *   `minWidth` and shares the window; every column without a flex is sized to its header and
 *   rendered cells by the grid (grid/columnSizing.ts), so dates, statuses, types and money are
 *   never cut off. A value cut off in a flex column shows in full on focus or hover.
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import {
  capabilitiesOf,
  type DealField,
  type ProviderCapabilities
} from '../../../../shared/providers/capabilities'
import { moneyColumn } from '../../grid/query/queryColumns'
import { centsToMajorUnits, compareCellDay } from '../../grid/values'
import { centsFormatter, dateFormatter, formatPercent } from './formatters'

type Row = { uuid: string }
type Extra = Partial<ColDef<Row>>

const field = (name: string): ColDef<Row>['field'] => name as ColDef<Row>['field']

const text = (name: string, headerName: string, extra: Extra = {}): ColDef<Row> => ({
  field: field(name),
  headerName,
  filter: 'agTextColumnFilter',
  cellDataType: 'text',
  ...extra
})
const number = (name: string, headerName: string, extra: Extra = {}): ColDef<Row> => ({
  field: field(name),
  headerName,
  filter: 'agNumberColumnFilter',
  // "Between 100 and 500" includes both ends.
  filterParams: { buttons: ['reset'], inRangeInclusive: true },
  cellDataType: 'number',
  type: 'rightAligned',
  ...extra
})
const money = (name: string, headerName: string, extra: Extra = {}): ColDef<Row> =>
  moneyColumn(
    number(name, headerName, {
      valueFormatter: centsFormatter,
      // Filter in major units: "MRR greater than 100" means 100.00 in the row's currency.
      filterValueGetter: (params) =>
        centsToMajorUnits((params.data as Record<string, unknown> | undefined)?.[name]),
      getQuickFilterText: () => '',
      ...extra
    })
  )
const date = (name: string, headerName: string, extra: Extra = {}): ColDef<Row> => ({
  field: field(name),
  headerName,
  filter: 'agDateColumnFilter',
  filterParams: { comparator: compareCellDay, buttons: ['reset'], inRangeInclusive: true },
  cellDataType: false,
  valueFormatter: dateFormatter,
  // Spreadsheets read ISO dates; the localized text is for the screen.
  useValueFormatterForExport: false,
  getQuickFilterText: (params) => dateFormatter(params as unknown as ValueFormatterParams),
  ...extra
})
const percent = (name: string, headerName: string, extra: Extra = {}): ColDef<Row> =>
  number(name, headerName, {
    valueFormatter: (params) => formatPercent(params.value as number | null),
    ...extra
  })

/** Underscored codes (`new_biz`, `best_case`) read, filter and search as words ("new biz"). */
const asWords = (value: unknown): string =>
  typeof value === 'string' ? value.replaceAll('_', ' ') : ''
const code = (name: string, headerName: string, extra: Extra = {}): ColDef<Row> =>
  text(name, headerName, {
    valueFormatter: (params) => asWords(params.value),
    filterValueGetter: (params) =>
      asWords((params.data as Record<string, unknown> | undefined)?.[name]),
    getQuickFilterText: (params) => asWords(params.value),
    ...extra
  })

/**
 * A field stored as a reference (an owner id, a stage key) shown as its label: the one a row
 * decorator put beside it (`ownerName`), else `labelOf` (stage keys, from the cached schema).
 * The value stays the reference, so an edit starts from it; display, filter, quick search, sort
 * and CSV use the label.
 */
function shownAs(
  name: string,
  headerName: string,
  labelField: string | null,
  extra: Extra = {},
  /** For a value with no row around it (a select editor's options): its label. */
  labelOf: (value: string) => string = (value) => value
) {
  const label = (data: unknown, value?: unknown): string => {
    const row = data as Record<string, unknown> | undefined
    const shown = labelField ? row?.[labelField] : undefined
    if (typeof shown === 'string' && shown !== '') return shown
    const raw = row ? row[name] : value
    return typeof raw === 'string' ? labelOf(raw) : ''
  }
  return text(name, headerName, {
    valueFormatter: (params) => label(params.data, params.value),
    filterValueGetter: (params) => label(params.data),
    getQuickFilterText: (params) => label(params.data),
    useValueFormatterForExport: true,
    // Sort by what is shown, not by the id behind it.
    comparator: (_a, _b, nodeA, nodeB) => label(nodeA.data).localeCompare(label(nodeB.data)),
    ...extra
  })
}

/** A list of words (tags): shown, filtered and searched as "a, b". */
function list(name: string, headerName: string, extra: Extra = {}): ColDef<Row> {
  const joined = (data: unknown): string => {
    const value = (data as Record<string, unknown> | undefined)?.[name]
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : ''
  }
  return text(name, headerName, {
    valueGetter: (params) => joined(params.data),
    ...extra
  })
}

/**
 * The deals grid's columns for a provider: only the fields its capability table lists, headed
 * in its words (Customer / Account, Amount / Estimated value). An owner kept as a user id and a
 * stage kept as a schema key are shown by name and label.
 */
export function dealColumns(
  capabilities: ProviderCapabilities,
  lookups: { stageLabel?: (key: string) => string } = {}
): ColDef<Row>[] {
  const fields = capabilities.dealFields
  const parent = fields.customerUuid?.label ?? 'Customer'
  const columns: [DealField | null, ColDef<Row>][] = [
    ['name', text('name', fields.name?.label ?? 'Name', { flex: 2, minWidth: 120 })],
    [
      // The parent's name (looked up in the cache), or its id until that parent is synced.
      'customerUuid',
      text('customerName', parent, {
        flex: 2,
        minWidth: 120,
        valueGetter: (params) => {
          const data = params.data as { customerName?: string | null; customerUuid?: string }
          return data?.customerName || data?.customerUuid || ''
        }
      })
    ],
    ['customerUuid', text('customerUuid', `${parent} id`, { hide: true })],
    [
      'owner',
      capabilities.ownerReference === 'user-id'
        ? shownAs('owner', 'Owner', 'ownerName', { flex: 2, minWidth: 120 })
        : text('owner', 'Owner', { flex: 2, minWidth: 120 })
    ],
    ['pipeline', text('pipeline', 'Pipeline')],
    [
      'pipelineStage',
      capabilities.stageSource === 'schema'
        ? shownAs('pipelineStage', 'Stage', null, {}, lookups.stageLabel)
        : text('pipelineStage', 'Stage')
    ],
    [
      'amountCents',
      money('amountCents', fields.amountCents?.label ?? 'Amount', {
        // A deal with no currency has no value (Monaco's may have none): blank, not $0.00.
        valueFormatter: (params) =>
          (params.data as { currency?: string } | undefined)?.currency ? centsFormatter(params) : ''
      })
    ],
    ['type', text('type', 'Type', { hide: true })],
    ['forecastCategory', code('forecastCategory', 'Forecast')],
    ['winLikelihood', percent('winLikelihood', 'Win likelihood', { hide: true })],
    ['estimatedCloseDate', date('estimatedCloseDate', 'Close date')],
    ['tags', list('tags', 'Tags', { flex: 2, minWidth: 120 })],
    [null, date('createdAt', 'Created', { hide: true })],
    [null, date('updatedAt', 'Updated', { hide: true })]
  ]
  return columns
    .filter(([field]) => field === null || fields[field] !== undefined)
    .map(([, column]) => column)
}

export const GRID_COLUMNS = {
  customers: [
    text('name', 'Name', { flex: 2, minWidth: 120 }),
    text('company', 'Company', { flex: 2, minWidth: 120 }),
    text('email', 'Email', { flex: 2, minWidth: 120 }),
    text('status', 'Status'),
    text('country', 'Country'),
    text('city', 'City', { hide: true }),
    money('mrrCents', 'MRR'),
    money('arrCents', 'ARR', { hide: true }),
    date('customerSince', 'Customer since'),
    date('leadCreatedAt', 'Lead created', { hide: true }),
    text('owner', 'Owner', { hide: true }),
    text('externalId', 'External id', { hide: true }),
    text('billingSystemType', 'Billing system', { hide: true }),
    text('currency', 'Currency', { hide: true })
  ],
  plans: [
    text('name', 'Name', { flex: 2, minWidth: 120 }),
    number('intervalCount', 'Every'),
    text('intervalUnit', 'Interval'),
    text('externalId', 'External id', { flex: 2, minWidth: 120 }),
    text('dataSourceUuid', 'Data source', { flex: 2, minWidth: 120 }),
    text('uuid', 'Plan id', { hide: true })
  ],
  activities: [
    // Newest movements first until the user sorts otherwise.
    date('date', 'Date', { sort: 'desc' }),
    text('customerName', 'Customer', { flex: 2, minWidth: 120 }),
    code('type', 'Type'),
    money('mrrMovementCents', 'MRR movement'),
    money('mrrCents', 'MRR after'),
    money('arrCents', 'ARR after', { hide: true }),
    text('description', 'Description', { flex: 3, minWidth: 140 }),
    text('planExternalId', 'Plan', { hide: true }),
    text('customerExternalId', 'Customer external id', { hide: true }),
    text('currency', 'Currency', { hide: true })
  ],
  accounts: [
    text('name', 'Name', { flex: 2, minWidth: 120 }),
    text('status', 'Status'),
    text('domain', 'Domain', { flex: 2, minWidth: 120 }),
    shownAs('owner', 'Owner', 'ownerName', { flex: 2, minWidth: 120 }),
    list('tags', 'Tags', { flex: 2, minWidth: 120 }),
    date('createdAt', 'Created'),
    date('updatedAt', 'Updated', { hide: true }),
    text('id', 'Account id', { hide: true })
  ],
  contacts: [
    text('name', 'Name', { flex: 2, minWidth: 120 }),
    text('email', 'Email', { flex: 2, minWidth: 120 }),
    text('title', 'Title', { flex: 2, minWidth: 120 }),
    text('accountName', 'Account', { flex: 2, minWidth: 120 }),
    text('phoneNumber', 'Phone'),
    date('createdAt', 'Created'),
    list('tags', 'Tags', { hide: true }),
    text('accountId', 'Account id', { hide: true })
  ],
  /** ChartMogul's deals, kept under this name for what already reads it. */
  opportunities: dealColumns(capabilitiesOf('chartmogul'))
} satisfies Record<string, ColDef<Row>[]>
