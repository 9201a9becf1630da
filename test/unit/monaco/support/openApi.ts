import { monacoOpenApi, requestProblems } from '../../support/monacoOpenApi'

/**
 * The vendor's OpenAPI document (test/fixtures/monaco/openapi.json) as the gateway tests' oracle:
 * which method + path pairs exist and their response examples. Request bodies are validated by
 * the one Ajv validator the simulator's tests use too (test/unit/support/monacoOpenApi.ts).
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

export const openApi = monacoOpenApi as unknown as OpenApiDocument

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

/** Validation errors of `body` against the operation's request schema (empty: valid). */
export function requestBodyErrors(method: string, template: string, body: unknown): string[] {
  return requestProblems(method, template, body)
}
