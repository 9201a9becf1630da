/** What "Add workspace" tells the user, and which field it sends them to. */
import { describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../../src/shared/providers/capabilities'
import { BridgeCallError } from '../../../src/renderer/src/lib/bridge'
import {
  missingInput,
  problemFrom
} from '../../../src/renderer/src/sections/settings/addWorkspaceProblem'

const chartmogul = capabilitiesOf('chartmogul')

describe('add-workspace problems', () => {
  it('sends the user to the first empty field', () => {
    expect(missingInput(chartmogul, { name: ' ', apiKey: '' })?.field).toBe('name')
    expect(missingInput(chartmogul, { name: 'Acme', apiKey: ' ' })?.field).toBe('apiKey')
    expect(missingInput(chartmogul, { name: 'Acme', apiKey: 'k' })).toBeNull()
  })

  it('points a refused key at the key field, and a lost connection at no field', () => {
    const refused = problemFrom(
      chartmogul,
      new BridgeCallError({ code: 'unauthorized', message: 'HTTP 401' })
    )
    expect(refused.field).toBe('apiKey')
    expect(refused.message).toContain('ChartMogul did not accept that API key')
    const offline = problemFrom(
      chartmogul,
      new BridgeCallError({ code: 'network', message: 'ECONNREFUSED' })
    )
    expect(offline.field).toBeNull()
    expect(offline.message).toContain('could not reach ChartMogul')
  })

  it('points a withheld key at the address, and an argument issue at its field', () => {
    expect(
      problemFrom(
        chartmogul,
        new BridgeCallError({ code: 'key_withheld', message: 'You chose not to send…' })
      )
    ).toEqual({ message: 'You chose not to send…', field: 'baseUrl' })
    expect(
      problemFrom(
        chartmogul,
        new BridgeCallError({
          code: 'invalid_argument',
          message: 'bad',
          issues: [{ path: 'name', message: 'The name is too long.' }]
        })
      )
    ).toEqual({ message: 'The name is too long.', field: 'name' })
  })
})
