/**
 * Column layouts for the four cached-data grids. Field names follow the camelCase domain models
 * that the ChartMogul gateway maps wire JSON into.
 */
import type { ColDef } from 'ag-grid-community'
import { centsFormatter, dateFormatter } from './formatters'

type Row = { uuid: string }

const text = (field: string, headerName: string, extra: ColDef<Row> = {}): ColDef<Row> => ({
  field: field as ColDef<Row>['field'],
  headerName,
  filter: 'agTextColumnFilter',
  ...extra
})
const number = (field: string, headerName: string): ColDef<Row> => ({
  field: field as ColDef<Row>['field'],
  headerName,
  filter: 'agNumberColumnFilter',
  type: 'rightAligned'
})
const money = (field: string, headerName: string): ColDef<Row> => ({
  ...number(field, headerName),
  valueFormatter: centsFormatter
})
const date = (field: string, headerName: string): ColDef<Row> => ({
  field: field as ColDef<Row>['field'],
  headerName,
  filter: 'agDateColumnFilter',
  filterParams: { comparator: compareIsoDay },
  valueFormatter: dateFormatter
})

/** AG Grid's date filter hands a local-midnight Date; cached values are ISO strings. */
function compareIsoDay(filterDate: Date, cellValue: unknown): number {
  if (typeof cellValue !== 'string' || cellValue.length < 10) return -1
  const cellDay = cellValue.slice(0, 10)
  const y = filterDate.getFullYear()
  const m = String(filterDate.getMonth() + 1).padStart(2, '0')
  const d = String(filterDate.getDate()).padStart(2, '0')
  const filterDay = `${y}-${m}-${d}`
  return cellDay < filterDay ? -1 : cellDay > filterDay ? 1 : 0
}

export const GRID_COLUMNS = {
  customers: [
    text('name', 'Name', { flex: 2 }),
    text('company', 'Company', { flex: 2 }),
    text('email', 'Email', { flex: 2 }),
    text('status', 'Status'),
    text('country', 'Country'),
    money('mrrCents', 'MRR'),
    date('customerSince', 'Customer since')
  ],
  plans: [
    text('name', 'Name', { flex: 2 }),
    number('intervalCount', 'Every'),
    text('intervalUnit', 'Interval'),
    text('externalId', 'External id'),
    text('dataSourceUuid', 'Data source')
  ],
  activities: [
    date('date', 'Date'),
    text('customerName', 'Customer', { flex: 2 }),
    text('type', 'Type'),
    money('mrrMovementCents', 'MRR movement'),
    money('mrrCents', 'MRR after'),
    text('description', 'Description', { flex: 3 })
  ],
  opportunities: [
    text('customerUuid', 'Customer', { flex: 2 }),
    text('owner', 'Owner', { flex: 2 }),
    text('pipeline', 'Pipeline'),
    text('pipelineStage', 'Stage'),
    money('amountCents', 'Amount'),
    text('forecastCategory', 'Forecast'),
    date('estimatedCloseDate', 'Close date')
  ]
} satisfies Record<string, ColDef<Row>[]>
