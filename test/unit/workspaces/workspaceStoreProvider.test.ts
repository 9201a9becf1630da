/**
 * Workspaces carry their provider. A workspaces.json written before Monaco existed has none:
 * it reads as ChartMogul, and the file is rewritten with the provider spelled out on the next
 * save. A Monaco workspace keeps its provider and the identity its key was verified as.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkspaceStore } from '../../../src/main/features/workspaces/workspaceStore'
import type { Workspace } from '../../../src/shared/workspace/workspace'

/** Exactly what Revdesk wrote before providers existed (no `provider`, no `identity`). */
const OLD_FILE = {
  version: 1,
  workspaces: [
    {
      id: 'acme-1a2b3c',
      name: 'Acme',
      kind: 'chartmogul',
      baseUrl: 'https://api.chartmogul.com',
      requestsPerSecond: 20,
      syncIntervalMinutes: 15,
      createdAt: '2025-01-01T00:00:00.000Z',
      confirmedHosts: []
    },
    {
      id: 'demo',
      name: 'Demo workspace',
      kind: 'demo',
      baseUrl: 'http://127.0.0.1/',
      requestsPerSecond: 20,
      syncIntervalMinutes: 15,
      createdAt: '2025-01-01T00:00:00.000Z'
    }
  ]
}

const MONACO: Workspace = {
  id: 'globex-4d5e6f',
  name: 'Globex',
  kind: 'chartmogul',
  provider: 'monaco',
  baseUrl: 'https://api.monaco.com',
  requestsPerSecond: 20,
  syncIntervalMinutes: 15,
  createdAt: '2026-01-01T00:00:00.000Z',
  confirmedHosts: [],
  identity: { orgName: 'Globex', userEmail: 'hank@globex.example' }
}

function fileWith(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rd-ws-')), 'workspaces.json')
  writeFileSync(path, JSON.stringify(content))
  return path
}

describe('the workspace file and providers', () => {
  it('reads workspaces written before providers existed as ChartMogul', async () => {
    const store = createWorkspaceStore(fileWith(OLD_FILE))
    const all = await store.list()
    expect(all.map((w) => [w.id, w.provider])).toEqual([
      ['acme-1a2b3c', 'chartmogul'],
      ['demo', 'chartmogul']
    ])
  })

  it('writes the provider of every workspace on the next save', async () => {
    const path = fileWith(OLD_FILE)
    const store = createWorkspaceStore(path)
    await store.put(MONACO)
    const written = JSON.parse(readFileSync(path, 'utf8')) as { workspaces: Workspace[] }
    expect(written.workspaces.map((w) => [w.id, w.provider])).toEqual([
      ['acme-1a2b3c', 'chartmogul'],
      ['demo', 'chartmogul'],
      ['globex-4d5e6f', 'monaco']
    ])
  })

  it('keeps a Monaco workspace’s provider and verified identity', async () => {
    const store = createWorkspaceStore(fileWith({ version: 1, workspaces: [] }))
    await store.put(MONACO)
    expect(await store.get(MONACO.id)).toEqual(MONACO)
  })

  it('treats an unknown provider as an unreadable file, not as ChartMogul', async () => {
    const path = fileWith({
      version: 1,
      workspaces: [{ ...OLD_FILE.workspaces[0], provider: 'salesforce' }]
    })
    expect(await createWorkspaceStore(path).list()).toEqual([])
  })
})
