/**
 * Monaco's published OpenAPI document (test/fixtures/monaco/openapi.json, source and licence in
 * test/fixtures/README.md) as a validator: every response a test receives from the simulator —
 * and every request Revdesk sends — can be checked against the schema the vendor declares for
 * that operation and status. The whole document is added to Ajv (JSON Schema 2020-12, which
 * OpenAPI 3.1 uses) under one id, so `#/components/schemas/...` references resolve as written.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

const FIXTURE = fileURLToPath(new URL('../../fixtures/monaco/openapi.json', import.meta.url))
const DOC_ID = 'https://api.monaco.com/openapi.json'

interface MediaType {
  schema?: { $ref?: string }
}
interface Operation {
  operationId?: string
  requestBody?: { required?: boolean; content?: Record<string, MediaType> }
  responses?: Record<string, { content?: Record<string, MediaType> }>
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>
}

export const monacoOpenApi = JSON.parse(readFileSync(FIXTURE, 'utf8')) as OpenApiDoc

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as typeof addFormatsModule

const ajv = new Ajv2020({ allErrors: true, strictTypes: false, strictTuples: false })
// OpenAPI's own keywords (document structure, `discriminator`) carry no JSON Schema meaning.
ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components', 'discriminator'])
addFormats(ajv)
ajv.addSchema({ ...monacoOpenApi, $id: DOC_ID })

const compiled = new Map<string, ValidateFunction>()

function validatorFor(ref: string): ValidateFunction {
  let fn = compiled.get(ref)
  if (!fn) {
    fn = ajv.compile({ $ref: `${DOC_ID}${ref}` })
    compiled.set(ref, fn)
  }
  return fn
}

/** The OpenAPI path template a concrete path belongs to (exact paths win over templated ones). */
export function pathTemplate(path: string): string {
  const bare = path.split('?')[0] ?? path
  if (monacoOpenApi.paths[bare]) return bare
  const parts = bare.split('/')
  const found = Object.keys(monacoOpenApi.paths).find((template) => {
    const t = template.split('/')
    return t.length === parts.length && t.every((seg, i) => seg.startsWith('{') || seg === parts[i])
  })
  if (!found) throw new Error(`no Monaco operation has the path ${bare}`)
  return found
}

export function operation(method: string, path: string): Operation {
  const template = pathTemplate(path)
  const op = monacoOpenApi.paths[template]?.[method.toLowerCase()]
  if (!op) throw new Error(`Monaco's OpenAPI has no ${method.toUpperCase()} ${template}`)
  return op
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}`)
}

/**
 * Problems with a response body for `method path` answered with `status`: the declared schema
 * for that exact status, else its range (`4XX`), else `default`. A declared response without
 * content (204) must have no body. Returns [] when it conforms.
 */
export function responseProblems(
  method: string,
  path: string,
  status: number,
  body: unknown
): string[] {
  const responses = operation(method, path).responses ?? {}
  const declared =
    responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default']
  if (!declared) return [`${method} ${path}: status ${status} is not declared`]
  const media = declared.content?.['application/json']
  if (!media?.schema?.$ref) {
    return body === undefined || body === '' ? [] : [`status ${status} declares no body, got one`]
  }
  const validate = validatorFor(media.schema.$ref)
  return validate(body) ? [] : describe(validate.errors)
}

/** Problems with a request body Revdesk (or a test) sends for `method path`. */
export function requestProblems(method: string, path: string, body: unknown): string[] {
  const request = operation(method, path).requestBody
  const ref = request?.content?.['application/json']?.schema?.$ref
  if (!ref) return body === undefined ? [] : [`${method} ${path} declares no request body`]
  if (body === undefined) return request?.required ? ['the request body is required'] : []
  const validate = validatorFor(ref)
  return validate(body) ? [] : describe(validate.errors)
}

/** Throws with every problem listed, for use inside tests and test transports. */
export function assertResponseConforms(
  method: string,
  path: string,
  status: number,
  body: unknown
): void {
  const problems = responseProblems(method, path, status, body)
  if (problems.length > 0) {
    throw new Error(
      `${method} ${path} → ${status} does not match Monaco's OpenAPI:\n  ${problems.join('\n  ')}`
    )
  }
}

export function assertRequestConforms(method: string, path: string, body: unknown): void {
  const problems = requestProblems(method, path, body)
  if (problems.length > 0) {
    throw new Error(
      `${method} ${path} request does not match Monaco's OpenAPI:\n  ${problems.join('\n  ')}`
    )
  }
}
