/**
 * Streaming CSV export: the chunks written one after another make exactly the one-shot file
 * (AG Grid's format: every field quoted, quotes doubled, CRLF, no trailing line break), with
 * formula neutralisation; a cancel stops reading at once and saves nothing; and the writer
 * never holds more than one chunk of text.
 */
import type { ColDef } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import { csvColumnFromDef } from '../../../src/renderer/src/grid/csvStream/columns'
import { csvDocument, streamCsv } from '../../../src/renderer/src/grid/csvStream/exportStream'
import type { CsvSink } from '../../../src/renderer/src/grid/csvStream/sink'

interface Row {
  name: string
  mrrCents: number | null
  since: string | null
  tags: string[]
}

const defs: [ColDef<Row>, string][] = [
  [{ field: 'name', cellDataType: 'text' }, 'Name'],
  [
    {
      field: 'mrrCents',
      cellDataType: 'number',
      valueFormatter: (p) => (p.value === null ? '' : (Number(p.value) / 100).toFixed(2))
    },
    'MRR'
  ],
  [
    {
      field: 'since',
      valueFormatter: (p) => `on ${String(p.value)}`,
      useValueFormatterForExport: false
    },
    'Since'
  ],
  [{ colId: 'tags', valueGetter: (p) => (p.data?.tags ?? []).join(', ') }, 'Tags "all"']
]
const columns = defs.map(([def, header]) => csvColumnFromDef(def, header))

const rows: Row[] = [
  { name: 'Acme "Big" Co', mrrCents: -150_000, since: '2024-01-02', tags: ['a', 'b'] },
  { name: '=HYPERLINK("http://evil")', mrrCents: 0, since: null, tags: [] },
  { name: '-1+2', mrrCents: null, since: '2023-05-06', tags: ['@x'] },
  { name: 'Line\nbreak', mrrCents: 12_345, since: '2022-02-03', tags: ['+y'] },
  { name: 'Plain', mrrCents: 100, since: '2021-01-01', tags: [] }
]

/** A sink that keeps what it was given, for inspection. */
function collectingSink() {
  const writes: string[] = []
  let closed = false
  let aborted = false
  const sink: CsvSink = {
    write: async (text) => void writes.push(text),
    close: async () => void (closed = true),
    abort: async () => void (aborted = true)
  }
  return {
    sink,
    writes,
    get closed() {
      return closed
    },
    get aborted() {
      return aborted
    }
  }
}

async function* inChunks<T>(list: readonly T[], size: number, log: string[] = []) {
  try {
    for (let i = 0; i < list.length; i += size) {
      log.push(`read ${i / size}`)
      yield list.slice(i, i + size)
    }
  } finally {
    log.push('reader closed')
  }
}

describe('streamCsv', () => {
  it('writes the same file as the one-shot export, formula cells neutralised', async () => {
    // Spelled out: AG Grid's CSV of these rows through exportCellText.
    const expected =
      '"Name","MRR","Since","Tags ""all"""\r\n' +
      '"Acme ""Big"" Co","-1500.00","2024-01-02","a, b"\r\n' +
      '"\'=HYPERLINK(""http://evil"")","0.00","",""\r\n' +
      '"\'-1+2","","2023-05-06","\'@x"\r\n' +
      '"Line\nbreak","123.45","2022-02-03","\'+y"\r\n' +
      '"Plain","1.00","2021-01-01",""'
    expect(csvDocument(columns, rows)).toBe(expected)
    for (const size of [1, 2, 3, 5, 100]) {
      const out = collectingSink()
      const outcome = await streamCsv({ columns, chunks: inChunks(rows, size), sink: out.sink })
      expect(outcome).toEqual({ status: 'done', rows: rows.length })
      expect(out.writes.join(''), `chunks of ${size}`).toBe(expected)
      expect(out.closed).toBe(true)
      expect(out.aborted).toBe(false)
    }
  })

  it('writes only the header for no rows', async () => {
    const out = collectingSink()
    await streamCsv({ columns, chunks: inChunks([], 2), sink: out.sink })
    expect(out.writes.join('')).toBe('"Name","MRR","Since","Tags ""all"""')
  })

  it('stops reading as soon as it is cancelled, and saves nothing', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ ...rows[4]!, name: `Row ${i}` }))
    const log: string[] = []
    const controller = new AbortController()
    const out = collectingSink()
    const outcome = await streamCsv({
      columns,
      chunks: inChunks(many, 10, log),
      sink: out.sink,
      signal: controller.signal,
      onProgress: (written) => {
        if (written === 20) controller.abort()
      }
    })
    expect(outcome).toEqual({ status: 'cancelled', rows: 20 })
    // Two chunks read, then the reader was closed: the third was never read.
    expect(log).toEqual(['read 0', 'read 1', 'reader closed'])
    expect(out.aborted).toBe(true)
    expect(out.closed).toBe(false)
  })

  it('never holds more than one chunk: each chunk is written before the next is read', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...rows[0]!, name: `Row ${i}` }))
    const log: string[] = []
    const sizes: number[] = []
    const sink: CsvSink = {
      write: async (text) => {
        log.push('write')
        sizes.push(text.split('\r\n').length - 1)
      },
      close: async () => undefined,
      abort: async () => undefined
    }
    await streamCsv({ columns, chunks: inChunks(many, 10, log), sink })
    // Header, then one write per chunk, each right after its read.
    expect(log).toEqual([
      'write',
      ...Array.from({ length: 5 }, (_, i) => [`read ${i}`, 'write']).flat(),
      'reader closed'
    ])
    expect(sizes).toEqual([0, 10, 10, 10, 10, 10])
  })

  it('discards the partial file when reading fails', async () => {
    async function* failing() {
      yield rows.slice(0, 2)
      throw new Error('the cache went away')
    }
    const out = collectingSink()
    await expect(streamCsv({ columns, chunks: failing(), sink: out.sink })).rejects.toThrow(
      'the cache went away'
    )
    expect(out.aborted).toBe(true)
    expect(out.closed).toBe(false)
  })
})
