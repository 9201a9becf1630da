/** The download sink: the parts become one file (with the UTF-8 mark) only when closed. */
import { describe, expect, it } from 'vitest'
import { blobDownloadSink } from '../../../src/renderer/src/grid/csvStream/sink'

describe('blobDownloadSink', () => {
  it('delivers the written chunks as one CSV file, in order, when closed', async () => {
    const delivered: { blob: Blob; name: string }[] = []
    const sink = blobDownloadSink('customers.csv', (blob, name) => delivered.push({ blob, name }))
    await sink.write('"a","b"')
    await sink.write('\r\n"1","2"')
    expect(delivered).toEqual([])
    await sink.close()
    expect(delivered).toHaveLength(1)
    expect(delivered[0]!.name).toBe('customers.csv')
    expect(delivered[0]!.blob.type).toBe('text/csv;charset=utf-8')
    const bytes = new Uint8Array(await delivered[0]!.blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('"a","b"\r\n"1","2"')
  })

  it('delivers nothing once aborted, and refuses later writes', async () => {
    const delivered: Blob[] = []
    const sink = blobDownloadSink('x.csv', (blob) => delivered.push(blob))
    await sink.write('"a"')
    await sink.abort()
    await expect(sink.write('"b"')).rejects.toThrow()
    await expect(sink.close()).rejects.toThrow()
    expect(delivered).toEqual([])
  })
})
