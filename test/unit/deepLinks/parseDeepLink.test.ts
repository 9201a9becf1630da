import { describe, expect, it } from 'vitest'
import {
  createDeepLinkInbox,
  findDeepLink,
  parseDeepLink
} from '../../../src/main/deepLinks/parseDeepLink'

const UUID = '4f0c5a7e-2b7d-11ee-9d3a-0242ac120002'

describe('deep links', () => {
  it('reads revdesk://customer/<id> and revdesk://opportunity/<uuid>', () => {
    expect(parseDeepLink(`revdesk://customer/cus_${UUID}`)).toEqual({
      kind: 'customer',
      id: `cus_${UUID}`
    })
    // Monaco accounts are plain uuids.
    expect(parseDeepLink(`revdesk://customer/${UUID}`)).toEqual({ kind: 'customer', id: UUID })
    expect(parseDeepLink(`revdesk://opportunity/${UUID}`)).toEqual({
      kind: 'opportunity',
      id: UUID
    })
    // Windows may add a trailing slash; the scheme and kind are case-insensitive.
    expect(parseDeepLink(`REVDESK://Opportunity/${UUID}/`)).toEqual({
      kind: 'opportunity',
      id: UUID
    })
  })

  it('ignores everything else', () => {
    for (const raw of [
      `revdesk://customer/not-a-uuid`,
      `revdesk://customer/${UUID.slice(0, -1)}`,
      `revdesk://customer/${UUID}x`,
      `revdesk://opportunity/cus_${UUID}`,
      `revdesk://customer/pl_${UUID}`,
      `revdesk://plan/${UUID}`,
      `revdesk://customer/${UUID}/edit`,
      `revdesk://customer/${UUID}?x=1`,
      `revdesk://customer/${UUID}#x`,
      `revdesk://user@customer/${UUID}`,
      `revdesk://customer:1/${UUID}`,
      `revdesk://customer/%34f0c5a7e-2b7d-11ee-9d3a-0242ac120002`,
      `revdesk:customer/${UUID}`,
      `revdesk:///customer/${UUID}`,
      `app://revdesk/customer/${UUID}`,
      `https://customer/${UUID}`,
      ` revdesk://customer/${UUID}`,
      `revdesk://customer/${UUID}\n`,
      `revdesk://customer/${UUID}`.padEnd(300, '/'),
      '',
      42,
      null
    ]) {
      expect(parseDeepLink(raw), String(raw)).toBeNull()
    }
  })

  it('finds the link among command-line arguments (Windows/Linux first and second launch)', () => {
    expect(
      findDeepLink(['/opt/Revdesk/revdesk', '--no-sandbox', `revdesk://opportunity/${UUID}`])
    ).toEqual({ kind: 'opportunity', id: UUID })
    expect(findDeepLink(['/opt/Revdesk/revdesk', '.'])).toBeNull()
    expect(findDeepLink(['revdesk', 'revdesk://customer/nope'])).toBeNull()
  })

  it('holds links until the window can take them, then delivers in order', () => {
    const inbox = createDeepLinkInbox()
    const seen: string[] = []
    inbox.receive({ kind: 'customer', id: UUID })
    inbox.receive({ kind: 'opportunity', id: UUID })
    inbox.deliverTo((link) => seen.push(link.kind))
    expect(seen).toEqual(['customer', 'opportunity'])
    inbox.receive({ kind: 'customer', id: UUID })
    expect(seen).toEqual(['customer', 'opportunity', 'customer'])
  })
})
