/**
 * The API address rules: what an address is stored and shown as, which addresses are refused
 * outright, which hosts count as the provider's own, and which hosts a stored key may go to
 * without asking the user first.
 */
import { describe, expect, it } from 'vitest'
import { keyNeedsConfirmation } from '../../../src/main/security/apiHosts'
import {
  checkApiAddress,
  isLoopbackHostname,
  notOwnAddressNotice
} from '../../../src/shared/workspace/apiAddress'

function refusal(raw: string): string {
  const result = checkApiAddress(raw)
  if (result.ok) throw new Error(`${raw} was accepted as ${result.url}`)
  return result.message
}

describe('API address: normalised form', () => {
  it.each([
    ['https://api.chartmogul.com', 'https://api.chartmogul.com', 'api.chartmogul.com'],
    ['https://api.chartmogul.com/', 'https://api.chartmogul.com', 'api.chartmogul.com'],
    ['HTTPS://API.ChartMogul.com:443/v1/', 'https://api.chartmogul.com', 'api.chartmogul.com'],
    ['https://api.chartmogul.com/v1', 'https://api.chartmogul.com', 'api.chartmogul.com'],
    ['  https://proxy.example:8443  ', 'https://proxy.example:8443', 'proxy.example:8443'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010', '127.0.0.1:4010'],
    ['http://127.1:4010', 'http://127.0.0.1:4010', '127.0.0.1:4010'],
    ['http://localhost:9', 'http://localhost:9', 'localhost:9'],
    ['http://[::1]:9', 'http://[::1]:9', '[::1]:9']
  ])('%s is stored as %s', (raw, url, host) => {
    expect(checkApiAddress(raw)).toEqual({ ok: true, url, host })
  })
})

describe('API address: refused, with a message that says why', () => {
  it('refuses the backslash-at trick and names where the key would really go', () => {
    // WHATWG parsing turns "\" into "/": the host is evil.example, not api.chartmogul.com.
    const message = refusal('https://evil.example\\@api.chartmogul.com')
    expect(message).toContain('evil.example')
    expect(message).toMatch(/just the address/i)
    expect(refusal('https://evil.example/@api.chartmogul.com')).toContain('evil.example')
  })

  it('refuses any path: an API address is a host, nothing after it', () => {
    expect(refusal('https://proxy.example/chartmogul')).toMatch(/just the address/i)
    expect(refusal('https://api.chartmogul.com/v1/customers')).toMatch(/just the address/i)
  })

  it('refuses user names and passwords in the address', () => {
    expect(refusal('https://u:p@api.chartmogul.com')).toMatch(/user name|password/i)
    expect(refusal('https://api.chartmogul.com@evil.example')).toMatch(/user name|password/i)
  })

  it.each(['https://api.chartmogul.com/?x=1', 'https://api.chartmogul.com?'])(
    'refuses a query: %s',
    (raw) => expect(refusal(raw)).toMatch(/\?/)
  )

  it.each(['https://api.chartmogul.com/#top', 'https://api.chartmogul.com#'])(
    'refuses a fragment: %s',
    (raw) => expect(refusal(raw)).toMatch(/#/)
  )

  it.each([
    'https://169.254.169.254',
    'http://169.254.169.254/latest/meta-data',
    'https://169.254.1.1',
    // Other spellings of 169.254.169.254 that URL parsing turns back into it.
    'https://2852039166/',
    'https://0xA9FEA9FE',
    'https://0251.0376.0251.0376',
    'https://169.254.43518',
    'https://[fe80::1]',
    'https://[febf::1]',
    'https://[fd00:ec2::254]',
    'https://[::ffff:169.254.169.254]',
    'https://[64:ff9b::a9fe:a9fe]',
    'https://metadata.google.internal',
    'http://metadata.google.internal./computeMetadata/v1',
    'https://METADATA',
    'https://100.100.100.200',
    'ftp://169.254.169.254',
    'gopher://2852039166'
  ])('refuses the link-local or cloud-metadata address %s, whatever the scheme', (raw) => {
    expect(refusal(raw)).toMatch(/metadata|link-local/i)
  })

  it.each([
    ['http://api.chartmogul.com', /https/],
    ['ftp://api.chartmogul.com', /https/],
    ['javascript:alert(1)', /https/],
    ['api.chartmogul.com', /https:\/\//],
    ['', /https:\/\//]
  ])('refuses %s', (raw, message) => {
    expect(refusal(raw)).toMatch(message)
  })
})

describe('loopback', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', '[::1]'])('%s is this computer', (host) =>
    expect(isLoopbackHostname(host)).toBe(true)
  )
  it.each(['128.0.0.1', 'localhost.evil.example', '[::2]', 'evil.example', '0.0.0.0'])(
    '%s is not',
    (host) => expect(isLoopbackHostname(host)).toBe(false)
  )
})

describe('which hosts a stored key may go to without asking', () => {
  it('the provider’s own API host and this computer need no confirmation', () => {
    expect(keyNeedsConfirmation('chartmogul', 'https://api.chartmogul.com', [])).toBe(false)
    expect(keyNeedsConfirmation('monaco', 'https://api.monaco.com', [])).toBe(false)
    expect(keyNeedsConfirmation('chartmogul', 'http://127.0.0.1:4010', [])).toBe(false)
    expect(keyNeedsConfirmation('chartmogul', 'http://localhost:4010', [])).toBe(false)
    expect(keyNeedsConfirmation('chartmogul', 'http://[::1]:4010', [])).toBe(false)
  })

  it('the demo workspace never asks (it only talks to the built-in simulator)', () => {
    expect(keyNeedsConfirmation(null, 'https://evil.example', [])).toBe(false)
  })

  it('any other host needs the user’s say, once per workspace', () => {
    expect(keyNeedsConfirmation('chartmogul', 'https://evil.example', [])).toBe(true)
    expect(keyNeedsConfirmation('chartmogul', 'https://evil.example', ['evil.example'])).toBe(false)
    // Another port is another server.
    expect(keyNeedsConfirmation('chartmogul', 'https://evil.example:8443', ['evil.example'])).toBe(
      true
    )
    // A ChartMogul key is not Monaco's to receive, nor the other way round.
    expect(keyNeedsConfirmation('chartmogul', 'https://api.monaco.com', [])).toBe(true)
    expect(keyNeedsConfirmation('monaco', 'https://api.chartmogul.com', [])).toBe(true)
    // Look-alikes of the provider's host are other hosts.
    expect(keyNeedsConfirmation('chartmogul', 'https://api.chartmogul.com.evil.example', [])).toBe(
      true
    )
    expect(keyNeedsConfirmation('chartmogul', 'https://api.chartmogul.com:8443', [])).toBe(true)
  })

  it('an address the rules refuse always needs confirmation (and is refused before that)', () => {
    expect(keyNeedsConfirmation('chartmogul', 'https://169.254.169.254', [])).toBe(true)
  })
})

describe('the Settings notice for an address that is not the provider’s own', () => {
  it('names the provider’s own host and the host the key goes to', () => {
    expect(notOwnAddressNotice('chartmogul', 'https://evil.example')).toBe(
      'This is not ChartMogul’s own address (api.chartmogul.com). Your key is sent to evil.example.'
    )
    expect(notOwnAddressNotice('chartmogul', 'https://api.chartmogul.com')).toBeNull()
    expect(notOwnAddressNotice('monaco', 'https://api.monaco.com')).toBeNull()
    expect(notOwnAddressNotice('chartmogul', 'not an address')).toBeNull()
  })
})
