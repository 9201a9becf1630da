/**
 * Monaco failures → bridge errors, with the same codes as ChartMogul's (`withGatewayErrors`):
 * 401/403 pause for a new key, 422 is `validation`, 429 `rate_limited`, an ambiguous create
 * `outcome_unknown`. Two things are added for Monaco:
 *
 * - every message is in Monaco's name, including errors raised outside a request (a listing
 *   that cannot advance is a BadResponse made by the keyset walk, whose class names ChartMogul);
 * - field issues use the provider-neutral deal names the page's forms know (`customerUuid`,
 *   `owner`, `pipelineStage`, `amountCents`, `currency`, `custom.<key>`), not Monaco's.
 *
 * Server text was already cleaned with the request's key by the gateway (responseError.ts).
 */
import { isChartMogulError, ValidationError, type ChartMogulError } from '../../chartmogul'
import { asMonacoError } from '../../monaco/errorText'
import { withGatewayErrors } from '../sync/gatewayErrors'

/** The Monaco client's field names (camelCase of the wire) → the neutral deal's. */
const NEUTRAL_FIELD: Readonly<Record<string, string>> = {
  accountId: 'customerUuid',
  ownerUserId: 'owner',
  stage: 'pipelineStage',
  estimatedValue: 'amountCents',
  customFields: 'custom'
}

export function neutralFieldName(field: string): string {
  const [head = '', ...rest] = field.split('.')
  if (head.startsWith('custom_field_')) return `custom.${field}`
  if (head === 'estimatedValue' && /^currency(_code)?$/.test(rest[0] ?? '')) return 'currency'
  if (head === 'estimatedValue') return 'amountCents'
  const neutral = NEUTRAL_FIELD[head]
  return neutral === undefined ? field : [neutral, ...rest].join('.')
}

function withNeutralFields(error: ChartMogulError): ChartMogulError {
  if (!(error instanceof ValidationError) || error.fieldErrors.length === 0) return error
  const renamed = new ValidationError(
    error.fieldErrors.map((fieldError) => ({
      ...fieldError,
      field: neutralFieldName(fieldError.field)
    })),
    {
      status: error.status,
      serverMessage: error.serverMessage,
      retryAfterMs: error.retryAfterMs,
      cause: error
    }
  )
  renamed.attempts = error.attempts
  return renamed
}

/** Runs a Monaco call; its failures reach the page typed, in Monaco's name, neutral fields. */
export function withMonacoErrors<T>(work: () => Promise<T>): Promise<T> {
  return withGatewayErrors(async () => {
    try {
      return await work()
    } catch (error) {
      if (isChartMogulError(error)) throw asMonacoError(withNeutralFields(error))
      throw error
    }
  })
}
