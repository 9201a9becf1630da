import { MONACO_KEY_PREFIX } from '../../shared/workspace/apiKeyText'
import type { MonacoMe } from './models'

/**
 * Monaco API keys are `mks_` followed by a URL-safe token, sent as a Bearer token. The shape is
 * a hint for Settings (a ChartMogul key pasted into a Monaco workspace), never a refusal: the
 * only real check is `GET /v1/me`.
 */
export { MONACO_KEY_PREFIX }

export function monacoKeyShapeHint(key: string): string | null {
  if (key.trim().startsWith(MONACO_KEY_PREFIX)) return null
  return 'Monaco API keys start with “mks_”. Create one in Monaco → Settings → API Keys.'
}

/** What Settings shows once a key is verified: the organization and whom the key acts as. */
export function describeMonacoIdentity(me: MonacoMe): string {
  const org = me.orgName?.trim() || me.orgId
  const name = [me.userFirstName, me.userLastName].filter((part) => part?.trim()).join(' ')
  const user = me.userEmail?.trim() || name || me.userId
  return `${org} — ${user}`
}
