/**
 * A workspace's API key in Settings, by keyboard: saving and removing it never drops focus to
 * the page; after removal (the Remove button is gone) focus waits in the key field.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../src/shared/workspace/workspace'
import { watchFocusOnBody } from './harness/focusWatch'
import { launchApp, type LaunchedApp } from './harness/launchApp'

const WORKSPACE: Workspace = {
  id: 'forms-4d5e6f',
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

describe('API key in Settings by keyboard', () => {
  it('keeps focus through saving and removing the key', async () => {
    app = await launchApp()
    await app.services.workspaces.put(WORKSPACE)
    await app.page.evaluate(
      (id) => localStorage.setItem('revdesk.lastWorkspaceId', id),
      WORKSPACE.id
    )
    await app.reload()
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    const form = page.getByRole('form', { name: 'Workspace API key' })
    const field = form.getByLabel('ChartMogul API key', { exact: true })
    await expect
      .poll(() => form.getByText('No API key is stored for this workspace yet.').isVisible())
      .toBe(true)
    const focusOnBody = await watchFocusOnBody(page)

    await field.fill('cm_live_9f8e7d6c5b4a3210fedcba9876543210')
    await field.press('Enter')
    await expect.poll(() => form.getByRole('status').textContent()).toContain('…3210')
    expect(await focusOnBody()).toEqual([])

    await form.getByRole('button', { name: 'Remove key' }).press('Enter')
    await expect
      .poll(() => form.getByText('No API key is stored for this workspace yet.').isVisible())
      .toBe(true)
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await focusOnBody()).toEqual([])
  })

  it('keeps focus when the key-removed event arrives before the removal answers', async () => {
    app = await launchApp()
    await app.services.workspaces.put(WORKSPACE)
    await app.services.vault.save(WORKSPACE.id, 'cm_live_9f8e7d6c5b4a3210fedcba9876543210')
    await app.page.evaluate(
      (id) => localStorage.setItem('revdesk.lastWorkspaceId', id),
      WORKSPACE.id
    )
    await app.reload()
    const { page } = app
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Settings' })
      .click()
    const form = page.getByRole('form', { name: 'Workspace API key' })
    const remove = form.getByRole('button', { name: 'Remove key' })
    await expect.poll(() => remove.isVisible()).toBe(true)
    // Main announces the removal (keyChanged) before its answer arrives, as a slow keychain or
    // a busy IPC channel can make happen: Remove vanishes while the call is still out.
    const vault = app.services.vault
    const deleteNow = vault.delete.bind(vault)
    vault.delete = async (id) => {
      await new Promise((resolve) => setTimeout(resolve, 400))
      return deleteNow(id)
    }
    const focusOnBody = await watchFocusOnBody(page)
    await remove.press('Enter')
    app.emit('keyChanged', { workspaceId: WORKSPACE.id, present: false, last4: null })
    await expect
      .poll(() => form.getByText('The key was removed from this computer.').isVisible())
      .toBe(true)
    const field = form.getByLabel('ChartMogul API key', { exact: true })
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await focusOnBody()).toEqual([])
  })
})
