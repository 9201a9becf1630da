/**
 * Connecting a real (simulated) ChartMogul account: a wrong key is refused with a clear message
 * and leaves nothing behind; a right key is kept in the OS keychain, the account syncs, stays
 * browsable with the server gone, and signing out removes key, workspace and (if asked) cache.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined
afterEach(async () => {
  for (const w of (await app?.services.workspaces.list()) ?? [])
    await app?.services.vault.delete(w.id)
  await app?.close()
  await simulator?.close()
  app = undefined
  simulator = undefined
})

async function fillAddForm(
  current: LaunchedApp,
  name: string,
  apiKey: string,
  url: string
): Promise<void> {
  const { page } = current
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Settings' })
    .click()
  const form = page.getByRole('form', { name: 'Add a workspace' })
  await form.getByLabel('Workspace name').fill(name)
  await form.getByLabel('API key').fill(apiKey)
  await form.getByRole('button', { name: 'Advanced' }).click()
  await form.getByLabel('API address').fill(url)
  await form.getByRole('button', { name: 'Add workspace' }).click()
}

function databases(current: LaunchedApp): Promise<string[]> {
  return current.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))
}

describe('onboarding with an API key', () => {
  it('refuses a wrong key, saying what to do, and stores nothing', async () => {
    simulator = await startSimulator({
      apiKey: 'cm-right-key-9876',
      data: { seed: 5, customers: 40 }
    })
    app = await launchApp()
    await fillAddForm(app, 'Acme', 'cm-wrong-key-0000', simulator.url)
    await expect
      .poll(() => app!.page.getByRole('alert').textContent())
      .toContain('ChartMogul did not accept that API key')
    await app.screenshot('onboarding-wrong-key')
    expect(await app.services.workspaces.list()).toEqual([])
    expect(await app.page.getByRole('combobox', { name: 'Workspace' }).count()).toBe(0)
  })

  it('tells the user to fix the key when ChartMogul starts rejecting it', async () => {
    simulator = await startSimulator({
      apiKey: 'cm-right-key-9876',
      data: { seed: 5, customers: 40 }
    })
    app = await launchApp()
    const workspace = {
      id: 'acme-0a0b0c',
      name: 'Acme',
      kind: 'chartmogul' as const,
      baseUrl: simulator.url,
      requestsPerSecond: 20,
      syncIntervalMinutes: 15,
      createdAt: new Date(0).toISOString()
    }
    await app.services.workspaces.put(workspace)
    await app.services.vault.save(workspace.id, 'cm-revoked-key-1111')
    await app.page.evaluate(
      (id) => localStorage.setItem('revdesk.lastWorkspaceId', id),
      workspace.id
    )
    await app.reload()
    await expect
      .poll(
        () =>
          app!.page.getByRole('contentinfo', { name: 'Status' }).getByRole('alert').textContent(),
        {
          timeout: 20_000
        }
      )
      .toBe('ChartMogul rejected the API key — update it in Settings.')
    await app.screenshot('sync-key-rejected')
  })

  it('adds, syncs, browses offline after the server is gone, and signs out cleanly', async () => {
    simulator = await startSimulator({
      apiKey: 'cm-right-key-9876',
      data: { seed: 5, customers: 120 }
    })
    app = await launchApp()
    const { page } = app
    await fillAddForm(app, 'Acme Inc', 'cm-right-key-9876', simulator.url)
    const status = page.getByRole('contentinfo', { name: 'Status' })
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Last synced')
    const [workspace] = await app.services.workspaces.list()
    expect(workspace).toMatchObject({ name: 'Acme Inc', kind: 'chartmogul' })
    expect(await app.services.vault.read(workspace!.id)).toBe('cm-right-key-9876')
    expect(await page.getByRole('combobox', { name: 'Workspace' }).inputValue()).toBe(workspace!.id)

    // The server disappears; the app restarts; everything cached is still there.
    await simulator.close()
    simulator = undefined
    await app.reload()
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Customers' })
      .click()
    await expect
      .poll(() => page.getByText('120 customers').isVisible(), { timeout: 15_000 })
      .toBe(true)
    await app.screenshot('offline-customers')

    // Sign out, deleting the cache too.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    await page.getByRole('button', { name: 'Sign out…' }).click()
    await page.getByRole('button', { name: 'Sign out and delete cached data' }).click()
    await expect.poll(async () => (await app!.services.workspaces.list()).length).toBe(0)
    await expect.poll(() => app!.services.vault.read(workspace!.id)).toBeNull()
    await expect.poll(() => databases(app!)).not.toContain(`revdesk-${workspace!.id}`)
  })
})
