/**
 * The grids' look, built with AG Grid's Theming API from the app's own CSS tokens (app.css):
 * every colour is a `var(--token)`, so the grid follows the page's light and dark surfaces
 * exactly and changes with them, instead of Quartz's own greys. The same values are given for
 * Quartz's light and dark modes (which `data-ag-theme-mode` on <body> switches): the tokens
 * already carry the scheme, and leaving Quartz's dark greys in place is what made the grid
 * look unlike the rest of the app.
 */
import { themeQuartz } from 'ag-grid-community'

const fromAppTokens = {
  backgroundColor: 'var(--surface-1)',
  foregroundColor: 'var(--text)',
  textColor: 'var(--text)',
  subtleTextColor: 'var(--text-muted)',
  chromeBackgroundColor: 'var(--surface-2)',
  headerBackgroundColor: 'var(--surface-2)',
  headerTextColor: 'var(--text)',
  rowHoverColor: 'var(--hover)',
  selectedRowBackgroundColor: 'var(--accent-soft)',
  borderColor: 'var(--border)',
  accentColor: 'var(--accent)',
  menuBackgroundColor: 'var(--surface-1)',
  tooltipBackgroundColor: 'var(--surface-2)',
  tooltipTextColor: 'var(--text)',
  tooltipBorder: { color: 'var(--border-strong)' }
} as const

export const gridTheme = themeQuartz
  .withParams({
    fontFamily: 'inherit',
    fontSize: 13,
    headerFontWeight: 600,
    spacing: 6,
    wrapperBorderRadius: 8
  })
  .withParams(fromAppTokens, 'light')
  .withParams(fromAppTokens, 'dark')
