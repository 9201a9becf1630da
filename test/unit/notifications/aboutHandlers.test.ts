/** The About dialog's facts and "Open data folder": main's paths only. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAboutHandlers } from '../../../src/main/features/app/aboutHandlers'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { createBridgeHandlers } from '../../../src/main/bridgeHandlers'
import { testServices } from '../support/testServices'

const deps = (opened: string[], failure = '') => ({
  app: { name: 'Revdesk', version: '1.2.3', platform: 'linux' },
  runtime: { electron: '38.0.0', chrome: '140.0.0', node: '22.0.0', arch: 'x64' },
  dataDir: '/home/u/.config/Revdesk',
  keyStorage: { backend: 'keychain' as const, weak: false, notice: null },
  openPath: async (path: string) => {
    opened.push(path)
    return failure
  },
  writeClipboard: (text: string) => void opened.push(`clipboard: ${text}`)
})

describe('about handlers', () => {
  it('say the versions and where the cache, settings, window state and keys live', async () => {
    const info = await createAboutHandlers(deps([])).getAboutInfo(undefined)
    const dir = '/home/u/.config/Revdesk'
    expect(info).toMatchObject({
      version: '1.2.3',
      electron: '38.0.0',
      chrome: '140.0.0',
      node: '22.0.0',
      arch: 'x64',
      dataFolder: dir,
      cacheFolder: join(dir, 'IndexedDB'),
      settingsFiles: [join(dir, 'workspaces.json'), join(dir, 'preferences.json')],
      windowStateFile: join(dir, 'window-state.json'),
      keyFile: join(dir, 'keys.enc.json'),
      keyStorage: { backend: 'keychain' }
    })
  })

  it('open the data folder and nothing else', async () => {
    const opened: string[] = []
    await createAboutHandlers(deps(opened)).openDataFolder(undefined)
    expect(opened).toEqual(['/home/u/.config/Revdesk'])
  })

  it('copy the versions, as main writes them', async () => {
    const written: string[] = []
    await createAboutHandlers(deps(written)).copyAboutInfo(undefined)
    expect(written).toEqual([
      'clipboard: Revdesk 1.2.3\nElectron 38.0.0\nChromium 140.0.0\nNode.js 22.0.0\nlinux x64'
    ])
  })

  it('say so when the folder cannot be opened', async () => {
    await expect(
      createAboutHandlers(deps([], 'No application')).openDataFolder(undefined)
    ).rejects.toThrow(/could not be opened/)
  })

  it('refuse a path from the page', async () => {
    const services = testServices()
    const dispatch = createDispatcher(createBridgeHandlers(services))
    const result = await dispatch({ method: 'openDataFolder', args: { path: '/etc' } })
    expect(result.ok).toBe(false)
  })
})
