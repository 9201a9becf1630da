/**
 * AG Grid setup shared by every grid: only the Community modules we use are registered (smaller
 * bundle, and a missing feature fails loudly in development), and one theme built with the
 * Theming API. Quartz's colour scheme switches with `data-ag-theme-mode` on <body>, which
 * `lib/colorScheme.ts` keeps in step with the OS.
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
  ModuleRegistry,
  NumberFilterModule,
  QuickFilterModule,
  RowApiModule,
  RowSelectionModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  themeQuartz
} from 'ag-grid-community'

let registered = false

export function registerGridModules(): void {
  if (registered) return
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
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
    ColumnAutoSizeModule,
    // quick edits in the Opportunities grid (stage, forecast, close date; amount's own editor)
    TextEditorModule,
    SelectEditorModule,
    DateEditorModule,
    CustomEditorModule
  ])
  registered = true
}

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  wrapperBorderRadius: 8
})
