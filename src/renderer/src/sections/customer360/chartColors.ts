/** Chart colours from the app's CSS variables, so charts follow light and dark mode. */

export interface ChartColors {
  line: string
  fill: string
  text: string
  grid: string
  surface: string
}

export function readChartColors(element: Element): ChartColors {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback
  return {
    line: read('--accent', '#2f5bea'),
    fill: read('--accent-soft', '#e4eafd'),
    text: read('--text-muted', '#5d6577'),
    grid: read('--border', '#e2e5ea'),
    surface: read('--surface-1', '#ffffff')
  }
}
