/** The quick jump of a ChartMogul workspace: its cached customers (see quickJumpSearch.ts). */
import { formatCents } from '../sections/data/formatters'
import { searchCustomers, textIndexFor, type CustomerHit, type TextIndex } from './quickJumpSearch'
import type { JumpHit, QuickJumpSource } from './quickJumpSource'

export function customerJumpHit(hit: CustomerHit): JumpHit {
  return {
    key: hit.uuid,
    parentId: hit.uuid,
    name: hit.name,
    detail: [hit.company !== hit.name ? hit.company : '', hit.email].filter(Boolean).join(' · '),
    aside: formatCents(hit.mrrCents, hit.currency)
  }
}

export const customerJump: QuickJumpSource = {
  wording: {
    inputLabel: 'Jump to customer',
    placeholder: 'Jump to customer — name, company or email',
    listLabel: 'Matching customers',
    groupLabel: 'Customers',
    typeHint: 'Type a name, company or email.',
    noWorkspace: 'Open a workspace to search its customers.',
    unnamed: 'Unnamed customer',
    count: (hits) => (hits === 1 ? '1 customer' : `${hits} customers`),
    noMatch: (query) => `No cached customer matches “${query}”.`
  },
  async search(cache, query, revision, show) {
    const { ready, current } = textIndexFor(cache, revision)
    const run = async (index: TextIndex | null) =>
      show((await searchCustomers(cache, query, index)).map(customerJumpHit))
    await run(ready)
    if (ready) return
    let index: TextIndex
    try {
      index = await current
    } catch {
      return // the name and email prefixes shown stand
    }
    await run(index)
  }
}
