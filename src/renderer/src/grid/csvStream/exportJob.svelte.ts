/**
 * One grid's CSV export as the page shows it: running with "N of M rows", done, cancelled or
 * failed. `run` streams the source into a sink (a download by default); `cancel` stops it
 * between chunks and discards the partial file.
 */
import { blobDownloadSink, type CsvSink } from './sink'
import { streamCsv } from './exportStream'
import type { CsvSource } from './gridSource'

/** Rows per chunk: small enough to keep the page responsive, big enough to write fast. */
export const CSV_CHUNK_ROWS = 5_000

export type CsvExportPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed'

export class CsvExportJob {
  phase = $state<CsvExportPhase>('idle')
  written = $state(0)
  total = $state(0)
  fileName = $state('')
  error = $state('')
  #controller: AbortController | null = null
  readonly #sinkFor: (fileName: string) => CsvSink
  readonly #chunkRows: number

  constructor(
    sinkFor: (fileName: string) => CsvSink = (name) => blobDownloadSink(name),
    chunkRows = CSV_CHUNK_ROWS
  ) {
    this.#sinkFor = sinkFor
    this.#chunkRows = chunkRows
  }

  get running(): boolean {
    return this.phase === 'running'
  }

  async run<Row>(source: CsvSource<Row>, fileName: string): Promise<void> {
    if (this.running) return
    const controller = new AbortController()
    this.#controller = controller
    this.phase = 'running'
    this.written = 0
    this.total = source.total
    this.fileName = fileName
    this.error = ''
    try {
      const outcome = await streamCsv({
        columns: source.columns,
        chunks: source.chunks(this.#chunkRows),
        sink: this.#sinkFor(fileName),
        signal: controller.signal,
        onProgress: (rows) => (this.written = rows)
      })
      this.phase = outcome.status
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
      this.phase = 'failed'
    } finally {
      this.#controller = null
    }
  }

  cancel(): void {
    this.#controller?.abort()
  }
}
