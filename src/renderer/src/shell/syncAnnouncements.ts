/**
 * What the status bar's polite live region says, and when. The visible progress updates many
 * times a second; a screen reader hearing every tick hears nothing useful. So the announced
 * text changes only at moments worth hearing: a sync starts, it passes each quarter of the way
 * (once each, never backwards) and it ends (with what the status bar then says). Everything
 * else leaves the text as it is. (The connection's sentence is its own status region: it
 * changes only when the connectivity model does.)
 */

/** What the policy needs of one resource's progress (a `ResourceProgress` fits). */
export interface ProgressPart {
  records: number
  estimatedTotal: number | null
  phase: string
}

export interface StatusSnapshot {
  syncing: boolean
  /** The current run's resources (ignored while not syncing). */
  progress: readonly ProgressPart[]
  /** What the status bar says about the sync when none runs ("Last synced …", a problem…). */
  summary: string
}

export interface AnnouncerState {
  syncing: boolean
  /** The last quarter announced in this run (0 before 25%). */
  milestone: number
  /** The live region's text. */
  text: string
}

/** Where the policy starts: what is on screen at first is not news. */
export function initialAnnouncer(snapshot: StatusSnapshot): AnnouncerState {
  return { syncing: snapshot.syncing, milestone: 0, text: '' }
}

/**
 * The share of the run done, 0–100, once every unfinished resource knows its total; null
 * before (a share over some resources would jump back as others learn theirs).
 */
export function percentDone(progress: readonly ProgressPart[]): number | null {
  let done = 0
  let total = 0
  for (const part of progress) {
    if (part.phase === 'done') {
      const size = Math.max(part.records, part.estimatedTotal ?? 0)
      done += size
      total += size
      continue
    }
    if (part.estimatedTotal === null) return null
    const size = Math.max(part.records, part.estimatedTotal)
    done += part.records
    total += size
  }
  return total === 0 ? null : Math.floor((done / total) * 100)
}

const QUARTER = 25

export function nextAnnouncement(prev: AnnouncerState, snapshot: StatusSnapshot): AnnouncerState {
  const news: string[] = []
  let milestone = prev.milestone
  if (snapshot.syncing && !prev.syncing) {
    milestone = 0
    news.push('Sync started')
  } else if (snapshot.syncing) {
    const percent = percentDone(snapshot.progress)
    const quarter = percent === null ? 0 : Math.floor(percent / QUARTER) * QUARTER
    // 100% is said by the end of the run, in its own words.
    if (quarter > milestone && quarter < 100) {
      milestone = quarter
      news.push(`Sync ${quarter}% done`)
    }
  } else if (prev.syncing) {
    news.push(snapshot.summary)
  }
  return {
    syncing: snapshot.syncing,
    milestone,
    text: news.length === 0 ? prev.text : news.join('. ')
  }
}
