/**
 * Wires the dispatcher to an `ipcMain`-shaped object. Electron's ipcMain in the app; a Playwright
 * binding in the browser harness. Only frames showing the app's own page may call in.
 */
import type { EventMessage, PayloadOf } from '../../shared/bridge/contract'
import { EVENT_CHANNEL, INVOKE_CHANNEL, type BridgeEventName } from '../../shared/bridge/surface'
import type { Dispatch } from './dispatcher'

export interface InvokeEventLike {
  senderFrame?: { url: string } | null
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, request: unknown) => Promise<unknown>
  ): void
  removeHandler(channel: string): void
}

export function registerBridge(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, request) => {
    const url = event.senderFrame?.url ?? ''
    if (!isTrustedUrl(url)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Only the Revdesk window may call the app.' }
      }
    }
    return dispatch(request)
  })
  return () => ipcMain.removeHandler(INVOKE_CHANNEL)
}

export type SendToRenderers = (channel: string, message: unknown) => void

export type EmitEvent = <E extends BridgeEventName>(event: E, payload: PayloadOf<E>) => void

/** A typed emitter for main→renderer events over whatever transport `send` uses. */
export function createEventEmitter(send: SendToRenderers): EmitEvent {
  return (event, payload) => {
    const message: EventMessage = { event, payload } as EventMessage
    send(EVENT_CHANNEL, message)
  }
}
