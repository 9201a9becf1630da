/**
 * Row chunks for an export of rows already in memory (the grid's client-side model): `count`
 * rows read by index, `size` at a time, with a macrotask between chunks so the page stays
 * responsive (progress paints, Cancel can be clicked). Large grids read chunks from the cache
 * instead, behind the same `AsyncIterable`.
 */
export async function* chunksByIndex<Row>(
  count: number,
  rowAt: (index: number) => Row | undefined,
  size: number
): AsyncGenerator<Row[]> {
  for (let start = 0; start < count; start += size) {
    const chunk: Row[] = []
    const end = Math.min(count, start + size)
    for (let i = start; i < end; i++) {
      const row = rowAt(i)
      if (row !== undefined) chunk.push(row)
    }
    yield chunk
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
