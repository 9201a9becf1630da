/** Several fetched pages committed at once: all with the checkpoint after the last, or none. */
import { expect, test } from 'vitest'
import {
  beginPass,
  commitPages,
  StaleCheckpointError
} from '../../../src/renderer/src/sync/passStore'
import type { ListPage } from '../../../src/shared/domain'
import type { SyncRecord } from '../../../src/renderer/src/sync/partitions'
import { freshCache } from './support/cache'

function plan(uuids: string[][]) {
  return uuids.map((page, index) => {
    const hasMore = index < uuids.length - 1
    const items = page.map((uuid) => ({ uuid, name: uuid, dataSourceUuid: 'ds_1' }))
    const listed = { items, skipped: [], cursor: `c${index + 1}`, hasMore }
    return {
      page: listed as unknown as ListPage<SyncRecord>,
      nextCursor: hasMore ? listed.cursor : null
    }
  })
}

async function begin() {
  const db = await freshCache('commit-pages')
  const { partitions } = await beginPass(db, {
    resource: 'plans',
    mode: 'full',
    partitions: [{ id: 'all', query: {} }],
    firstPages: new Map(),
    expectedRecords: null,
    checked: true,
    now: '2030-01-01T00:00:00.000Z'
  })
  return { db, partition: partitions[0]! }
}

test('three pages in one commit: every record, and the checkpoint after the third', async () => {
  const { db, partition } = await begin()
  const pages = plan([['p1', 'p2'], ['p3'], ['p4', 'p5'], ['p6']])
  const written: object[] = []
  const next = await commitPages(db, {
    resource: 'plans',
    partition,
    cursor: null,
    pages: pages.slice(0, 3),
    mode: 'full',
    now: '2030-01-01T00:00:01.000Z',
    onRowsWritten: (rows) => written.push(...rows)
  })
  expect(next).toMatchObject({ cursor: 'c3', pages: 3, records: 5, done: false })
  expect(await db.syncState.get(partition.id)).toMatchObject({ cursor: 'c3', pages: 3 })
  expect((await db.plans.toCollection().primaryKeys()).sort()).toEqual([
    'p1',
    'p2',
    'p3',
    'p4',
    'p5'
  ])
  expect(written).toHaveLength(5)

  const last = await commitPages(db, {
    resource: 'plans',
    partition: next,
    cursor: 'c3',
    pages: pages.slice(3),
    mode: 'full',
    now: '2030-01-01T00:00:02.000Z'
  })
  expect(last).toMatchObject({ cursor: null, pages: 4, records: 6, done: true })
})

test('a checkpoint that moved on meanwhile undoes the whole commit', async () => {
  const { db, partition } = await begin()
  const pages = plan([['p1'], ['p2'], ['p3']])
  // Another run got there first.
  await commitPages(db, {
    resource: 'plans',
    partition,
    cursor: null,
    pages: pages.slice(0, 1),
    mode: 'full',
    now: '2030-01-01T00:00:01.000Z'
  })
  await db.plans.clear()
  await expect(
    commitPages(db, {
      resource: 'plans',
      partition,
      cursor: null,
      pages,
      mode: 'full',
      now: '2030-01-01T00:00:02.000Z'
    })
  ).rejects.toBeInstanceOf(StaleCheckpointError)
  expect(await db.plans.count()).toBe(0)
  expect(await db.syncState.get(partition.id)).toMatchObject({ cursor: 'c1', pages: 1 })
})
