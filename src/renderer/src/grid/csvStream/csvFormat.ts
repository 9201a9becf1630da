/**
 * The CSV text Revdesk writes, byte for byte what AG Grid's own export wrote before exports
 * streamed (csvSerializingSession): every field in double quotes with embedded quotes doubled,
 * fields separated by commas, lines by CRLF, a header line first and no line break at the end.
 */
export const CSV_LINE_SEPARATOR = '\r\n'

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (AG Grid adds one too). */
export const CSV_BOM = '\uFEFF'

export function csvField(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',')
}
