/** Chunks over rows in memory: read lazily, one chunk at a time, with the page let in between. */
import { describe, expect, it } from 'vitest'
import { chunksByIndex } from '../../../src/renderer/src/grid/csvStream/rowChunks'

describe('chunksByIndex', () => {
  it('reads only the rows of the chunk asked for, and lets other tasks run between chunks', async () => {
    const read: number[] = []
    const rowAt = (i: number) => {
      read.push(i)
      return `row ${i}`
    }
    const chunks = chunksByIndex(7, rowAt, 3)
    let ticks = 0
    const ticker = setInterval(() => ticks++, 0)
    const first = await chunks.next()
    expect(first.value).toEqual(['row 0', 'row 1', 'row 2'])
    expect(read).toEqual([0, 1, 2])
    const before = ticks
    const rest: string[][] = []
    for await (const chunk of chunks) rest.push(chunk)
    clearInterval(ticker)
    expect(rest).toEqual([['row 3', 'row 4', 'row 5'], ['row 6']])
    expect(ticks).toBeGreaterThan(before)
  })
})
