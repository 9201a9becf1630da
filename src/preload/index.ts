/**
 * The sandboxed preload: exposes only the typed bridge. The page never gets `ipcRenderer`, the
 * IPC event objects (whose `sender` is ipcRenderer), Node, or anything else from Electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { BRIDGE_GLOBAL, EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/bridge/surface'
import { createBridge } from './bridge'

const bridge = createBridge({
  invoke: (request) => ipcRenderer.invoke(INVOKE_CHANNEL, request),
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, message: unknown): void => listener(message)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  }
})

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
