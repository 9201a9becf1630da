import { describe, expect, it } from 'vitest'
import { decideExternalLink } from '../../../src/main/security/externalLinks'

describe('external links', () => {
  it.each([
    ['backslashes (parsed as slashes by browsers)', 'https:\\\\evil.test/x'],
    ['a backslash in the path', 'https://app.chartmogul.com\\@evil.test/'],
    ['a newline', 'https://app.chartmogul.com/#/customers/1\nhttps://evil.test'],
    ['a carriage return', 'https://app.chartmogul.com/\r'],
    ['a tab', 'https://app.chartmogul.com/\t'],
    ['a space', 'https://app.chartmogul.com/ x'],
    ['a leading space', ' https://app.chartmogul.com/'],
    ['a NUL', 'https://app.chartmogul.com/\u0000'],
    ['a bidi override', 'https://app.chartmogul.com/\u202e'],
    ['plain http', 'http://app.chartmogul.com/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['credentials', 'https://user:pw@app.chartmogul.com/'],
    ['no host', 'https://'],
    ['nothing', '']
  ])('refuses %s, whatever the purpose', (_label, raw) => {
    expect(decideExternalLink(raw, 'chartmogul-app').action).toBe('refuse')
    expect(decideExternalLink(raw, 'link').action).toBe('refuse')
  })

  it('opens a ChartMogul record only on ChartMogul’s app host, as the normalised href', () => {
    expect(
      decideExternalLink(
        'HTTPS://APP.ChartMogul.com/#/customers/114167452-Pied_Piper',
        'chartmogul-app'
      )
    ).toEqual({
      action: 'open',
      href: 'https://app.chartmogul.com/#/customers/114167452-Pied_Piper'
    })
    for (const raw of [
      'https://evil.example/#/customers/1',
      'https://app.chartmogul.com.evil.example/',
      'https://chartmogul.com/',
      'https://app.chartmogul.com:8443/',
      'https://аpp.chartmogul.com/'
    ]) {
      const decision = decideExternalLink(raw, 'chartmogul-app')
      expect(decision.action).toBe('refuse')
      if (decision.action === 'refuse') expect(decision.reason).toMatch(/app\.chartmogul\.com/)
    }
  })

  it('asks before any other link, naming the exact host', () => {
    expect(decideExternalLink('https://Docs.Example.com/a?b=1#c', 'link')).toEqual({
      action: 'ask',
      href: 'https://docs.example.com/a?b=1#c',
      host: 'docs.example.com'
    })
    // Even ChartMogul's own host, when the page did not say what the link is.
    expect(decideExternalLink('https://app.chartmogul.com/', 'link')).toMatchObject({
      action: 'ask',
      host: 'app.chartmogul.com'
    })
    // An IDN is shown as the parser spells it (punycode), so look-alikes are visible.
    expect(decideExternalLink('https://аpp.chartmogul.com/', 'link')).toMatchObject({
      action: 'ask',
      host: 'xn--pp-6kc.chartmogul.com'
    })
  })
})
