/** Workspace ids: readable (they name the keychain entry and the cache database) and unique. */
import { randomBytes } from 'node:crypto'

export function newWorkspaceId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return `${slug || 'workspace'}-${randomBytes(3).toString('hex')}`
}
