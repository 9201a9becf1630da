/**
 * The Monaco quick jump: accounts by name or domain, contacts by name or email (a hit opens the
 * contact's account), ranked, capped, and answered first from the indexes alone.
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import {
  openWorkspaceCache,
  type CachedAccount,
  type CachedContact,
  type WorkspaceCache
} from '../../../src/renderer/src/cache'
import { adapterFor } from '../../../src/renderer/src/providers'
import {
  accountEntry,
  accountJumpIndexFor,
  contactEntry,
  searchAccountJump
} from '../../../src/renderer/src/shell/accountJump'
import type { JumpHit } from '../../../src/renderer/src/shell/quickJumpSource'
import { QUICK_JUMP_LIMIT } from '../../../src/renderer/src/shell/quickJumpSearch'
import { uniqueWorkspaceId } from '../sync/support/cache'

function account(id: string, name: string | null, domain: string | null = null): CachedAccount {
  return {
    id,
    name,
    status: null,
    owner: null,
    notes: null,
    domain,
    tags: [],
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    customFields: {},
    _gen: 1
  }
}

function contact(
  id: string,
  accountId: string | null,
  firstName: string,
  lastName: string,
  email: string | null
): CachedContact {
  return {
    id,
    accountId,
    firstName,
    lastName,
    email,
    title: null,
    phoneNumber: null,
    doNotContact: false,
    tags: [],
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    lastActivityAt: null,
    customFields: {},
    _gen: 1
  }
}

let db: WorkspaceCache | undefined
afterEach(() => {
  db?.close()
  db = undefined
})

async function seeded(): Promise<WorkspaceCache> {
  db = await openWorkspaceCache(uniqueWorkspaceId('account-jump'))
  await db.accounts.bulkPut([
    account('acc_acme', 'Acme Corp', 'acme.com'),
    account('acc_globex', 'Globex', 'globex.io'),
    account('acc_nameless', null, 'initech.com')
  ])
  await db.contacts.bulkPut([
    contact('con_ada', 'acc_globex', 'Ada', 'Lovelace', 'ada@acme-partners.com'),
    contact('con_alan', 'acc_acme', 'Alan', 'Turing', 'alan@acme.com'),
    contact('con_orphan', null, 'Acme', 'Fan', 'fan@acme.com')
  ])
  return db
}

const shown = (hits: readonly JumpHit[]) => hits.map((h) => [h.name, h.parentId, h.aside])

describe('the Monaco quick jump', () => {
  it('finds accounts by name and domain, contacts by name and email; a contact opens its account', async () => {
    const cache = await seeded()
    const index = await accountJumpIndexFor(cache, 1).current
    expect(shown(await searchAccountJump(cache, 'acme', index))).toEqual([
      ['Acme Corp', 'acc_acme', 'Account'],
      // Contacts whose email has the word inside: after the name match, by name.
      ['Ada Lovelace', 'acc_globex', 'Contact'],
      ['Alan Turing', 'acc_acme', 'Contact']
    ])
    expect(shown(await searchAccountJump(cache, 'globex.io', index))).toEqual([
      ['Globex', 'acc_globex', 'Account']
    ])
    // A first name (no index answers it) and a later word of a name.
    expect(shown(await searchAccountJump(cache, 'ada', index))).toEqual([
      ['Ada Lovelace', 'acc_globex', 'Contact']
    ])
    expect(shown(await searchAccountJump(cache, 'LOVE', index))).toEqual([
      ['Ada Lovelace', 'acc_globex', 'Contact']
    ])
    const [ada] = await searchAccountJump(cache, 'ada@', index)
    expect(ada?.detail).toBe('Globex · ada@acme-partners.com')
    // An account without a name is shown by its domain.
    expect(shown(await searchAccountJump(cache, 'initech', index))).toEqual([
      ['initech.com', 'acc_nameless', 'Account']
    ])
    expect(await searchAccountJump(cache, '  ', index)).toEqual([])
  })

  it('leaves out a contact that belongs to no account (there is nothing to open)', async () => {
    const cache = await seeded()
    const index = await accountJumpIndexFor(cache, 1).current
    expect((await searchAccountJump(cache, 'fan', index)).map((h) => h.key)).toEqual([])
    expect(contactEntry(contact('c', null, 'A', 'B', 'a@b.c'), new Map())).toBeNull()
  })

  it('answers name, domain, email and last-name prefixes from the indexes before the text index exists', async () => {
    const cache = await seeded()
    expect(shown(await searchAccountJump(cache, 'acme', null))).toEqual([
      ['Acme Corp', 'acc_acme', 'Account']
    ])
    expect(shown(await searchAccountJump(cache, 'glob', null))).toEqual([
      ['Globex', 'acc_globex', 'Account']
    ])
    for (const query of ['ALAN@', 'turing']) {
      expect(shown(await searchAccountJump(cache, query, null))).toEqual([
        ['Alan Turing', 'acc_acme', 'Contact']
      ])
    }
    // Inside an email: only the text index knows.
    expect(await searchAccountJump(cache, 'partners', null)).toEqual([])
  })

  it('caps the results, best first', async () => {
    db = await openWorkspaceCache(uniqueWorkspaceId('account-jump-many'))
    await db.accounts.bulkPut(
      Array.from({ length: 300 }, (_, i) => account(`acc_${i}`, `North ${1000 + i}`))
    )
    await db.accounts.put(account('acc_exact', 'north'))
    const index = await accountJumpIndexFor(db, 1).current
    const hits = await searchAccountJump(db, 'north', index)
    expect(hits).toHaveLength(QUICK_JUMP_LIMIT)
    expect(hits[0]?.parentId).toBe('acc_exact')
  })

  it('is what a Monaco workspace’s Ctrl/Cmd+K searches, in Monaco’s words', async () => {
    const cache = await seeded()
    const source = adapterFor({ provider: 'monaco' }).quickJump
    expect(source.wording.inputLabel).toBe('Jump to account or contact')
    const calls: JumpHit[][] = []
    await source.search(cache, 'partners', 7, (hits) => calls.push(hits))
    // First from the indexes (nothing there), then with the background index of this revision.
    expect(calls.map(shown)).toEqual([[], [['Ada Lovelace', 'acc_globex', 'Contact']]])
    // Once built, that index answers at once.
    calls.length = 0
    await source.search(cache, 'partners', 7, (hits) => calls.push(hits))
    expect(calls.map(shown)).toEqual([[['Ada Lovelace', 'acc_globex', 'Contact']]])
    expect(adapterFor({ provider: 'chartmogul' }).quickJump.wording.inputLabel).toBe(
      'Jump to customer'
    )
    expect(accountEntry(account('a', 'X', null)).detail).toBe('')
  })
})
