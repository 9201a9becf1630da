import { describe, expect, it } from 'vitest'
import {
  MAX_SERVER_TEXT_LENGTH,
  createServerTextCleaner
} from '../../../src/main/security/redactServerText'

/** A key whose `base64(key:)` has `+` and `=` padding, so every base64 variant differs. */
const KEY = 'rd_test_9f8e7d6c5b4a~?>>'
const BASIC = Buffer.from(`${KEY}:`).toString('base64')
const URL_SAFE = BASIC.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/** Every form of the key a server could echo; none may survive cleaning. */
const FORMS = [
  KEY,
  BASIC,
  BASIC.replace(/=+$/, ''),
  URL_SAFE,
  Buffer.from(KEY).toString('base64'),
  encodeURIComponent(KEY)
]

function expectNoKey(text: string): void {
  for (const form of FORMS) expect(text).not.toContain(form)
  // Not even a recognisable head of it.
  expect(text).not.toContain(KEY.slice(0, 12))
  expect(text).not.toContain(BASIC.slice(0, 12))
}

describe('server text cleaning', () => {
  const clean = createServerTextCleaner(KEY)

  it.each([
    ['the raw key', `Invalid key ${KEY} for this account`],
    ['the Basic header value', `Got Authorization: Basic ${BASIC} which is wrong`],
    ['base64 without padding', `token=${BASIC.replace(/=+$/, '')}`],
    ['url-safe base64', `cred ${URL_SAFE}.`],
    ['base64 of the key alone', `got ${Buffer.from(KEY).toString('base64')}`],
    ['the url-encoded key', `?key=${encodeURIComponent(KEY)}`],
    ['a Bearer header', `authorization: bearer ${KEY}`],
    ['lower-case basic', `basic ${BASIC}`]
  ])('removes %s', (_label, text) => {
    const cleaned = clean(text)
    expectNoKey(cleaned)
    expect(cleaned).toContain('[redacted]')
  })

  it('removes any echoed Authorization value, even one that is not this key', () => {
    expect(clean('Authorization: Basic c29tZW9uZS1lbHNlOg==')).toBe('Authorization: [redacted]')
    expect(clean(`you sent Authorization: Basic ${BASIC} (key ${KEY})`)).toBe(
      'you sent Authorization: [redacted] (key [redacted])'
    )
    expect(clean('{"authorization":"Token abc.def"}')).not.toContain('abc.def')
    expect(clean('Bearer eyJhbGciOi.J9.x')).toBe('Bearer [redacted]')
  })

  it('strips control and bidi/format characters and collapses whitespace', () => {
    expect(clean('line one\r\n\tline\u0000two\u001b[31m  red\u2028end')).toBe(
      'line one line two [31m red end'
    )
    expect(clean('invoice\u202egnp.exe\u200b')).toBe('invoicegnp.exe')
  })

  it('caps the length after redacting, so a cut never leaves part of the key', () => {
    const text = `${'x'.repeat(MAX_SERVER_TEXT_LENGTH - 5)} ${KEY} ${'y'.repeat(5000)}`
    const cleaned = clean(text)
    expect(cleaned.length).toBeLessThanOrEqual(MAX_SERVER_TEXT_LENGTH)
    expect(cleaned.endsWith('…')).toBe(true)
    expectNoKey(cleaned)
    expect(clean('z'.repeat(10_000), 40).length).toBe(40)
  })

  it('leaves ordinary text alone', () => {
    expect(clean('Parameter "name" is missing')).toBe('Parameter "name" is missing')
    // Plans are often called "Basic": a word after it is not a credential.
    expect(clean('Plan Basic Monthly not found')).toBe('Plan Basic Monthly not found')
    expect(createServerTextCleaner(null)('Basic plan <b>500</b> ok')).toBe(
      'Basic plan <b>500</b> ok'
    )
  })
})
