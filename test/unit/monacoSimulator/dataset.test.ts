/** `seed → org`: deterministic, sized as asked, internally consistent, independent streams. */
import { describe, expect, it } from 'vitest'
import { generateMonacoDataset, STAGES } from '../../../src/main/monacoSimulator'

describe('Monaco simulator: generated org', () => {
  const options = { seed: 42, accounts: 80, contacts: 150, opportunities: 60, users: 5 }

  it('is the same for the same seed and differs for another', () => {
    expect(generateMonacoDataset(options)).toEqual(generateMonacoDataset(options))
    expect(generateMonacoDataset({ ...options, seed: 43 }).accounts[0]?.name).not.toBe(
      generateMonacoDataset(options).accounts[0]?.name
    )
  })

  it('has the sizes asked for', () => {
    const d = generateMonacoDataset(options)
    expect([d.accounts.length, d.contacts.length, d.opportunities.length, d.users.length]).toEqual([
      80, 150, 60, 5
    ])
  })

  it('keeps references consistent: accounts, owners, tags, stages, custom fields', () => {
    const d = generateMonacoDataset(options)
    const accounts = new Set(d.accounts.map((a) => a.id))
    const users = new Set(d.users.map((u) => u.id))
    const tagObject = new Map(d.tags.map((t) => [t.id, t.object]))
    const fields = new Map(d.customFields.map((f) => [f.id, f]))
    for (const o of d.opportunities) {
      expect(accounts.has(o.accountId)).toBe(true)
      if (o.ownerId !== null) expect(users.has(o.ownerId)).toBe(true)
      expect(o.tagIds.every((t) => tagObject.get(t) === 'opportunities')).toBe(true)
      expect(STAGES.some((s) => s.key === o.stage)).toBe(true)
      expect(Object.keys(o.custom).every((id) => fields.get(id)?.entity === 'opportunities')).toBe(
        true
      )
      expect(o.updatedAt >= o.createdAt).toBe(true)
      const closed = STAGES.find((s) => s.key === o.stage)?.closed
      expect(o.actualCloseDate !== null).toBe(closed !== null)
    }
    for (const c of d.contacts)
      if (c.accountId !== null) expect(accounts.has(c.accountId)).toBe(true)
    expect(d.org.userId).toBe(d.users[0]?.id)
  })

  it('never reads the clock: "today" defaults to 2026-01-01', () => {
    const d = generateMonacoDataset(options)
    const latest = Math.max(...d.accounts.map((a) => Date.parse(a.updatedAt)))
    expect(latest).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z'))
  })

  it('changing the number of contacts does not reshuffle accounts or opportunities', () => {
    const a = generateMonacoDataset(options)
    const b = generateMonacoDataset({ ...options, contacts: 10 })
    expect(b.accounts).toEqual(a.accounts)
    expect(b.opportunities).toEqual(a.opportunities)
  })
})
