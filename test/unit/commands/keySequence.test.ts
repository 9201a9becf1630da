/** The one-key shortcut handler: single keys, "G then letter" with a timeout, and when to ignore keys. */
import { describe, expect, it } from 'vitest'
import {
  createKeySequenceHandler,
  isTypingTarget,
  type KeyInput
} from '../../../src/renderer/src/commands/keySequence'

const BINDINGS = [
  { id: 'new', keys: ['c'] },
  { id: 'sheet', keys: ['?'] },
  { id: 'search', keys: ['/'] },
  { id: 'goto:outbox', keys: ['g', 'b'] },
  { id: 'goto:customers', keys: ['g', 'c'] }
]

const body = { tagName: 'BODY', isContentEditable: false, closest: () => null }
const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: body as unknown as EventTarget,
  ...extra
})

function handler(start = 0) {
  let now = start
  const h = createKeySequenceHandler({ bindings: BINDINGS, timeoutMs: 1000, now: () => now })
  return { h, advance: (ms: number) => (now += ms) }
}

describe('createKeySequenceHandler', () => {
  it('runs single keys, case-insensitively', () => {
    const { h } = handler()
    expect(h.handle(key('c'))).toBe('new')
    expect(h.handle(key('C'))).toBe('new')
    expect(h.handle(key('?'))).toBe('sheet')
    expect(h.handle(key('/'))).toBe('search')
    expect(h.handle(key('x'))).toBeNull()
  })

  it('runs G then a letter, where G alone is pending and not C', () => {
    const { h } = handler()
    expect(h.handle(key('g'))).toBe('pending')
    expect(h.handle(key('c'))).toBe('goto:customers')
    expect(h.handle(key('g'))).toBe('pending')
    expect(h.handle(key('b'))).toBe('goto:outbox')
  })

  it('forgets G after the timeout, so the letter is its own shortcut again', () => {
    const { h, advance } = handler()
    expect(h.handle(key('g'))).toBe('pending')
    advance(999)
    expect(h.handle(key('b'))).toBe('goto:outbox')
    expect(h.handle(key('g'))).toBe('pending')
    advance(1001)
    expect(h.handle(key('c'))).toBe('new')
    expect(h.handle(key('b'))).toBeNull()
  })

  it('starts over when the key after G continues no sequence', () => {
    const { h } = handler()
    expect(h.handle(key('g'))).toBe('pending')
    expect(h.handle(key('x'))).toBeNull()
    expect(h.handle(key('b'))).toBeNull()
    expect(h.handle(key('g'))).toBe('pending')
    expect(h.handle(key('?'))).toBe('sheet')
  })

  it('ignores keys with Ctrl, ⌘ or Alt, and a modifier breaks a sequence', () => {
    const { h } = handler()
    expect(h.handle(key('c', { ctrlKey: true }))).toBeNull()
    expect(h.handle(key('c', { metaKey: true }))).toBeNull()
    expect(h.handle(key('c', { altKey: true }))).toBeNull()
    expect(h.handle(key('g'))).toBe('pending')
    expect(h.handle(key('b', { ctrlKey: true }))).toBeNull()
    expect(h.handle(key('b'))).toBeNull()
  })

  it('ignores keys typed into inputs, text areas, selects and editable content', () => {
    const { h } = handler()
    for (const target of [
      { tagName: 'INPUT' },
      { tagName: 'textarea' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
      { tagName: 'SPAN', closest: (s: string) => (s.includes('contenteditable') ? {} : null) }
    ]) {
      expect(isTypingTarget(target as unknown as EventTarget)).toBe(true)
      expect(h.handle(key('c', { target: target as unknown as EventTarget }))).toBeNull()
    }
    expect(h.handle(key('g'))).toBe('pending')
    expect(
      h.handle(key('b', { target: { tagName: 'INPUT' } as unknown as EventTarget }))
    ).toBeNull()
    expect(isTypingTarget(body as unknown as EventTarget)).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})
