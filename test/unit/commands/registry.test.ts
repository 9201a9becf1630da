/** The command registry: components add commands while mounted and take them away after. */
import { describe, expect, it } from 'vitest'
import { CommandRegistry } from '../../../src/renderer/src/commands/registry'
import type { Command } from '../../../src/renderer/src/commands/types'

const command = (id: string, title = id): Command => ({ id, title, group: 'actions' })

describe('CommandRegistry', () => {
  it('lists what is registered, in order, until it is unregistered', () => {
    const registry = new CommandRegistry()
    const offA = registry.register([command('a'), command('b')])
    registry.register([command('c')])
    expect(registry.list().map((c) => c.id)).toEqual(['a', 'b', 'c'])
    offA()
    expect(registry.list().map((c) => c.id)).toEqual(['c'])
  })

  it('reads a function source each time, so commands follow the current selection', () => {
    const registry = new CommandRegistry()
    let selected = 0
    registry.register(() => (selected > 0 ? [command('move', `Move ${selected}`)] : []))
    expect(registry.list()).toEqual([])
    selected = 2
    expect(registry.list().map((c) => c.title)).toEqual(['Move 2'])
  })

  it('lets a later registration of the same id replace the earlier one', () => {
    const registry = new CommandRegistry()
    registry.register([command('new', 'New opportunity')])
    const off = registry.register([command('new', 'New opportunity for Acme')])
    expect(registry.list().map((c) => c.title)).toEqual(['New opportunity for Acme'])
    off()
    expect(registry.list().map((c) => c.title)).toEqual(['New opportunity'])
  })
})
