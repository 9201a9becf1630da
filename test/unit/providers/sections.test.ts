/** The sidebar follows the provider's capability table; switching lands on a section it has. */
import { describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../../src/shared/providers/capabilities'
import { landingSection, sectionsFor } from '../../../src/renderer/src/shell/sections'
import { adapterFor } from '../../../src/renderer/src/providers'

describe('sections per provider', () => {
  it('lists ChartMogul’s sections as before', () => {
    expect(sectionsFor(capabilitiesOf('chartmogul')).map((s) => s.label)).toEqual([
      'Customers',
      'Plans',
      'Activities',
      'Opportunities',
      'Dashboard',
      'Outbox',
      'Settings'
    ])
  })

  it('lists Monaco’s: accounts and contacts instead of customers, plans and activities', () => {
    expect(sectionsFor(capabilitiesOf('monaco')).map((s) => s.label)).toEqual([
      'Accounts',
      'Contacts',
      'Opportunities',
      'Dashboard',
      'Outbox',
      'Settings'
    ])
  })

  it('keeps a section both providers have and otherwise lands on the first one', () => {
    const monaco = capabilitiesOf('monaco')
    const chartmogul = capabilitiesOf('chartmogul')
    expect(landingSection('opportunities', monaco)).toBe('opportunities')
    expect(landingSection('customers', monaco)).toBe('accounts')
    expect(landingSection('plans', monaco)).toBe('accounts')
    expect(landingSection('contacts', chartmogul)).toBe('customers')
    expect(landingSection('settings', chartmogul)).toBe('settings')
  })
})

describe('provider adapters', () => {
  it('picks the adapter from the workspace’s provider; files without one are ChartMogul', () => {
    expect(adapterFor({}).id).toBe('chartmogul')
    expect(adapterFor({ provider: 'chartmogul' }).id).toBe('chartmogul')
    expect(adapterFor({ provider: 'monaco' }).id).toBe('monaco')
  })
})
