/**
 * How each provider checks a key before anything is stored, and where each provider's API
 * lives by default. ChartMogul: `GET /v1/ping` (no identity). Monaco: `GET /v1/me`, whose
 * organization and user become the workspace's `identity`. A refused key is the typed
 * `unauthorized` error, in the provider's name.
 */
import { createChartMogulClient, type FetchLike } from '../../chartmogul'
import { AppError } from '../../ipc/appError'
import { createMonacoClient, DEFAULT_MONACO_BASE_URL, monacoKeyShapeHint } from '../../monaco'
import type { ProviderId } from '../../../shared/providers/providerId'
import type { WorkspaceIdentity } from '../../../shared/workspace/workspace'
import { withMonacoErrors } from '../monaco/monacoErrors'
import { withGatewayErrors } from '../sync/gatewayErrors'

export const DEFAULT_BASE_URLS: Readonly<Record<ProviderId, string>> = {
  chartmogul: 'https://api.chartmogul.com',
  monaco: DEFAULT_MONACO_BASE_URL
}

export interface KeyCheck {
  apiKey: string
  baseUrl: string
  userAgent: string
  fetch?: FetchLike
}

/** What a verified key says about itself; `identity` only when the provider tells. */
export interface VerifiedKey {
  identity?: WorkspaceIdentity
}

/** A person waits for this answer: one attempt, 15 s at most. */
const CHECK_TIMEOUT_MS = 15_000

const VERIFIERS: Readonly<Record<ProviderId, (check: KeyCheck) => Promise<VerifiedKey>>> = {
  chartmogul: async ({ apiKey, baseUrl, userAgent, fetch }) => {
    const client = createChartMogulClient({
      apiKey,
      baseUrl,
      userAgent,
      timeoutMs: CHECK_TIMEOUT_MS,
      ...(fetch ? { fetch } : {})
    })
    await withGatewayErrors(() => client.ping())
    return {}
  },
  monaco: async ({ apiKey, baseUrl, userAgent, fetch }) => {
    const client = createMonacoClient({
      apiKey,
      baseUrl,
      userAgent,
      timeoutMs: CHECK_TIMEOUT_MS,
      ...(fetch ? { fetch } : {})
    })
    try {
      const me = await withMonacoErrors(() => client.me())
      return { identity: { orgName: me.orgName, userEmail: me.userEmail } }
    } catch (error) {
      // A ChartMogul key pasted into a Monaco workspace is the likely mistake: say so.
      const hint = monacoKeyShapeHint(apiKey)
      if (error instanceof AppError && error.code === 'unauthorized' && hint) {
        throw new AppError('unauthorized', `${error.message} ${hint}`)
      }
      throw error
    }
  }
}

/** Resolves when the provider accepts `apiKey` at `baseUrl`; throws a typed AppError if not. */
export function verifyKey(provider: ProviderId, check: KeyCheck): Promise<VerifiedKey> {
  return VERIFIERS[provider](check)
}
