/**
 * Locks the bridge surface. If this fails you added, removed or renamed something the page can
 * call or hear: that is a security-relevant change, so update the lists below on purpose.
 */
import { describe, expect, it } from 'vitest'
import { bridgeEvents, bridgeMethods } from '../../../src/shared/bridge/contract'
import { BRIDGE_EVENT_NAMES, BRIDGE_METHOD_NAMES } from '../../../src/shared/bridge/surface'
import { createBridge } from '../../../src/preload/bridge'

const EXPECTED_METHODS = [
  'addWorkspace',
  'cancelRequest',
  'checkForUpdates',
  'copyAboutInfo',
  'createOpportunity',
  'deleteKey',
  'deleteOpportunity',
  'fetchPage',
  'getAboutInfo',
  'getAccount',
  'getAppInfo',
  'getOpportunity',
  'getPreferences',
  'getUpdateState',
  'hasKey',
  'listCustomerOpportunities',
  'listWorkspaces',
  'monacoCreateOpportunity',
  'monacoListBounds',
  'monacoListStep',
  'monacoLookups',
  'monacoUpdateOpportunity',
  'openDataFolder',
  'openDemoWorkspace',
  'openExternal',
  'removeWorkspace',
  'restartToUpdate',
  'saveKey',
  'setOutboxBusy',
  'setPreferences',
  'showNotification',
  'updateOpportunity',
  'updateWorkspace'
]
const EXPECTED_EVENTS = ['keyChanged', 'menuCommand', 'openRecord', 'updateState']

describe('bridge surface', () => {
  it('lists exactly the expected methods and events', () => {
    expect([...BRIDGE_METHOD_NAMES].sort()).toEqual(EXPECTED_METHODS)
    expect([...BRIDGE_EVENT_NAMES].sort()).toEqual(EXPECTED_EVENTS)
  })

  it('has a schema for every method and a spec for every event, and nothing else', () => {
    expect(Object.keys(bridgeMethods).sort()).toEqual(EXPECTED_METHODS)
    expect(Object.keys(bridgeEvents).sort()).toEqual(EXPECTED_EVENTS)
  })

  it('makes the preload expose exactly those methods plus "on", frozen', () => {
    const bridge = createBridge({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: () => () => {}
    })
    expect(Object.keys(bridge).sort()).toEqual([...EXPECTED_METHODS, 'on'].sort())
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('sends each preload method to main under its own name with its argument', async () => {
    const sent: unknown[] = []
    const bridge = createBridge({
      invoke: async (request) => {
        sent.push(request)
        return { ok: true, value: null }
      },
      subscribe: () => () => {}
    })
    await bridge.getAppInfo()
    await bridge.hasKey({ workspaceId: 'w' })
    await bridge.saveKey({ workspaceId: 'w', apiKey: 'k' })
    await bridge.deleteKey({ workspaceId: 'w' })
    await bridge.openExternal({ url: 'https://x.test' })
    await bridge.listWorkspaces()
    await bridge.openDemoWorkspace(undefined)
    await bridge.fetchPage({ workspaceId: 'w', requestId: 'r1', resource: 'plans', query: {} })
    await bridge.cancelRequest({ requestId: 'r1' })
    await bridge.addWorkspace({ name: 'Acme', apiKey: 'k' })
    await bridge.updateWorkspace({ workspaceId: 'w', name: 'Acme 2' })
    await bridge.removeWorkspace({ workspaceId: 'w' })
    await bridge.getOpportunity({ workspaceId: 'w', uuid: 'o' })
    await bridge.deleteOpportunity({ workspaceId: 'w', uuid: 'o' })
    await bridge.getAccount({ workspaceId: 'w' })
    await bridge.listCustomerOpportunities({ workspaceId: 'w', customerUuid: 'c' })
    await bridge.getUpdateState()
    await bridge.checkForUpdates()
    await bridge.restartToUpdate()
    await bridge.setOutboxBusy({ busy: true })
    expect(sent).toEqual([
      { method: 'getAppInfo', args: undefined },
      { method: 'hasKey', args: { workspaceId: 'w' } },
      { method: 'saveKey', args: { workspaceId: 'w', apiKey: 'k' } },
      { method: 'deleteKey', args: { workspaceId: 'w' } },
      { method: 'openExternal', args: { url: 'https://x.test' } },
      { method: 'listWorkspaces', args: undefined },
      { method: 'openDemoWorkspace', args: undefined },
      {
        method: 'fetchPage',
        args: { workspaceId: 'w', requestId: 'r1', resource: 'plans', query: {} }
      },
      { method: 'cancelRequest', args: { requestId: 'r1' } },
      { method: 'addWorkspace', args: { name: 'Acme', apiKey: 'k' } },
      { method: 'updateWorkspace', args: { workspaceId: 'w', name: 'Acme 2' } },
      { method: 'removeWorkspace', args: { workspaceId: 'w' } },
      { method: 'getOpportunity', args: { workspaceId: 'w', uuid: 'o' } },
      { method: 'deleteOpportunity', args: { workspaceId: 'w', uuid: 'o' } },
      { method: 'getAccount', args: { workspaceId: 'w' } },
      { method: 'listCustomerOpportunities', args: { workspaceId: 'w', customerUuid: 'c' } },
      { method: 'getUpdateState', args: undefined },
      { method: 'checkForUpdates', args: undefined },
      { method: 'restartToUpdate', args: undefined },
      { method: 'setOutboxBusy', args: { busy: true } }
    ])
  })

  it('delivers only the subscribed event to a listener, and stops after unsubscribe', () => {
    const listeners = new Set<(m: unknown) => void>()
    const bridge = createBridge({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: (l) => {
        listeners.add(l)
        return () => listeners.delete(l)
      }
    })
    const heard: unknown[] = []
    const off = bridge.on('keyChanged', (p) => heard.push(p))
    const payload = { workspaceId: 'w', present: true, last4: 'abcd' }
    for (const l of listeners) l({ event: 'keyChanged', payload })
    for (const l of listeners) l({ event: 'somethingElse', payload: 1 })
    for (const l of listeners) l('garbage')
    off()
    for (const l of listeners) l({ event: 'keyChanged', payload })
    expect(heard).toEqual([payload])
    expect(() => bridge.on('nope' as 'keyChanged', () => {})).toThrow(/Unknown bridge event/)
  })

  it('delivers a menu command to its listener, typed, and nothing else', () => {
    const listeners = new Set<(m: unknown) => void>()
    const bridge = createBridge({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: (l) => {
        listeners.add(l)
        return () => listeners.delete(l)
      }
    })
    const heard: unknown[] = []
    bridge.on('menuCommand', (p) => heard.push(p))
    const payload = { command: 'go-to-section', section: 'outbox' }
    for (const l of listeners) l({ event: 'menuCommand', payload })
    for (const l of listeners) l({ event: 'keyChanged', payload: { workspaceId: 'w' } })
    expect(heard).toEqual([payload])
  })
})
