import type { ColDef, Column } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import {
  csvCellText,
  exportCellText,
  neutraliseCsvFormula
} from '../../../src/renderer/src/grid/csvCells'

describe('CSV formula neutralising (OWASP CSV injection rule)', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","x")'],
    ['+1+2'],
    ['-1+2'],
    ['@SUM(A1:A2)'],
    ['\t=1+2'],
    ['\r=1+2'],
    ['=1+2'],
    ['"=1+2"']
  ])('prefixes %j with a single quote when it starts a formula', (text) => {
    const out = neutraliseCsvFormula(text)
    if (/^[=+\-@\t\r]/.test(text)) expect(out).toBe(`'${text}`)
    else expect(out).toBe(text)
  })

  it('leaves text that does not start a formula alone', () => {
    for (const text of ['Acme Inc', 'a=b', '', ' x', "'already", 'jane@example.com']) {
      expect(neutraliseCsvFormula(text)).toBe(text)
    }
  })

  it('decides by column type, not by the shape of the text', () => {
    // A real negative number in a numeric column is not a formula.
    expect(csvCellText({ value: -150_000, text: '-$1,500.00', numericColumn: true })).toBe(
      '-$1,500.00'
    )
    expect(csvCellText({ value: -3, text: '-3', numericColumn: true })).toBe('-3')
    // The same text in a text column, or a string in a numeric column, is neutralised.
    expect(csvCellText({ value: '-1+2', text: '-1+2', numericColumn: false })).toBe("'-1+2")
    expect(csvCellText({ value: '-3', text: '-3', numericColumn: false })).toBe("'-3")
    expect(csvCellText({ value: '=1+2', text: '=1+2', numericColumn: true })).toBe("'=1+2")
    expect(csvCellText({ value: Number.NaN, text: '-NaN', numericColumn: true })).toBe("'-NaN")
  })
})

describe('exportCellText (AG Grid processCellCallback)', () => {
  const column = (def: ColDef): Column => ({ getColDef: () => def }) as unknown as Column
  const formatValue = (value: unknown): string => `formatted ${String(value)}`

  it('uses the column’s formatter unless the column opts out, then neutralises', () => {
    expect(
      exportCellText({ value: 'x', column: column({ cellDataType: 'text' }), formatValue })
    ).toBe('formatted x')
    expect(
      exportCellText({
        value: '=cmd',
        column: column({ cellDataType: 'text', useValueFormatterForExport: false }),
        formatValue
      })
    ).toBe("'=cmd")
    expect(
      exportCellText({
        value: -42,
        column: column({ cellDataType: 'number' }),
        formatValue: (v: unknown) => String(v)
      })
    ).toBe('-42')
    expect(
      exportCellText({
        value: null,
        column: column({ cellDataType: 'text', useValueFormatterForExport: false }),
        formatValue
      })
    ).toBe('')
  })
})
