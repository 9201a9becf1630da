/**
 * `revdesk://customer/<id>` and `revdesk://opportunity/<uuid>`: links from other apps (mail,
 * chat, a browser) that open one record. A link is untrusted text from outside the app, so the
 * reading is strict: the exact shape, a well-formed id, or nothing at all (ignored silently).
 */
import type { RecordLink } from '../../shared/bridge/contract'

export const DEEP_LINK_SCHEME = 'revdesk'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
/** ChartMogul customers are `cus_<uuid>`, Monaco accounts plain uuids; deals are uuids in both. */
const ID_PATTERNS: Readonly<Record<RecordLink['kind'], RegExp>> = {
  customer: new RegExp(`^(?:cus_)?${UUID}$`, 'i'),
  opportunity: new RegExp(`^${UUID}$`, 'i')
}
/** The whole link, checked on the raw text: scheme, kind, id, an optional trailing slash. */
const LINK = /^revdesk:\/\/([a-z]+)\/([0-9a-z_-]+)\/?$/i
const MAX_LENGTH = 128

function isKind(kind: string): kind is RecordLink['kind'] {
  return kind === 'customer' || kind === 'opportunity'
}

export function parseDeepLink(raw: unknown): RecordLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH) return null
  const match = LINK.exec(raw)
  if (!match) return null
  const kind = match[1]!.toLowerCase()
  const id = match[2]!
  if (!isKind(kind) || !ID_PATTERNS[kind].test(id)) return null
  return { kind, id }
}

/** The link among a launch's command-line arguments (Windows and Linux pass it there). */
export function findDeepLink(argv: readonly string[]): RecordLink | null {
  for (const arg of argv) {
    const link = parseDeepLink(arg)
    if (link) return link
  }
  return null
}

export interface DeepLinkInbox {
  receive(link: RecordLink): void
  /** From now on links go straight to `deliver`; those that came earlier go first, in order. */
  deliverTo(deliver: (link: RecordLink) => void): void
}

/** Links can arrive before the window exists (macOS 'open-url' at launch): hold them until then. */
export function createDeepLinkInbox(): DeepLinkInbox {
  const waiting: RecordLink[] = []
  let deliver: ((link: RecordLink) => void) | undefined
  return {
    receive(link) {
      if (deliver) deliver(link)
      else waiting.push(link)
    },
    deliverTo(next) {
      deliver = next
      for (const link of waiting.splice(0)) next(link)
    }
  }
}
