import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'

/**
 * Real HTTP exchanges with the live ChartMogul API (the official Ruby SDK's VCR cassettes,
 * converted to JSON), kept next to the repo in `../shared/reference/recorded`.
 */

export interface RecordedExchange {
  request: {
    method: string
    uri: string
    headers: Record<string, string[]>
    body: unknown
  }
  response: {
    status: number
    headers: Record<string, string[]>
    /** Parsed JSON for JSON responses; a string for text (or empty) bodies. */
    body: unknown
  }
  recorded_at?: string
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

export const RECORDINGS_DIR = resolve(REPO_ROOT, '../shared/reference/recorded')

export function loadRecording(name: string): RecordedExchange[] {
  if (!existsSync(RECORDINGS_DIR)) {
    throw new Error(
      `The recorded ChartMogul exchanges are missing: expected them in ${RECORDINGS_DIR} ` +
        `(the repo root's sibling ../shared/reference/recorded). These tests replay them.`
    )
  }
  const file = join(RECORDINGS_DIR, `${name}.json`)
  if (!existsSync(file)) throw new Error(`No recording named ${name} in ${RECORDINGS_DIR}.`)
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
  if (!Array.isArray(parsed)) throw new Error(`${file} is not an array of exchanges.`)
  return parsed as RecordedExchange[]
}
