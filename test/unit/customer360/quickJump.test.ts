/** The quick jump: its shortcut, its ranking, and its bounded search over the cache. */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspaceCache, type WorkspaceCache } from '../../../src/renderer/src/cache'
import {
  QUICK_JUMP_LIMIT,
  TextIndex,
  buildTextIndex,
  matchScore,
  rankHits,
  searchCustomers,
  textIndexFor,
  toHit,
  type CustomerHit
} from '../../../src/renderer/src/shell/quickJumpSearch'
import {
  isQuickJumpShortcut,
  quickJumpShortcutLabel
} from '../../../src/renderer/src/shell/quickJumpShortcut'
import { uniqueWorkspaceId } from '../sync/support/cache'
import { customer } from './support'

const key = (fields: Partial<KeyboardEvent>) => ({
  key: 'k',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...fields
})

describe('isQuickJumpShortcut', () => {
  it('is Ctrl+K off macOS', () => {
    expect(isQuickJumpShortcut(key({ ctrlKey: true }), false)).toBe(true)
    expect(isQuickJumpShortcut(key({ key: 'K', ctrlKey: true }), false)).toBe(true)
    expect(isQuickJumpShortcut(key({ metaKey: true }), false)).toBe(false)
    expect(isQuickJumpShortcut(key({}), false)).toBe(false)
    expect(isQuickJumpShortcut(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(isQuickJumpShortcut(key({ ctrlKey: true, altKey: true }), false)).toBe(false)
    expect(isQuickJumpShortcut(key({ key: 'j', ctrlKey: true }), false)).toBe(false)
    expect(quickJumpShortcutLabel(false)).toBe('Ctrl+K')
  })

  it('is Cmd+K on macOS', () => {
    expect(isQuickJumpShortcut(key({ metaKey: true }), true)).toBe(true)
    expect(isQuickJumpShortcut(key({ ctrlKey: true }), true)).toBe(false)
    expect(quickJumpShortcutLabel(true)).toBe('⌘K')
  })
})

function hit(uuid: string, name: string, company = '', email = `${uuid}@x.io`): CustomerHit {
  return { uuid, name, company, email, status: 'Active', mrrCents: 0, currency: 'USD' }
}

describe('ranking', () => {
  it('scores exact name, name prefix, company, email, inner words, then anywhere in company', () => {
    const q = 'acme'
    expect(matchScore(q, hit('a', 'Acme'))).toBe(0)
    expect(matchScore(q, hit('a', 'Acme Labs'))).toBe(1)
    expect(matchScore(q, hit('a', 'Jane', 'ACME Corp'))).toBe(2)
    expect(matchScore(q, hit('a', 'Jane', 'Other', 'acme@x.io'))).toBe(3)
    expect(matchScore(q, hit('a', 'The Acme Co'))).toBe(4)
    expect(matchScore(q, hit('a', 'Jane', 'Road-Acme'))).toBe(5)
    expect(matchScore(q, hit('a', 'Jane', 'Megacorp'))).toBeNull()
    expect(matchScore(q, hit('a', 'Jane', 'Bigacme'))).toBe(6)
    expect(matchScore('', hit('a', 'Acme'))).toBeNull()
  })

  it('orders by score then name, drops duplicates and non-matches, and caps', () => {
    const ranked = rankHits('  Ac ', [
      hit('3', 'Zed', 'Acorn'),
      hit('1', 'Acme'),
      hit('2', 'Ace'),
      hit('1', 'Acme'),
      hit('4', 'Nobody')
    ])
    expect(ranked.map((h) => h.uuid)).toEqual(['2', '1', '3'])
    const many = Array.from({ length: 50 }, (_, i) => hit(`u${i}`, `Ac ${i}`))
    expect(rankHits('ac', many)).toHaveLength(QUICK_JUMP_LIMIT)
    expect(rankHits('ac', many, 5)).toHaveLength(5)
  })
})

describe('TextIndex', () => {
  it('finds company prefixes first, then inner name words and company substrings', () => {
    const index = new TextIndex()
    index.add('a', 'Jane Doe', 'Widgets Inc')
    index.add('b', 'John Widgetson', 'Other')
    index.add('c', 'Mary', 'Big Widgets')
    index.add('d', 'Widgets Person', 'None') // a name prefix: the name index's job
    expect(index.find('widget', 10)).toEqual(['a', 'b', 'c'])
    expect(index.find('widget', 1)).toEqual(['a'])
    expect(index.find('', 10)).toEqual([])
    expect(index.size).toBe(4)
  })

  // Speed belongs in benchmarks, not tests: this only proves the answer is right at 100k scale.
  it('finds the one match among 100k customers, capped at the limit', () => {
    const index = new TextIndex()
    for (let i = 0; i < 100_000; i++) index.add(`cus_${i}`, `Person ${i} Smith`, `Company ${i}`)
    expect(index.find('company 99999', 20)).toEqual(['cus_99999'])
    expect(index.find('company 9', QUICK_JUMP_LIMIT)).toHaveLength(QUICK_JUMP_LIMIT)
  })
})

describe('searchCustomers over the cache', () => {
  let cache: WorkspaceCache | undefined
  afterEach(async () => {
    await cache?.delete()
    cache = undefined
  })

  async function seeded(): Promise<WorkspaceCache> {
    cache = await openWorkspaceCache(uniqueWorkspaceId('quickjump'))
    const rows = [
      customer('cus_ada', {
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        email: 'ada@ae.io'
      }),
      customer('cus_alan', { name: 'alan Turing', company: 'Bletchley', email: 'alan@bp.uk' }),
      customer('cus_grace', { name: 'Grace Hopper', company: 'Navy', email: 'amazing@navy.mil' }),
      customer('cus_linus', { name: 'Linus', company: 'Adaptive Kernels', email: 'l@k.org' })
    ]
    for (let i = 0; i < 500; i++) {
      rows.push(
        customer(`cus_bulk_${i}`, { name: `Bulk ${i}`, company: 'Filler', email: `b${i}@f.io` })
      )
    }
    await cache.customers.bulkPut(rows)
    return cache
  }

  it('matches name and email prefixes case-insensitively through the indexes alone', async () => {
    const db = await seeded()
    expect((await searchCustomers(db, 'AL', null)).map((h) => h.uuid)).toEqual(['cus_alan'])
    expect((await searchCustomers(db, 'ama', null)).map((h) => h.uuid)).toEqual(['cus_grace'])
    // Companies need the text index.
    expect(await searchCustomers(db, 'navy', null)).toEqual([])
    expect(await searchCustomers(db, '   ', null)).toEqual([])
  })

  it('adds company and inner-word matches from the text index, ranked after name prefixes', async () => {
    const db = await seeded()
    const index = await buildTextIndex(db)
    expect(index.size).toBe(504)
    const ada = await searchCustomers(db, 'ada', index)
    expect(ada.map((h) => h.uuid)).toEqual(['cus_ada', 'cus_linus'])
    expect((await searchCustomers(db, 'hopper', index)).map((h) => h.uuid)).toEqual(['cus_grace'])
    expect(ada[0]).toEqual(toHit((await db.customers.get('cus_ada'))!))
  })

  it('caps the results', async () => {
    const db = await seeded()
    const index = await buildTextIndex(db)
    const results = await searchCustomers(db, 'bulk', index)
    expect(results).toHaveLength(QUICK_JUMP_LIMIT)
    expect(await searchCustomers(db, 'filler', index, 7)).toHaveLength(7)
  })

  it('builds one text index at a time and reuses it for the same revision', async () => {
    const db = await seeded()
    const first = textIndexFor(db, 1)
    expect(first.ready).toBeNull()
    expect(textIndexFor(db, 1).current).toBe(first.current)
    const built = await first.current
    expect(textIndexFor(db, 1).ready).toBe(built)
    // A newer revision keeps serving the old index while the new one builds.
    await db.customers.put(customer('cus_new', { name: 'Newcomer', company: 'Fresh' }))
    const next = textIndexFor(db, 2)
    expect(next.ready).toBe(built)
    const rebuilt = await next.current
    expect(rebuilt.size).toBe(505)
    expect(textIndexFor(db, 2).ready).toBe(rebuilt)
  })
})
