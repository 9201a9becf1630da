import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultDecision } from '../simulator/faults'

/**
 * How both simulators carry out an injected fault on the wire. What the provider's error
 * bodies look like is the caller's (`PreFaultAnswers`); counting and the socket tricks are here.
 */

export interface FaultCounts {
  status429: number
  serverErrorJson: number
  serverErrorText: number
  reset: number
  truncated: number
  malformed: number
  applyThenFail: number
}

export function emptyFaultCounts(): FaultCounts {
  return {
    status429: 0,
    serverErrorJson: 0,
    serverErrorText: 0,
    reset: 0,
    truncated: 0,
    malformed: 0,
    applyThenFail: 0
  }
}

/** The connection drops with no answer at all. */
export function resetSocket(req: IncomingMessage, counts: FaultCounts): void {
  counts.reset++
  req.socket.destroy()
}

export interface PreFaultAnswers {
  rateLimited(): void
  serverErrorJson(): void
  serverErrorText(status: FaultDecision['textStatus']): void
}

/** Answers with the fault injected before the handler runs; false when there is none. */
export function answerPreFault(
  req: IncomingMessage,
  decision: FaultDecision,
  counts: FaultCounts,
  answer: PreFaultAnswers
): boolean {
  switch (decision.pre) {
    case 'none':
      return false
    case '429':
      counts.status429++
      answer.rateLimited()
      return true
    case '5xx_json':
      counts.serverErrorJson++
      answer.serverErrorJson()
      return true
    case '5xx_text':
      counts.serverErrorText++
      answer.serverErrorText(decision.textStatus)
      return true
    case 'reset':
      resetSocket(req, counts)
      return true
  }
}

/** Headers promise the whole body; half of it arrives, then the connection ends. */
export function sendTruncatedJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType: string
): void {
  const full = Buffer.from(JSON.stringify(body), 'utf8')
  res.writeHead(status, { 'content-type': contentType, 'content-length': full.length })
  res.write(full.subarray(0, Math.max(1, Math.floor(full.length / 2))), () => req.socket.end())
  setTimeout(() => req.socket.destroy(), 1000).unref()
}

/** The JSON text with its last character swapped for a dangling `,"`: no parser accepts it. */
export function malformedJsonText(body: unknown): string {
  return `${JSON.stringify(body).slice(0, -1)},"`
}
