import { describe, expect, it } from 'vitest'
import { DISK_FULL_KIND } from '../../../src/renderer/src/cache/storage/quota'
import {
  decideNotices,
  syncNoticeFor,
  windowIsHidden,
  type ProblemState
} from '../../../src/renderer/src/app/notifyDecision'

const state = (over: Partial<ProblemState> = {}): ProblemState => ({
  workspaceId: 'acme',
  syncErrorKind: null,
  attentionEntryIds: [],
  ...over
})

describe('syncNoticeFor', () => {
  it('names the problems the user must act on, and nothing a retry fixes', () => {
    expect(syncNoticeFor('unauthorized')).toBe('key-refused')
    expect(syncNoticeFor('no_key')).toBe('key-refused')
    expect(syncNoticeFor('forbidden')).toBe('access-refused')
    expect(syncNoticeFor('key_withheld')).toBe('access-refused')
    expect(syncNoticeFor('QuotaExceededError')).toBe('storage-full')
    // The kind the sync really reports for a full disk (cache/storage/quota.ts).
    expect(syncNoticeFor(DISK_FULL_KIND)).toBe('storage-full')
    for (const transient of ['offline', 'network', 'timeout', 'server', 'rate_limited', null]) {
      expect(syncNoticeFor(transient)).toBeNull()
    }
  })
})

describe('decideNotices', () => {
  it('notifies a refused key once while hidden, not again on each retry', () => {
    const first = decideNotices(state({ syncErrorKind: 'unauthorized' }), new Set(), true)
    expect(first.notify).toEqual([{ problem: 'key-refused', workspaceId: 'acme' }])
    const retry = decideNotices(state({ syncErrorKind: 'unauthorized' }), first.seen, true)
    expect(retry.notify).toEqual([])
  })

  it('notifies again when the problem cleared and came back', () => {
    let seen = decideNotices(state({ syncErrorKind: 'forbidden' }), new Set(), true).seen
    seen = decideNotices(state(), seen, true).seen
    expect(decideNotices(state({ syncErrorKind: 'forbidden' }), seen, true).notify).toEqual([
      { problem: 'access-refused', workspaceId: 'acme' }
    ])
  })

  it('stays quiet while the window is in front, and the problem counts as seen', () => {
    const visible = decideNotices(state({ syncErrorKind: 'unauthorized' }), new Set(), false)
    expect(visible.notify).toEqual([])
    expect(
      decideNotices(state({ syncErrorKind: 'unauthorized' }), visible.seen, true).notify
    ).toEqual([])
  })

  it('ignores failures a retry fixes', () => {
    expect(decideNotices(state({ syncErrorKind: 'offline' }), new Set(), true).notify).toEqual([])
  })

  it('one outbox notice per batch of newly refused changes, counting only the new ones', () => {
    const first = decideNotices(state({ attentionEntryIds: ['e1', 'e2'] }), new Set(), true)
    expect(first.notify).toEqual([{ problem: 'outbox-attention', workspaceId: 'acme', count: 2 }])
    const more = decideNotices(state({ attentionEntryIds: ['e1', 'e2', 'e3'] }), first.seen, true)
    expect(more.notify).toEqual([{ problem: 'outbox-attention', workspaceId: 'acme', count: 1 }])
    expect(
      decideNotices(state({ attentionEntryIds: ['e1', 'e2', 'e3'] }), more.seen, true).notify
    ).toEqual([])
  })

  it("keeps another workspace's problems seen", () => {
    const other = decideNotices(
      state({ workspaceId: 'beta', syncErrorKind: 'unauthorized' }),
      new Set(),
      true
    )
    const acme = decideNotices(state(), other.seen, true)
    expect(
      decideNotices(state({ workspaceId: 'beta', syncErrorKind: 'unauthorized' }), acme.seen, true)
        .notify
    ).toEqual([])
  })
})

describe('windowIsHidden', () => {
  it('is hidden when minimised or when another app has focus', () => {
    expect(windowIsHidden({ visibilityState: 'hidden', hasFocus: () => true })).toBe(true)
    expect(windowIsHidden({ visibilityState: 'visible', hasFocus: () => false })).toBe(true)
    expect(windowIsHidden({ visibilityState: 'visible', hasFocus: () => true })).toBe(false)
  })
})
