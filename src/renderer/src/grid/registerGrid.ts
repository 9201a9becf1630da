/**
 * AG Grid setup shared by every grid: only the Community modules we use are registered (smaller
 * bundle, and a missing feature fails loudly in development). The theme is in gridTheme.ts.
 */
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CsvExportModule,
  CustomEditorModule,
  DateEditorModule,
  DateFilterModule,
  GridStateModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  QuickFilterModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule
} from 'ag-grid-community'

export { gridTheme } from './gridTheme'

let registered = false

export function registerGridModules(): void {
  if (registered) return
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    // Large tables page through the cache (grid/query/); a new search scrolls back to the top.
    InfiniteRowModelModule,
    ScrollApiModule,
    // applyTransactionAsync (live sync pages), forEachNode, getDisplayedRowCount
    ClientSideRowModelApiModule,
    RowApiModule,
    // show/hide from the Columns menu, reset the layout (sort, move and resize come with core)
    ColumnApiModule,
    // `type: 'rightAligned'` sets a cell class
    CellStyleModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    QuickFilterModule,
    CsvExportModule,
    GridStateModule,
    // Selecting deals for the command palette's actions (Space, click).
    RowSelectionModule,
    // compact columns sized to their rendered cells (see columnSizing.ts)
    ColumnAutoSizeModule,
    // a clipped value in full, on focus (see DataGrid.svelte)
    TooltipModule,
    // quick edits in the Opportunities grid (stage, forecast, close date; amount's own editor)
    TextEditorModule,
    SelectEditorModule,
    DateEditorModule,
    CustomEditorModule
  ])
  registered = true
}
