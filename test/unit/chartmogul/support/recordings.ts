import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'

/**
 * Real HTTP exchanges with the live ChartMogul API (the official Ruby SDK's VCR cassettes,
 * converted to JSON), copied into test/fixtures/chartmogul/recorded (source and licence in
 * test/fixtures/README.md).
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

export const RECORDINGS_DIR = resolve(REPO_ROOT, 'test/fixtures/chartmogul/recorded')

export function loadRecording(name: string): RecordedExchange[] {
  if (!existsSync(RECORDINGS_DIR)) {
    throw new Error(
      `The recorded ChartMogul exchanges are missing: expected them in ${RECORDINGS_DIR} ` +
        `(test/fixtures/chartmogul/recorded, see test/fixtures/README.md). These tests replay them.`
    )
  }
  const file = join(RECORDINGS_DIR, `${name}.json`)
  if (!existsSync(file)) throw new Error(`No recording named ${name} in ${RECORDINGS_DIR}.`)
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
  if (!Array.isArray(parsed)) throw new Error(`${file} is not an array of exchanges.`)
  return parsed as RecordedExchange[]
}
