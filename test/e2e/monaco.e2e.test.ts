/**
 * A Monaco workspace end to end, in real Chromium against the Monaco simulator on loopback:
 * a wrong key is refused and nothing is kept; the right key connects and Settings shows the
 * organization and user it acts as. The first sync fills Accounts, Contacts and Opportunities
 * (every record, counted); Account 360 shows an account's contacts and deals. A deal created
 * while the app is offline waits as Pending and, back online, reaches Monaco exactly once.
 */
import type { Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  STAGES,
  generateMonacoDataset,
  startMonacoSimulator,
  type MonacoDataset,
  type RunningMonacoSimulator
} from '../../src/main/monacoSimulator'
import { launchApp, type LaunchedApp } from './harness/launchApp'
import { pausableBackend, type PausableBackend } from './harness/pausableBackend'

const RIGHT_KEY = 'mks_e2e_right_key_2468'

let app: LaunchedApp | undefined
let simulator: RunningMonacoSimulator | undefined
let backend: PausableBackend | undefined
afterEach(async () => {
  for (const w of (await app?.services.workspaces.list()) ?? [])
    await app?.services.vault.delete(w.id)
  await app?.close()
  await backend?.close()
  await simulator?.close()
  app = undefined
  backend = undefined
  simulator = undefined
})

function dataset(): MonacoDataset {
  return generateMonacoDataset({
    seed: 23,
    accounts: 36,
    contacts: 70,
    opportunities: 24,
    users: 4
  })
}

const sections = (page: Page): Locator => page.getByRole('navigation', { name: 'Sections' })
const status = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Status' })

async function openSection(page: Page, name: string): Promise<void> {
  await sections(page).getByRole('button', { name, exact: true }).click()
}

