/**
 * Where the Help menu sends people. Only https addresses: they go to the system browser through
 * `shell.openExternal`, never into the app's window. package.json's `homepage` and `bugs` say the
 * same (test/unit/menu/helpLinks.test.ts keeps them in step).
 */
export const HELP_LINKS = {
  documentation: 'https://github.com/revdesk/revdesk#readme',
  reportProblem: 'https://github.com/revdesk/revdesk/issues/new'
} as const
