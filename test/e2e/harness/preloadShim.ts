/**
 * Runs the app's real, built preload (`out/preload/index.cjs`) inside the page, with the only
 * Electron parts it touches — `contextBridge` and `ipcRenderer` — replaced: invocations go to the
 * test process as same-origin HTTP POSTs (cheap even for large sync pages, unlike a CDP binding),
 * events come back through `page.evaluate`. Everything the page then sees is exactly what the
 * preload exposes in the app.
 */
export const INVOKE_PATH = '/__revdesk/ipc'
export const DELIVER_FUNCTION = '__revdeskIpcDeliver'

export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: async (channel, payload) => {
      const response = await fetch('${INVOKE_PATH}', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, payload: payload === undefined ? null : payload })
      });
      if (!response.ok) throw new Error('IPC failed: ' + (await response.text()));
      return response.json();
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