async function addMonacoWorkspace(page: Page, name: string, key: string, url: string) {
  await openSection(page, 'Settings')
  const form = page.getByRole('form', { name: 'Add a workspace' })
  await form
    .getByRole('radiogroup', { name: 'Provider' })
    .getByRole('radio', { name: 'Monaco' })
    .check()
  await form.getByLabel('Workspace name').fill(name)
  await form.getByLabel('API key').fill(key)
  await form.getByRole('button', { name: 'Advanced' }).click()
  await form.getByLabel('API address').fill(url)
  await form.getByRole('button', { name: 'Add workspace' }).click()
  return form
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('a Monaco workspace', () => {
  it('opens the Monaco demo from the first-run screen, with Monaco’s sections', async () => {
    app = await launchApp()
    const { page } = app
    await page.getByRole('button', { name: 'Open Monaco demo' }).click()
    await expect
      .poll(() => status(page).textContent(), { timeout: 60_000 })
      .toContain('Last synced')
    expect(
      await sections(page)
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((b) => b.textContent?.trim()))
    ).toEqual(['Accounts', 'Contacts', 'Opportunities', 'Dashboard', 'Outbox', 'Settings'])
    // Customers was showing; Monaco has none, so the app lands on its first section.
    expect(await page.getByRole('main', { name: 'Accounts' }).count()).toBe(1)
    await expect.poll(() => page.getByText(/^[1-9][\d,]* of [\d,]+ accounts$/).count()).toBe(1)
    await openSection(page, 'Settings')
    expect(await page.getByText('Monaco demo data').count()).toBe(1)
  })

  it('refuses a wrong key with a clear message and keeps nothing', async () => {
    simulator = await startMonacoSimulator({ apiKey: RIGHT_KEY, data: dataset(), rateLimit: false })
    app = await launchApp()
    const { page } = app
    const form = await addMonacoWorkspace(page, 'Acme CRM', 'mks_wrong_key_0000', simulator.url)
    // The key hint follows the chosen provider.
    expect(await form.getByText('Monaco API keys start with “mks_”.').count()).toBe(1)
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('Monaco did not accept that API key')
    expect(await form.getByRole('alert').textContent()).toContain('nothing was saved')
    expect(await app.services.workspaces.list()).toEqual([])
    expect(await page.getByRole('combobox', { name: 'Workspace' }).count()).toBe(0)
  })

  it('connects, syncs every record, opens Account 360 and sends an offline deal exactly once', async () => {
    const data = dataset()
    simulator = await startMonacoSimulator({ apiKey: RIGHT_KEY, data, rateLimit: false })
    // A relay in front of the simulator: stopping it takes Monaco out of reach.
    backend = await pausableBackend(simulator)
    app = await launchApp()
    const { page } = app
    await addMonacoWorkspace(page, 'Acme CRM', RIGHT_KEY, backend.url)
    await expect
      .poll(() => status(page).textContent(), { timeout: 60_000 })
      .toContain('Last synced')

    // Saved with its provider and verified identity; Settings says who the key acts as.
    const [workspace] = await app.services.workspaces.list()
    expect(workspace).toMatchObject({ name: 'Acme CRM', provider: 'monaco' })
    const me = data.users.find((user) => user.id === data.org.userId)
    await openSection(page, 'Settings')
    const identity = page.getByRole('definition')
    await expect.poll(() => identity.filter({ hasText: data.org.name }).count()).toBe(1)
    await expect.poll(() => identity.filter({ hasText: me?.email ?? '—' }).count()).toBe(1)
    // Monaco's budget is the organization's, fixed by the limiter: said, not offered as a
    // requests-per-second number that would change nothing.
    expect(await page.getByLabel(/Request budget/).count()).toBe(0)
    await expect
      .poll(() => page.getByText(/Monaco allows 100 requests a minute and 1,000 an hour/).count())
      .toBe(1)

    // Monaco's sections, and every record in them.
    expect(
      await sections(page)
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((b) => b.textContent?.trim()))
    ).toEqual(['Accounts', 'Contacts', 'Opportunities', 'Dashboard', 'Outbox', 'Settings'])
    await openSection(page, 'Accounts')
    const accountCount = `${data.accounts.length} of ${data.accounts.length} accounts`
    await expect.poll(() => page.getByText(accountCount).count()).toBe(1)
    await openSection(page, 'Contacts')
    const contactCount = `${data.contacts.length} of ${data.contacts.length} contacts`
    await expect.poll(() => page.getByText(contactCount).count()).toBe(1)
    await openSection(page, 'Opportunities')
    const dealCount = data.opportunities.length
    await expect
      .poll(() => page.getByText(`${dealCount} of ${dealCount} opportunities`).count())
      .toBe(1)
    const dealsGrid = page.getByRole('region', { name: 'Opportunities table' })
    await expect
      .poll(() => dealsGrid.getByRole('columnheader', { name: 'Estimated value' }).count())
      .toBe(1)
    // A deal's stage shows as its label and its owner by name, not as key and id.
    const deal = data.opportunities.find(
      (o) =>
        o.name &&
        o.stage &&
        o.ownerId &&
        data.opportunities.filter((other) => other.name === o.name).length === 1
    )
    const stage = STAGES.find((s) => s.key === deal?.stage)
    const owner = data.users.find((u) => u.id === deal?.ownerId)
    if (!deal?.name || !stage || !owner) throw new Error('the dataset has no staged, owned deal')
    await page.getByRole('searchbox', { name: 'Search opportunities' }).fill(deal.name)
    const dealRow = dealsGrid.getByRole('row', { name: new RegExp(escapeRegExp(deal.name)) })
    await expect
      .poll(() => dealRow.getByRole('gridcell', { name: stage.label, exact: true }).count())
      .toBe(1)
    const ownerName = [owner.firstName, owner.lastName].filter(Boolean).join(' ')
    expect(await dealRow.getByRole('gridcell', { name: ownerName, exact: true }).count()).toBe(1)

    // The dashboard is the pipeline by stage, honestly unweighted (no MRR panels).
    await openSection(page, 'Dashboard')
    const byStage = page.getByRole('table', { name: 'Pipeline by stage' })
    await expect.poll(() => byStage.getByRole('rowheader', { name: stage.label }).count()).toBe(1)
    expect(
      await page.getByText(/Not weighted: Monaco’s stages carry no win probability/).count()
    ).toBe(1)
    expect(await page.getByRole('group', { name: 'Current MRR' }).count()).toBe(0)

    // Account 360: an account with contacts and deals, opened from the Accounts grid.
    const account = data.accounts.find(
      (a) =>
        a.name &&
        data.accounts.filter((other) => other.name === a.name).length === 1 &&
        data.contacts.some((c) => c.accountId === a.id) &&
        data.opportunities.some((o) => o.accountId === a.id)
    )
    if (!account?.name) throw new Error('the dataset has no account with contacts and deals')
    const contacts = data.contacts.filter((c) => c.accountId === account.id)
    const deals = data.opportunities.filter((o) => o.accountId === account.id)
    await openSection(page, 'Accounts')
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill(account.name)
    const accountsGrid = page.getByRole('region', { name: 'Accounts table' })
    await accountsGrid.getByRole('gridcell', { name: account.name, exact: true }).dblclick()
    const panel = page.getByRole('dialog', { name: `Account ${account.name}` })
    await expect.poll(() => panel.count()).toBe(1)
    await expect
      .poll(() => panel.getByRole('table', { name: 'Contacts' }).getByRole('row').count())
      .toBe(contacts.length + 1)
    await expect
      .poll(() => panel.getByRole('table', { name: 'Opportunities' }).getByRole('row').count())
      .toBe(deals.length + 1)
    await app.screenshot('monaco-account-360')

    // ---- Offline: Monaco is out of reach and the machine says so -------------------------
    await backend.stop()
    await app.context.setOffline(true)
    await panel.getByRole('button', { name: 'New opportunity' }).click()
    const editor = page.getByRole('dialog', { name: 'New opportunity' })
    // The account is already chosen; a missing name is Monaco's rule, said before queuing.
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => editor.getByText('Enter the name.', { exact: true }).count()).toBe(1)
    await editor.getByLabel('Name').fill('Offline expansion')
    await editor.getByLabel('Stage').selectOption({ label: 'Proposal' })
    await editor.getByLabel('Estimated value').fill('2,500')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => editor.count()).toBe(0)
    await expect
      .poll(() =>
        panel
          .getByRole('row', { name: /Offline expansion/ })
          .getByText('Pending')
          .count()
      )
      .toBe(1)
    const creates = () =>
      simulator!.mutationLog.filter(
        (entry) => entry.entity === 'opportunity' && entry.action === 'create'
      )
    expect(creates()).toHaveLength(0)

    // ---- Back online: the deal is sent, once ------------------------------------------
    await backend.start()
    await app.context.setOffline(false)
    await expect.poll(() => creates().filter((e) => e.applied).length, { timeout: 30_000 }).toBe(1)
    await expect
      .poll(() =>
        panel
          .getByRole('row', { name: /Offline expansion/ })
          .getByText('Pending')
          .count()
      )
      .toBe(0)
    // Nothing else is sent later (a second push, a retry after the answer).
    await page.keyboard.press('Escape')
    await expect.poll(() => panel.count()).toBe(0)
    await openSection(page, 'Outbox')
    await expect
      .poll(() => page.getByText('Nothing waiting — every change has reached Monaco.').count())
      .toBe(1)
    expect(creates()).toHaveLength(1)
    expect(creates()[0]?.body).toMatchObject({ name: 'Offline expansion', stage: 'proposal' })
  })

  it('jumps with Ctrl+K to an account by its domain, and to a contact’s account by email', async () => {
    const data = dataset()
    simulator = await startMonacoSimulator({ apiKey: RIGHT_KEY, data, rateLimit: false })
    app = await launchApp()
    const { page } = app
    await addMonacoWorkspace(page, 'Acme CRM', RIGHT_KEY, simulator.url)
    await expect
      .poll(() => status(page).textContent(), { timeout: 60_000 })
      .toContain('Last synced')
    const unique = <T>(items: T[], text: (item: T) => string | null | undefined, item: T) =>
      items.filter((other) => text(other) === text(item)).length === 1
    const account = data.accounts.find(
      (a) =>
        a.name &&
        a.company?.domain &&
        unique(data.accounts, (x) => x.name, a) &&
        unique(data.accounts, (x) => x.company?.domain, a)
    )
    const accountOf = (id: string | null) => data.accounts.find((a) => a.id === id)
    const contact = data.contacts.find(
      (c) =>
        c.email &&
        accountOf(c.accountId)?.name &&
        unique(data.accounts, (x) => x.name, accountOf(c.accountId)!) &&
        c.accountId !== account?.id &&
        unique(data.contacts, (x) => x.email, c)
    )
    if (!account?.name || !account.company?.domain || !contact?.email) {
      throw new Error('the dataset has no account with a domain or contact with an email')
    }
    const contactAccount = accountOf(contact.accountId)!

    // An account, found by its domain: Enter opens Account 360.
    await page.keyboard.press('Control+K')
    const input = page.getByRole('combobox', { name: 'Jump to account or contact' })
    await expect.poll(() => input.isVisible()).toBe(true)
    await input.fill(account.company.domain)
    const results = page.getByRole('listbox', { name: 'Matching accounts and contacts' })
    const first = results.getByRole('option').first()
    await expect.poll(() => first.textContent()).toContain(account.name)
    expect(await first.textContent()).toContain('Account')
    await page.keyboard.press('Enter')
    const accountPanel = page.getByRole('dialog', { name: `Account ${account.name}` })
    await expect.poll(() => accountPanel.isVisible()).toBe(true)
    await expect.poll(() => input.isVisible()).toBe(false)
    await page.keyboard.press('Escape')
    await expect.poll(() => accountPanel.count()).toBe(0)

    // A contact, found by email: picking it opens the contact's account, with the contact in it.
    await page.keyboard.press('Control+K')
    await input.fill(contact.email)
    const option = results.getByRole('option', { name: new RegExp(escapeRegExp(contact.email)) })
    await expect.poll(() => option.count()).toBe(1)
    expect(await option.textContent()).toContain(contactAccount.name)
    await option.click()
    const panel = page.getByRole('dialog', { name: `Account ${contactAccount.name}` })
    await expect.poll(() => panel.isVisible()).toBe(true)
    await expect
      .poll(() => panel.getByRole('table', { name: 'Contacts' }).getByText(contact.email!).count())
      .toBe(1)

    // Nothing matches: said plainly, in Monaco's words.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+K')
    await input.fill('zzqx-no-such-thing')
    await expect
      .poll(() =>
        page.getByText('No cached account or contact matches “zzqx-no-such-thing”.').count()
      )
      .toBe(1)
    expect(app.consoleErrors).toEqual([])
  })

  it('edits a deal’s custom fields with inputs of their types, and Monaco receives only those', async () => {
    const data = dataset()
    simulator = await startMonacoSimulator({ apiKey: RIGHT_KEY, data, rateLimit: false })
    app = await launchApp()
    const { page } = app
    await addMonacoWorkspace(page, 'Acme CRM', RIGHT_KEY, simulator.url)
    await expect
      .poll(() => status(page).textContent(), { timeout: 60_000 })
      .toContain('Last synced')
    const fieldNamed = (name: string) => {
      const def = data.customFields.find((f) => f.entity === 'opportunities' && f.name === name)
      if (!def) throw new Error(`the dataset has no opportunity custom field ${name}`)
      return def
    }
    const competitor = fieldNamed('Competitor')
    const leadSource = fieldNamed('Lead Source')
    const accountName = (id: string) => data.accounts.find((a) => a.id === id)?.name
    const deal = data.opportunities.find(
      (o) =>
        o.name &&
        data.opportunities.filter((other) => other.name === o.name).length === 1 &&
        accountName(o.accountId) &&
        data.accounts.filter((a) => a.name === accountName(o.accountId)).length === 1 &&
        o.custom[leadSource.id] !== 'referral'
    )
    if (!deal?.name) throw new Error('the dataset has no uniquely named deal')
    const account = accountName(deal.accountId)!

    // The deal, from its account's 360 panel (reached with the quick jump).
    const openEditor = async () => {
      await page.keyboard.press('Control+K')
      await page.getByRole('combobox', { name: 'Jump to account or contact' }).fill(account)
      const first = page
        .getByRole('listbox', { name: 'Matching accounts and contacts' })
        .getByRole('option')
        .first()
      await expect.poll(() => first.textContent()).toContain(account)
      await page.keyboard.press('Enter')
      const panel = page.getByRole('dialog', { name: `Account ${account}` })
      await panel.getByRole('button', { name: `Edit ${deal.name} opportunity` }).click()
      const editor = page.getByRole('dialog', { name: 'Edit opportunity' })
      await expect.poll(() => editor.isVisible()).toBe(true)
      return { panel, editor: editor.getByRole('group', { name: 'Custom fields' }), dialog: editor }
    }
    const updates = () =>
      simulator!.mutationLog.filter(
        (entry) =>
          entry.entity === 'opportunity' &&
          entry.action === 'update' &&
          entry.uuid === deal.id &&
          entry.applied
      )

    // A text field and a choice from the field schema's allowed values.
    const first = await openEditor()
    expect(await first.editor.getByLabel('Competitor').inputValue()).toBe(
      String(deal.custom[competitor.id] ?? '')
    )
    await first.editor.getByLabel('Competitor').fill('Initech')
    await first.editor.getByLabel('Lead Source').selectOption({ label: 'Referral' })
    await first.dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => first.dialog.count()).toBe(0)
    await expect.poll(() => updates().length, { timeout: 30_000 }).toBe(1)
    // Only the two changed keys travel, as Monaco's custom_field_<id> keys.
    expect(updates()[0]?.body).toEqual({
      [`custom_field_${competitor.id}`]: 'Initech',
      [`custom_field_${leadSource.id}`]: 'referral'
    })
    expect(simulator.store.get('opportunities', deal.id)?.custom).toMatchObject({
      [competitor.id]: 'Initech',
      [leadSource.id]: 'referral'
    })

    // Emptying a field clears it in Monaco (null), the other stays as it is.
    await page.keyboard.press('Escape')
    const second = await openEditor()
    await expect.poll(() => second.editor.getByLabel('Competitor').inputValue()).toBe('Initech')
    await second.editor.getByLabel('Competitor').fill('')
    await second.dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => updates().length, { timeout: 30_000 }).toBe(2)
    expect(updates()[1]?.body).toEqual({ [`custom_field_${competitor.id}`]: null })
    expect(simulator.store.get('opportunities', deal.id)?.custom[competitor.id]).toBeUndefined()
    expect(simulator.store.get('opportunities', deal.id)?.custom[leadSource.id]).toBe('referral')
    expect(app.consoleErrors).toEqual([])
  })
})
