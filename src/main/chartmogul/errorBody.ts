import {
  MAX_FIELD_ERRORS,
  createServerTextCleaner,
  type ServerTextCleaner
} from '../security/redactServerText'
import type { FieldError } from './errors'

/**
 * Reads whatever ChartMogul put in an error response. There is no single envelope: recorded
 * and documented bodies include
 *   `{"code":400,"message":"…","param":"name"}`            (current API)
 *   `{"error":"Data source not found"}`                       (legacy import API)
 *   `{"errors":{"name":"A name is required…"}}`              (legacy import API)
 *   `{"name":["Name can't be blank"],"error_details":[{param,code,message}]}` (Rails-style)
 *   `500 Internal Server Error` as text/plain, HTML from a proxy, or nothing at all.
 * Nothing here throws: an unreadable body just yields no message.
 *
 * Every string taken from the body (messages, field names, codes) goes through `clean`, which
 * removes the request's key and any echoed credential, strips control characters and caps the
 * length (`security/redactServerText.ts`); at most MAX_FIELD_ERRORS field errors are kept.
 */
export interface ParsedErrorBody {
  message: string | null
  fieldErrors: FieldError[]
}

/** Field names and codes are short; a longer one is not worth showing in full. */
const MAX_FIELD_NAME_LENGTH = 100
const MAX_FIELD_MESSAGE_LENGTH = 300

export function parseErrorBody(
  text: string,
  clean: ServerTextCleaner = createServerTextCleaner(null)
): ParsedErrorBody {
  const read = readErrorBody(text)
  const message = read.message === null ? null : clean(read.message)
  return {
    message: message === '' ? null : message,
    fieldErrors: read.fieldErrors.slice(0, MAX_FIELD_ERRORS).map((error) => {
      const cleaned: FieldError = {
        field: clean(error.field, MAX_FIELD_NAME_LENGTH),
        message: clean(error.message, MAX_FIELD_MESSAGE_LENGTH)
      }
      return error.code === undefined
        ? cleaned
        : { ...cleaned, code: clean(error.code, MAX_FIELD_NAME_LENGTH) }
    })
  }
}

/** The body's shape, uncut and uncleaned. */
function readErrorBody(text: string): ParsedErrorBody {
  const trimmed = text.trim()
  if (trimmed === '') return { message: null, fieldErrors: [] }

  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    return { message: plainTextMessage(trimmed), fieldErrors: [] }
  }

  if (typeof json === 'string') return { message: json, fieldErrors: [] }
  if (!isRecord(json)) return { message: null, fieldErrors: [] }

  const fieldErrors = collectFieldErrors(json)
  return { message: topLevelMessage(json) ?? summarize(fieldErrors), fieldErrors }
}

function collectFieldErrors(body: Record<string, unknown>): FieldError[] {
  // Rails-style bodies carry the same complaints twice (field arrays + error_details):
  // error_details is the richer form, so it wins when present.
  const details = body['error_details']
  if (Array.isArray(details)) {
    const fromDetails = details.flatMap((entry): FieldError[] => {
      if (!isRecord(entry)) return []
      const message = stringOrNull(entry['message'])
      const field = stringOrNull(entry['param']) ?? stringOrNull(entry['field']) ?? 'request'
      if (message === null) return []
      const code = stringOrNull(entry['code'])
      return [code === null ? { field, message } : { field, message, code }]
    })
    if (fromDetails.length > 0) return fromDetails
  }

  const errors = body['errors']
  if (isRecord(errors)) return fieldMessages(errors)
  if (Array.isArray(errors)) {
    return errors.flatMap((entry): FieldError[] => {
      if (typeof entry === 'string') return [{ field: 'request', message: entry }]
      if (!isRecord(entry)) return []
      const message = stringOrNull(entry['message'])
      if (message === null) return []
      const field = stringOrNull(entry['param']) ?? stringOrNull(entry['field']) ?? 'request'
      return [{ field, message }]
    })
  }

  // FastAPI-style `{"detail":[{"loc":["body","name"],"msg":"…"}]}`.
  const detail = body['detail']
  if (Array.isArray(detail)) {
    return detail.flatMap((entry): FieldError[] => {
      if (!isRecord(entry)) return []
      const message = stringOrNull(entry['msg'])
      if (message === null) return []
      const loc = Array.isArray(entry['loc']) ? entry['loc'].filter((p) => p !== 'body') : []
      return [{ field: loc.length > 0 ? loc.join('.') : 'request', message }]
    })
  }

  // `{"code":400,"message":"Parameter \"name\" is missing","param":"name"}`
  const param = stringOrNull(body['param'])
  const message = stringOrNull(body['message'])
  if (param !== null && message !== null) return [{ field: param, message }]

  // Bare Rails-style `{"name":["Name can't be blank"]}`.
  return fieldMessages(body, KNOWN_ENVELOPE_KEYS)
}

const KNOWN_ENVELOPE_KEYS = new Set(['code', 'message', 'param', 'error', 'errors', 'detail'])

/** `{field: "msg"}` or `{field: ["msg", …]}` → one FieldError per message. */
function fieldMessages(map: Record<string, unknown>, ignore = new Set<string>()): FieldError[] {
  return Object.entries(map).flatMap(([field, value]): FieldError[] => {
    if (ignore.has(field)) return []
    if (typeof value === 'string') return [{ field, message: value }]
    if (Array.isArray(value)) {
      return value
        .filter((m): m is string => typeof m === 'string')
        .map((m) => ({ field, message: m }))
    }
    return []
  })
}

function topLevelMessage(body: Record<string, unknown>): string | null {
  const message = stringOrNull(body['message'])
  if (message !== null) return message
  const error = body['error']
  if (typeof error === 'string' && error.trim() !== '') return error
  if (isRecord(error)) {
    const nested = stringOrNull(error['message'])
    if (nested !== null) return nested
  }
  const detail = stringOrNull(body['detail'])
  if (detail !== null) return detail
  return null
}

function summarize(fieldErrors: FieldError[]): string | null {
  if (fieldErrors.length === 0) return null
  return fieldErrors.map((e) => e.message).join('; ')
}

function plainTextMessage(text: string): string | null {
  if (text.startsWith('<')) {
    // An HTML error page from a proxy: its <title> is the only part worth showing.
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim()
    return title ? title : null
  }
  return text
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
