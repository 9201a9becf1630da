/**
 * Where a streamed CSV goes. The exporter hands a sink one chunk of text at a time and keeps
 * none of it; the sink decides what holding it costs.
 *
 * `blobDownloadSink` turns each chunk into a Blob at once and keeps only the Blob handles: the
 * bytes move out of the page's JavaScript heap into Chromium's blob storage (in the browser
 * process, which moves large blobs to disk), so the renderer's memory stays at about one chunk
 * whatever the export's size. At the end the parts become one Blob (a list of references, not
 * a copy) that is saved as a download, as AG Grid's export did — in Electron that is the
 * native save dialog. Cancelling drops the parts: nothing is saved.
 *
 * Not the File System Access API (`showSaveFilePicker`), which would write straight to disk:
 * the app denies every permission request (createMainWindow.ts `denyAllPermissions`), file
 * system access included, and widening that for one feature is a security decision of its own.
 * A main-process sink (save dialog + append through the bridge) can replace this one behind
 * the same interface if exports must not touch the blob store at all.
 */
import { CSV_BOM } from './csvFormat'

export interface CsvSink {
  write(text: string): Promise<void>
  /** Everything is written: deliver the file. */
  close(): Promise<void>
  /** Cancelled or failed: discard what was written, deliver nothing. */
  abort(): Promise<void>
}

const CSV_TYPE = 'text/csv;charset=utf-8'

/** Saves a Blob as a download named `fileName` (what AG Grid's export did). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken its own reference by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export function blobDownloadSink(
  fileName: string,
  deliver: (blob: Blob, fileName: string) => void = downloadBlob
): CsvSink {
  let parts: Blob[] | null = [new Blob([CSV_BOM], { type: CSV_TYPE })]
  return {
    async write(text) {
      if (!parts) throw new Error('The CSV file is already closed')
      parts.push(new Blob([text], { type: CSV_TYPE }))
    },
    async close() {
      if (!parts) throw new Error('The CSV file is already closed')
      const file = new Blob(parts, { type: CSV_TYPE })
      parts = null
      deliver(file, fileName)
    },
    async abort() {
      parts = null
    }
  }
}
