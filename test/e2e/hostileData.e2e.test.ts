/**
 * Data from the server is hostile, checked in Chromium as a user meets it: a customer named like
 * a spreadsheet formula is exported as text (while real negative MRR stays a number), its
 * "Open in ChartMogul" link to another host is refused, and a server that echoes the API key in
 * its errors leaves no trace of the key in the UI or in IndexedDB.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { createDemoRuntime } from '../../src/main/features/workspaces/demoRuntime'
import { startSimulator, type RunningSimulator } from '../../src/main/simulator'
import { demoBackedBy, exploreDemoAndWaitForSync } from './harness/demoBackend'
import { storedRows } from './harness/indexedDb'
import { launchApp, type LaunchedApp } from './harness/launchApp'

let app: LaunchedApp | undefined
let simulator: RunningSimulator | undefined
let echo: Server | undefined

afterEach(async () => {
  await app?.close()
  await simulator?.close()
  if (echo) {
    echo.closeAllConnections()
    await new Promise<void>((resolve) => echo!.close(() => resolve()))
  }
  app = undefined
  simulator = undefined
  echo = undefined
})

const FORMULA_NAME = '=HYPERLINK("https://evil.example","x")'
const EVIL_LINK = 'https://evil.example/#/customers/1-Evil'

/** RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click()
}

async function exportCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click()
  ])
  // AG Grid starts the file with a byte-order mark so spreadsheets read it as UTF-8.
  return parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''))
}

async function hostileDemo(): Promise<{ page: Page; email: string; uuid: string }> {
  simulator = await startSimulator({ apiKey: 'hostile-e2e', data: { seed: 5, customers: 40 } })
  const victim = simulator.store.customers().find((c) => c.email)
  if (!victim) throw new Error('the dataset has no customer with an email')
  simulator.store.outOfBand.editCustomer(victim.uuid, {
    name: FORMULA_NAME,
    'chartmogul-url': EVIL_LINK
  })
  app = await launchApp({ demo: demoBackedBy(simulator) })
  await exploreDemoAndWaitForSync(app)
  return { page: app.page, email: victim.email, uuid: victim.uuid }
}

describe('hostile data in Chromium', () => {
  it('exports a formula-like name as text, and negative MRR as a number', async () => {
    const { page, email } = await hostileDemo()

    await openSection(page, 'Customers')
    const customers = await exportCsv(page)
    const header = customers[0]!
    const row = customers.find((r) => r[header.indexOf('Email')] === email)
    expect(row, 'the edited customer is in the export').toBeDefined()
    expect(row![header.indexOf('Name')]).toBe(`'${FORMULA_NAME}`)
    for (const cells of customers.slice(1)) {
      for (const cell of cells) expect(cell).not.toMatch(/^[=+@\t\r]/)
    }

    await openSection(page, 'Activities')
    const activities = await exportCsv(page)
    const column = activities[0]!.indexOf('MRR movement')
    expect(column).toBeGreaterThanOrEqual(0)
    const negative = simulator!.store.activities().filter((a) => a['activity-mrr-movement'] < 0)
    expect(negative.length, 'the demo data has contractions or churn').toBeGreaterThan(0)
    const exported = activities.slice(1).map((r) => r[column]!)
    const negativeCells = exported.filter((cell) => cell.startsWith('-'))
    expect(negativeCells.length).toBe(negative.length)
    // A plain negative amount: no quote prefix, and it reads back as the movement.
    const cents = negativeCells.map((cell) =>
      Math.round(Number(cell.replace(/[^0-9.-]/g, '')) * 100)
    )
    expect(cents.sort((a, b) => a - b)).toEqual(
      negative.map((a) => a['activity-mrr-movement']).sort((a, b) => a - b)
    )
    expect(exported.some((cell) => cell.startsWith("'"))).toBe(false)
    expect(app!.consoleErrors).toEqual([])
  })

  it('refuses "Open in ChartMogul" to a host that is not ChartMogul', async () => {
    const { page, email } = await hostileDemo()
    await openSection(page, 'Customers')
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(email)
    const row = page.getByRole('region', { name: 'Customers table' }).locator('.ag-row').first()
    await expect.poll(() => row.textContent()).toContain(FORMULA_NAME)
    await row.dblclick()
    const dialog = page.getByRole('dialog', { name: `Customer ${FORMULA_NAME}` })
    await expect.poll(() => dialog.isVisible()).toBe(true)

    await dialog.getByRole('button', { name: 'Open in ChartMogul' }).click()
    const alert = dialog.getByRole('alert')
    await expect.poll(() => alert.count()).toBe(1)
    expect(app!.externalUrls).toEqual([])
    expect(await alert.textContent()).toContain('evil.example')
    expect(await alert.textContent()).toContain('app.chartmogul.com')
    expect(app!.questions).toEqual([])
    await app!.screenshot('customer-360-refused-link')
  })

  it('shows no trace of the key when the server echoes it in its errors', async () => {
    const key = 'rd_test_9f8e7d6c5b4a~?>>'
    const basic = Buffer.from(`${key}:`).toString('base64')
    // 400 first: the request is refused and the engine records it on the resource and partition
    // (lastError). Then 403: the run stops and the status bar says what the server said.
    let answer = 400
    echo = createServer((request, response) => {
      const auth = request.headers.authorization ?? ''
      response.writeHead(answer, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          message: `Invalid request; you sent Authorization: ${auth} (key ${key})`,
          errors: { authorization: [auth] }
        })
      )
    })
    await new Promise<void>((resolve) => echo!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`
    app = await launchApp({
      demo: createDemoRuntime(async () => ({ url, apiKey: key, close: async () => {} }))
    })
    const { page } = app
    await page.getByRole('button', { name: 'Open ChartMogul demo' }).click()
    const status = page.getByRole('contentinfo', { name: 'Status' })

    const readSyncState = async (): Promise<string> =>
      JSON.stringify(await storedRows(app!, 'revdesk-demo', 'syncState'))
    // The engine records the failure on the resource / partition that hit it.
    await expect.poll(readSyncState).toMatch(/"lastError":\{/)
    const forms = [key, basic, basic.replace(/=+$/, ''), key.slice(0, 12), basic.slice(0, 12)]
    for (const form of forms) expect(await readSyncState()).not.toContain(form)
    // Every page refused: the run ends partial and the status bar says so, with the server's
    // (cleaned) reason — it used to go on saying "Never synced".
    await expect.poll(() => status.textContent()).toContain('Some data could not be synced')
    const partial = (await status.getByRole('alert').textContent()) ?? ''
    expect(partial).toContain('[redacted]')
    for (const form of forms) expect(partial).not.toContain(form)

    answer = 403
    await status.getByRole('button', { name: 'Sync now' }).click()
    await expect.poll(() => status.textContent()).toContain('refused access')
    expect(await status.getByRole('alert').textContent()).toContain('[redacted]')
    const stored = await readSyncState()
    const visible = await page.locator('body').innerText()
    expect(stored).toMatch(/"lastError":\{[^}]*\[redacted\]/)
    for (const form of forms) {
      expect(stored).not.toContain(form)
      expect(visible).not.toContain(form)
    }
    await app.screenshot('sync-error-redacted')
  })
})
