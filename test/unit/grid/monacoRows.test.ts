/** Monaco rows as the grids show them: names and labels looked up beside the references. */
import { describe, expect, it } from 'vitest'
import { withContactNames, withOwnerName } from '../../../src/renderer/src/sections/data/monacoRows'

describe('Monaco row decoration', () => {
  it('names an account’s owner from the cached users', () => {
    const users = new Map([['u1', 'Ada Lovelace']])
    const row = { id: 'a1', owner: { id: 'u1', firstName: null, lastName: null } }
    expect(withOwnerName(row, users)).toMatchObject({ id: 'a1', ownerName: 'Ada Lovelace' })
    expect(row).not.toHaveProperty('ownerName')
  })

  it('gives a contact a full name and its account’s name (the id until that is cached)', () => {
    const accounts = new Map([['a1', 'Acme']])
    expect(
      withContactNames(
        { id: 'c1', firstName: 'Grace', lastName: 'Hopper', email: 'g@x.io', accountId: 'a1' },
        accounts
      )
    ).toMatchObject({ name: 'Grace Hopper', accountName: 'Acme' })
    expect(
      withContactNames(
        { id: 'c2', firstName: null, lastName: null, email: 'x@y.io', accountId: 'a2' },
        accounts
      )
    ).toMatchObject({ name: 'x@y.io', accountName: 'a2' })
  })
})
