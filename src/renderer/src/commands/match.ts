/**
 * Which commands match what was typed, best first, and whether they or the records go first.
 * Pure and synchronous; the records are searched by the provider's quick-jump source.
 */
import type { Command } from './types'

/** Lower is better; null is no match. */
export type MatchScore = 0 | 1 | 2 | 3 | 4

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[\s…,.;:()/&+-]+/)
    .filter(Boolean)
}

/**
 * How well `query` matches a title (and keywords): 0 the whole title, 1 its start, 2 every typed
 * word starts a word of it, 3 every typed word starts a keyword or title word, 4 it appears
 * somewhere in the title (three letters or more: one or two letters are inside too many titles).
 */
export function scoreCommand(
  query: string,
  command: Pick<Command, 'title' | 'keywords'>
): MatchScore | null {
  const q = query.trim().toLocaleLowerCase()
  if (q === '') return null
  const title = command.title.toLocaleLowerCase().replace(/…$/, '')
  if (title === q) return 0
  if (title.startsWith(q)) return 1
  const typed = words(q)
  const titleWords = words(title)
  const startsOne = (pool: string[]) => (word: string) => pool.some((w) => w.startsWith(word))
  if (typed.every(startsOne(titleWords))) return 2
  const all = titleWords.concat((command.keywords ?? []).flatMap(words))
  if (typed.every(startsOne(all))) return 3
  if (q.length >= 3 && title.includes(q)) return 4
  return null
}

/** Commands matching the query, best first (ties keep their order); all of them when empty. */
export function rankCommands<C extends Pick<Command, 'title' | 'keywords'>>(
  query: string,
  commands: readonly C[]
): C[] {
  if (query.trim() === '') return [...commands]
  return commands
    .map((command, index) => ({ command, index, score: scoreCommand(query, command) }))
    .filter((entry): entry is typeof entry & { score: MatchScore } => entry.score !== null)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.command)
}

/**
 * Whether commands are listed before records: when nothing is typed (there are no records
 * then), or when the best command matches better than the best record's name does. Records win
 * ties: typing a name has always jumped to that record.
 */
export function commandsFirst(
  query: string,
  bestCommand: Pick<Command, 'title' | 'keywords'> | undefined,
  bestRecordName: string | undefined
): boolean {
  if (query.trim() === '' || bestRecordName === undefined) return true
  if (bestCommand === undefined) return false
  const commandScore = scoreCommand(query, bestCommand) ?? 5
  const recordScore = scoreCommand(query, { title: bestRecordName }) ?? 5
  return commandScore < recordScore
}
