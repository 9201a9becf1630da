/**
 * The API address in Settings, as a user meets it: a deceptive address is refused with a
 * reason and nothing is stored; a new host for a stored key is asked about natively (main's
 * dialog, recorded here) and, declined, nothing changes; an address that is not ChartMogul's own
 * is flagged next to the field. No test here ever lets traffic leave 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../src/shared/workspace/workspace'
import { launchApp, type LaunchedApp } from './harness/launchApp'

const WORKSPACE: Workspace = {
  id: 'acme-5e6f7a',
  name: 'Acme',
  kind: 'chartmogul',
  // Nothing listens here: syncing fails fast, which these tests do not care about.
  baseUrl: 'http://127.0.0.1:9',
  requestsPerSecond: 20,
  syncIntervalMinutes: 15,
  createdAt: new Date(0).toISOString()
}
let app: LaunchedApp | undefined

afterEach(async () => {
  await app?.services.vault.delete(WORKSPACE.id)
  await app?.close()
  app = undefined
})

async function openSettings(workspace: Workspace | null, key?: string): Promise<LaunchedApp> {
  const current = await launchApp()
  if (workspace) {
    await current.services.workspaces.put(workspace)
    if (key) await current.services.vault.save(workspace.id, key)
    await current.page.evaluate(
      (id) => localStorage.setItem('revdesk.lastWorkspaceId', id),
      workspace.id
    )
    await current.reload()
  }
  await current.page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  return current
}

describe('API address in Settings', () => {
  it('refuses the backslash-at trick, saying where the key would really go, and stores nothing', async () => {
    app = await openSettings(WORKSPACE, 'cm_live_key_1234')
    const form = app.page.getByRole('form', { name: 'Workspace settings' })
    const address = form.getByLabel('API address (advanced)')
    await address.fill('https://evil.example\\@api.chartmogul.com')
    await form.getByRole('button', { name: 'Save settings' }).click()

    const alert = form.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('Use just the address')
    expect(await alert.textContent()).toContain('evil.example')
    expect((await app.services.workspaces.get(WORKSPACE.id))?.baseUrl).toBe(WORKSPACE.baseUrl)
    expect(app.questions).toEqual([])
    await app.screenshot('settings-address-deceptive')
  })

  it('asks natively before the stored key goes to a new host; declined, nothing changes', async () => {
    app = await openSettings(WORKSPACE, 'cm_live_key_1234')
    const form = app.page.getByRole('form', { name: 'Workspace settings' })
    await form.getByLabel('API address (advanced)').fill('https://evil.example')
    await form.getByRole('button', { name: 'Save settings' }).press('Enter')

    await expect.poll(() => form.getByRole('alert').textContent()).toContain('evil.example')
    expect(await form.getByRole('alert').textContent()).toMatch(/not changed/)
    expect(app.questions).toEqual([
      expect.objectContaining({
        message: 'Send your ChartMogul API key to evil.example?',
        confirmLabel: 'Send key to evil.example',
        cancelLabel: 'Cancel'
      })
    ])
    expect((await app.services.workspaces.get(WORKSPACE.id))?.baseUrl).toBe(WORKSPACE.baseUrl)
    expect(await app.services.vault.read(WORKSPACE.id)).toBe('cm_live_key_1234')
  })

  it('flags a saved address that is not ChartMogul’s own, naming where the key goes', async () => {
    app = await openSettings({ ...WORKSPACE, baseUrl: 'https://proxy.example' })
    const form = app.page.getByRole('form', { name: 'Workspace settings' })
    const address = form.getByLabel('API address (advanced)')
    expect(await address.inputValue()).toBe('https://proxy.example')
    const notice = form.getByRole('note')
    // allTextContents does not wait for the note to appear, so a missing flag fails the poll.
    await expect
      .poll(() => notice.allTextContents())
      .toEqual([
        'This is not ChartMogul’s own address (api.chartmogul.com). Your key is sent to proxy.example.'
      ])
    expect(await address.getAttribute('aria-describedby')).toBe(await notice.getAttribute('id'))
    await app.screenshot('settings-address-not-own')
  })

  it('shows the saved address normalised, and no flag for ChartMogul’s own', async () => {
    app = await openSettings({ ...WORKSPACE, baseUrl: 'https://api.chartmogul.com' })
    const form = app.page.getByRole('form', { name: 'Workspace settings' })
    await form.getByLabel('API address (advanced)').fill('HTTPS://API.ChartMogul.com/v1/')
    await form.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Settings saved')
    expect(await form.getByLabel('API address (advanced)').inputValue()).toBe(
      'https://api.chartmogul.com'
    )
    expect(await form.getByRole('note').count()).toBe(0)
    expect(app.questions).toEqual([])
  })

  it('asks before a new workspace’s key goes to a host that is not ChartMogul’s; declined, nothing is saved', async () => {
    app = await openSettings(null)
    const form = app.page.getByRole('form', { name: 'Add a workspace' })
    await form.getByLabel('Workspace name').fill('Acme')
    await form.getByLabel('API key').fill('cm_live_key_1234')
    await form.getByRole('button', { name: 'Advanced' }).click()
    await form.getByLabel('API address').fill('https://evil.example')
    await expect
      .poll(() => form.getByRole('note').allTextContents())
      .toEqual([
        'This is not ChartMogul’s own address (api.chartmogul.com). Your key is sent to evil.example.'
      ])
    await form.getByRole('button', { name: 'Add workspace' }).click()

    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('You chose not to send your API key to evil.example')
    expect(app.questions.map((q) => q.message)).toEqual([
      'Send your ChartMogul API key to evil.example?'
    ])
    expect(await app.services.workspaces.list()).toEqual([])
  })
})
