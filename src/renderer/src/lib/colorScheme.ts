/** Keeps AG Grid's colour mode in step with the OS light/dark setting (CSS handles the rest). */
export function followSystemColorScheme(): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const apply = (): void => {
    document.body.dataset['agThemeMode'] = query.matches ? 'dark' : 'light'
  }
  apply()
  query.addEventListener('change', apply)
  return () => query.removeEventListener('change', apply)
}
