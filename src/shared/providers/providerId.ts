/** The systems a workspace can be connected to. Files from before providers read as ChartMogul. */
export const PROVIDER_IDS = ['chartmogul', 'monaco'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value)
}
