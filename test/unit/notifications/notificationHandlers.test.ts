/** The bridge's showNotification through the real services: opt-in, main's words, main's names. */
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import type { Notice } from '../../../src/main/notifications/noticeText'
import { testServices } from '../support/testServices'

function setup() {
  const shown: Notice[] = []
  const base = testServices()
  const services = {
    ...base,
    showNotice: (notice: Notice) => {
      shown.push(notice)
      return true
    }
  }
  return { services, shown, dispatch: createDispatcher(createBridgeHandlers(services)) }
}

async function addWorkspace(services: ReturnType<typeof setup>['services'], name: string) {
  await services.workspaces.put({
    id: 'acme',
    name,
    kind: 'chartmogul',
    provider: 'chartmogul',
    baseUrl: 'https://api.chartmogul.com',
    requestsPerSecond: 10,
    syncIntervalMinutes: 15,
    createdAt: '2026-01-01T00:00:00Z',
    confirmedHosts: []
  })
}

const notify = { problem: 'key-refused', workspaceId: 'acme' }

describe('showNotification', () => {
  it('shows nothing until the user opts in (off by default)', async () => {
    const { services, shown, dispatch } = setup()
    await addWorkspace(services, 'Acme')
    expect(await dispatch({ method: 'getPreferences' })).toEqual({
      ok: true,
      value: { notifications: false }
    })
    expect(await dispatch({ method: 'showNotification', args: notify })).toEqual({
      ok: true,
      value: { shown: false }
    })
    expect(shown).toEqual([])
  })

  it('once opted in, shows main’s words with the workspace’s own name', async () => {
    const { services, shown, dispatch } = setup()
    await addWorkspace(services, 'Acme EU')
    await dispatch({ method: 'setPreferences', args: { notifications: true } })
    expect(await dispatch({ method: 'showNotification', args: notify })).toEqual({
      ok: true,
      value: { shown: true }
    })
    expect(shown.map((notice) => notice.body)).toEqual([
      'Acme EU: the API key was refused. Open Settings to update it.'
    ])
  })

  it('accepts no text from the page', async () => {
    const { services, shown, dispatch } = setup()
    await addWorkspace(services, 'Acme')
    await dispatch({ method: 'setPreferences', args: { notifications: true } })
    const result = await dispatch({
      method: 'showNotification',
      args: { ...notify, body: '<b>server says</b>' }
    })
    expect(result.ok).toBe(false)
    const unknown = await dispatch({
      method: 'showNotification',
      args: { problem: 'server-message', workspaceId: 'acme' }
    })
    expect(unknown.ok).toBe(false)
    expect(shown).toEqual([])
  })

  it('shows nothing for a workspace main does not know', async () => {
    const { shown, dispatch } = setup()
    await dispatch({ method: 'setPreferences', args: { notifications: true } })
    await dispatch({ method: 'showNotification', args: { ...notify, workspaceId: 'ghost' } })
    expect(shown).toEqual([])
  })
})
