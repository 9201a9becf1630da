/**
 * Column layouts for the four cached-data grids. Field names follow the camelCase domain models
 * that the ChartMogul gateway maps wire JSON into. Columns marked `hide` start hidden and can be
 * shown from the grid's "Columns" menu.
 *
 * - Money is stored in cents; cells show it in the record's currency. Its number filter works in
 *   **major units** (type 100 for $100) — see `centsToMajorUnits`. Quick search skips it.
 * - Dates are ISO strings; cells show the local day and the date filter compares that same day
 *   (see `compareCellDay`). CSV export writes dates as ISO, not the localized text.
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
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
  number(name, headerName, {
    valueFormatter: centsFormatter,
    minWidth: 140,
    // Filter in major units: "MRR greater than 100" means 100.00 in the row's currency.
    filterValueGetter: (params) =>
      centsToMajorUnits((params.data as Record<string, unknown> | undefined)?.[name]),
    getQuickFilterText: () => '',
    ...extra
  })
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

export const GRID_COLUMNS = {
  customers: [
    text('name', 'Name', { flex: 2, minWidth: 160 }),
    text('company', 'Company', { flex: 2, minWidth: 160 }),
    text('email', 'Email', { flex: 2, minWidth: 180 }),
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
    text('name', 'Name', { flex: 2, minWidth: 160 }),
    number('intervalCount', 'Every'),
    text('intervalUnit', 'Interval'),
    text('externalId', 'External id', { flex: 2 }),
    text('dataSourceUuid', 'Data source', { flex: 2 }),
    text('uuid', 'Plan id', { hide: true })
  ],
  activities: [
    // Newest movements first until the user sorts otherwise.
    date('date', 'Date', { sort: 'desc' }),
    text('customerName', 'Customer', { flex: 2, minWidth: 160 }),
    code('type', 'Type'),
    money('mrrMovementCents', 'MRR movement'),
    money('mrrCents', 'MRR after'),
    money('arrCents', 'ARR after', { hide: true }),
    text('description', 'Description', { flex: 3, minWidth: 200 }),
    text('planExternalId', 'Plan', { hide: true }),
    text('customerExternalId', 'Customer external id', { hide: true }),
    text('currency', 'Currency', { hide: true })
  ],
  opportunities: [
    // The customer's name (looked up in the cache), or its uuid until that customer is synced.
    text('customerName', 'Customer', {
      flex: 2,
      minWidth: 160,
      valueGetter: (params) => {
        const data = params.data as { customerName?: string | null; customerUuid?: string }
        return data?.customerName || data?.customerUuid || ''
      }
    }),
    text('customerUuid', 'Customer id', { hide: true }),
    text('owner', 'Owner', { flex: 2, minWidth: 160 }),
    text('pipeline', 'Pipeline'),
    text('pipelineStage', 'Stage'),
    money('amountCents', 'Amount'),
    text('type', 'Type', { hide: true }),
    code('forecastCategory', 'Forecast'),
    percent('winLikelihood', 'Win likelihood', { hide: true }),
    date('estimatedCloseDate', 'Close date'),
    date('createdAt', 'Created', { hide: true }),
    date('updatedAt', 'Updated', { hide: true })
  ]
} satisfies Record<string, ColDef<Row>[]>
