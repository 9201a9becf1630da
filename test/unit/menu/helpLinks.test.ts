/** Help's addresses and package.json's repository/homepage/bugs say the same thing. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HELP_LINKS } from '../../../src/main/menu/helpLinks'

const pkg = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')
) as {
  homepage?: string
  bugs?: { url?: string }
  repository?: { type?: string; url?: string }
}

describe('Help links', () => {
  it('Documentation is package.json homepage', () => {
    expect(HELP_LINKS.documentation).toBe(pkg.homepage)
  })

  it('Report a problem opens a new issue where package.json bugs points', () => {
    expect(HELP_LINKS.reportProblem).toBe(`${pkg.bugs?.url}/new`)
  })

  it('both live in package.json repository, over https', () => {
    const repository = pkg.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '')
    expect(repository).toBe('https://github.com/revdesk/revdesk')
    for (const url of Object.values(HELP_LINKS)) {
      expect(url.startsWith(`${repository}`), url).toBe(true)
      expect(new URL(url).protocol).toBe('https:')
    }
  })
})
