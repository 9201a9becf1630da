/**
 * Runs the app's real, built preload (`out/preload/index.cjs`) inside the page, with the only
 * Electron parts it touches — `contextBridge` and `ipcRenderer` — replaced: invocations go to the
 * test process as JSON over a same-origin WebSocket (cheap even for large sync pages, unlike a
 * CDP binding, and with no cap on calls in flight, unlike HTTP requests to one host), events
 * come back through `page.evaluate`. Everything the page then sees is exactly what the
 * preload exposes in the app.
 */
export const INVOKE_PATH = '/__revdesk/ipc'
export const DELIVER_FUNCTION = '__revdeskIpcDeliver'

export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  // One socket, opened on first use and again after it closes; answers pair up by id.
  const pending = new Map();
  let nextId = 1;
  let opening = null;
  const connect = () => new Promise((resolve, reject) => {
    const url = new URL('${INVOKE_PATH}', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('page', location.href);
    const ws = new WebSocket(url);
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error('IPC failed: the harness socket did not open'));
    ws.onmessage = (event) => {
      const answer = JSON.parse(event.data);
      const call = pending.get(answer.id);
      if (!call) return;
      pending.delete(answer.id);
      if (answer.ok) call.resolve(answer.result);
      else call.reject(new Error('IPC failed: ' + answer.error));
    };
    ws.onclose = () => {
      opening = null;
      for (const [id, call] of pending) {
        if (call.ws !== ws) continue;
        pending.delete(id);
        call.reject(new Error('IPC failed: the harness socket closed'));
      }
    };
  });
  const ipcRenderer = {
    invoke: async (channel, payload) => {
      if (opening === null) {
        opening = connect();
        opening.catch(() => (opening = null));
      }
      const current = opening;
      const ws = await current;
      // Closing but not yet closed: open a new one for this call.
      if (ws.readyState !== WebSocket.OPEN) {
        if (opening === current) opening = null;
        return ipcRenderer.invoke(channel, payload);
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, ws });
        ws.send(JSON.stringify({ id, body: { channel, payload: payload === undefined ? null : payload } }));
      });
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }
  };
  Object.defineProperty(window, '${DELIVER_FUNCTION}', {
    value: (channel, message) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, message);
    }
  });
  const deepFreeze = (value) => {
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) deepFreeze(value[key]);
      Object.freeze(value);
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: deepFreeze(api), enumerable: false, writable: false, configurable: false });
    }
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('A sandboxed preload cannot require "' + name + '"');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`
}
