/** Matching and ranking the palette's commands, and whether they or the records come first. */
import { describe, expect, it } from 'vitest'
import { commandsFirst, rankCommands, scoreCommand } from '../../../src/renderer/src/commands/match'

const titles = (list: { title: string }[]) => list.map((c) => c.title)
const COMMANDS = [
  { title: 'Export CSV', keywords: ['download'] },
  { title: 'Move stage…', keywords: ['stage', 'pipeline'] },
  { title: 'Go to Outbox' },
  { title: 'Go to Opportunities' },
  { title: 'Sync now' },
  { title: 'Set close date…', keywords: ['date'] }
]

describe('scoreCommand', () => {
  it('ranks whole title, title start, word starts, keywords, then inside the title', () => {
    expect(scoreCommand('sync now', { title: 'Sync now' })).toBe(0)
    expect(scoreCommand('move stage', { title: 'Move stage…' })).toBe(0)
    expect(scoreCommand('mo', { title: 'Move stage…' })).toBe(1)
    expect(scoreCommand('go out', { title: 'Go to Outbox' })).toBe(2)
    expect(scoreCommand('download', { title: 'Export CSV', keywords: ['download'] })).toBe(3)
    expect(scoreCommand('xport', { title: 'Export CSV' })).toBe(4)
    expect(scoreCommand('zebra', { title: 'Export CSV' })).toBeNull()
    expect(scoreCommand('  ', { title: 'Export CSV' })).toBeNull()
  })
})

describe('rankCommands', () => {
  it('keeps every command, in order, when nothing is typed', () => {
    expect(titles(rankCommands('', COMMANDS))).toEqual(titles(COMMANDS))
  })

  it('drops non-matches and orders by score, keeping registration order on ties', () => {
    expect(titles(rankCommands('move', COMMANDS))).toEqual(['Move stage…'])
    expect(titles(rankCommands('go o', COMMANDS))).toEqual(['Go to Outbox', 'Go to Opportunities'])
    expect(titles(rankCommands('date', COMMANDS))).toEqual(['Set close date…'])
    expect(titles(rankCommands('s', COMMANDS))).toEqual([
      'Sync now',
      'Set close date…',
      'Move stage…'
    ])
  })
})

describe('commandsFirst', () => {
  it('puts commands first with nothing typed or no record found', () => {
    expect(commandsFirst('', undefined, undefined)).toBe(true)
    expect(commandsFirst('move', COMMANDS[1], undefined)).toBe(true)
  })

  it('puts records first when they match at least as well: typing a name still jumps', () => {
    expect(commandsFirst('sy', COMMANDS[4], 'Sylvia Plath')).toBe(false)
    expect(commandsFirst('acme', undefined, 'Acme Corp')).toBe(false)
    expect(commandsFirst('sync now', COMMANDS[4], 'Synchro Nowak')).toBe(true)
    expect(commandsFirst('move', COMMANDS[1], 'Acme (moved)')).toBe(true)
  })
})
