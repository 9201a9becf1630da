/**
 * Column layouts for the four cached-data grids. Field names follow the camelCase domain models
 * that the ChartMogul gateway maps wire JSON into.
 */
import type { ColDef } from 'ag-grid-community'

type Row = Record<string, unknown> & { uuid: string }

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
const date = (field: string, headerName: string): ColDef<Row> => ({
  field: field as ColDef<Row>['field'],
  headerName,
  filter: 'agDateColumnFilter'
})

export const GRID_COLUMNS = {
  customers: [
    text('name', 'Name', { flex: 2 }),
    text('company', 'Company', { flex: 2 }),
    text('email', 'Email', { flex: 2 }),
    text('status', 'Status'),
    text('country', 'Country'),
    number('mrrCents', 'MRR'),
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
    number('mrrMovementCents', 'MRR movement'),
    number('mrrCents', 'MRR after'),
    text('description', 'Description', { flex: 3 })
  ],
  opportunities: [
    text('customerName', 'Customer', { flex: 2 }),
    text('owner', 'Owner', { flex: 2 }),
    text('pipeline', 'Pipeline'),
    text('pipelineStage', 'Stage'),
    number('amountCents', 'Amount'),
    text('forecastCategory', 'Forecast'),
    date('estimatedCloseDate', 'Close date')
  ]
} satisfies Record<string, ColDef<Row>[]>
