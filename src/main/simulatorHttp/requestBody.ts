import type { IncomingMessage } from 'node:http'

/** Both simulators answer 413 past this, as a real API's front end would. */
const MAX_BODY_BYTES = 1_000_000

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too_large' } | { kind: 'aborted' }

/** Reads the whole body; a client that goes away mid-body is not an error, just gone. */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () =>
      resolve(
        size > MAX_BODY_BYTES
          ? { kind: 'too_large' }
          : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }
      )
    )
    req.on('error', () => resolve({ kind: 'aborted' }))
    req.on('aborted', () => resolve({ kind: 'aborted' }))
  })
}

export function sleep(ms: number): Promise<void> {
  // unref: a pending delay must never keep a closed simulator's process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
