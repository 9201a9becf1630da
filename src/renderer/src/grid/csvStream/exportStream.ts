/**
 * Writes a CSV from rows that arrive in chunks (the cache read a chunk at a time), one chunk's
 * text at a time, so an export of a million rows never holds more than a chunk of them as text.
 * A cancel is checked between chunks: reading stops (the chunk iterator is returned, so its
 * reader closes) and the sink discards what it has.
 */
import type { CsvColumn } from './columns'
import { CSV_LINE_SEPARATOR, csvLine } from './csvFormat'
import type { CsvSink } from './sink'

export interface CsvStreamOptions<Row> {
  columns: readonly CsvColumn<Row>[]
  chunks: AsyncIterable<readonly Row[]>
  sink: CsvSink
  signal?: AbortSignal
  /** Rows written so far, after each chunk. */
  onProgress?: (rows: number) => void
}

export interface CsvStreamOutcome {
  status: 'done' | 'cancelled'
  rows: number
}

/** One chunk's lines, each preceded by the line break that ends the line before it. */
export function csvChunkText<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[]
): string {
  let text = ''
  for (const row of rows) text += CSV_LINE_SEPARATOR + csvLine(columns.map((c) => c.text(row)))
  return text
}

/** The whole document at once (for small data and for checking the streamed one). */
export function csvDocument<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return csvLine(columns.map((c) => c.header)) + csvChunkText(columns, rows)
}

export async function streamCsv<Row>(options: CsvStreamOptions<Row>): Promise<CsvStreamOutcome> {
  const { columns, sink, signal } = options
  let rows = 0
  try {
    await sink.write(csvLine(columns.map((c) => c.header)))
    for await (const chunk of options.chunks) {
      if (signal?.aborted) break
      await sink.write(csvChunkText(columns, chunk))
      rows += chunk.length
      options.onProgress?.(rows)
      // `break` returns the iterator: the reader stops before the next chunk.
      if (signal?.aborted) break
    }
  } catch (error) {
    await sink.abort()
    throw error
  }
  if (signal?.aborted) {
    await sink.abort()
    return { status: 'cancelled', rows }
  }
  await sink.close()
  return { status: 'done', rows }
}
