import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

/**
 * The vendor's OpenAPI document (test/fixtures/monaco/openapi.json) as a test oracle: which
 * method + path pairs exist, their response examples, and a JSON Schema validator for request
 * bodies (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 *
 * Minimal on purpose; the simulator's test helper (test/unit/support/monacoOpenApi.ts) does
 * the same job from the server side, and the two are to be merged.
 */

interface Operation {
  operationId?: string
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> }
  responses?: Record<string, { content?: Record<string, { example?: unknown }> }>
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown> }
}

export const openApi = JSON.parse(
  readFileSync(new URL('../../../fixtures/monaco/openapi.json', import.meta.url), 'utf8')
) as OpenApiDocument

/** The operation the document declares for this method and exact path template, if any. */
export function findOperation(method: string, template: string): Operation | undefined {
  return openApi.paths[template]?.[method.toLowerCase()]
}

/** Turns a template into a pattern for concrete paths: `{id}` matches one segment. */
function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  return new RegExp(`^${escaped}$`)
}

/** The template a concrete request path matches for this method (exact, slashes included). */
export function matchOperation(method: string, path: string): string | undefined {
  return Object.keys(openApi.paths).find(
    (template) =>
      findOperation(method, template) !== undefined && templatePattern(template).test(path)
  )
}

/** The 200 (or 2xx) JSON example the document gives for an operation. */
export function responseExample(method: string, template: string): unknown {
  const operation = findOperation(method, template)
  const ok = operation?.responses?.['200'] ?? operation?.responses?.['201']
  const example = ok?.content?.['application/json']?.example
  if (example === undefined) throw new Error(`no example for ${method} ${template}`)
  return structuredClone(example)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false })
ajv.addFormat('uuid', UUID)
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)))
ajv.addSchema({ $id: 'monaco-openapi', components: openApi.components })

const validators = new Map<string, ValidateFunction>()

/** A validator for the request body schema of `method template`. */
export function requestBodyValidator(method: string, template: string): ValidateFunction {
  const key = `${method} ${template}`
  const cached = validators.get(key)
  if (cached) return cached
  const ref = findOperation(method, template)?.requestBody?.content?.['application/json']?.schema
    ?.$ref
  if (ref === undefined) throw new Error(`no request body schema for ${key}`)
  const validate = ajv.compile({ $ref: `monaco-openapi${ref}` })
  validators.set(key, validate)
  return validate
}

/** Validation errors of `body` against the operation's request schema (empty: valid). */
export function requestBodyErrors(method: string, template: string, body: unknown): string[] {
  const validate = requestBodyValidator(method, template)
  if (validate(body)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`)
}
