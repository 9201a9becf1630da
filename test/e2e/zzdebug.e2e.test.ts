import { it } from 'vitest'
import { launchApp } from './harness/launchApp'
it('debug', async () => {
  const app = await launchApp()
  const { page } = app
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Customers' }).focus()
  console.log('modal?', await page.evaluate(() => document.querySelector('dialog[open], [aria-modal="true"]')?.outerHTML.slice(0, 300)))
  await page.keyboard.press('g')
  await page.keyboard.press('o')
  await page.waitForTimeout(300)
  console.log('h1', await page.getByRole('heading', { level: 1 }).allTextContents())
  await page.keyboard.press('?')
  await page.waitForTimeout(300)
  console.log('sheet', await page.getByRole('dialog').count(), app.consoleErrors)
  await app.close()
})
