/** The real main-process services over temp folders, for tests that need no browser. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MainServices } from '../../../src/main/bridgeHandlers'
import { createDemoRuntime } from '../../../src/main/features/workspaces/demoRuntime'
import type { DemoRuntime } from '../../../src/main/features/workspaces/gatewayPool'
import { createMainServices } from '../../../src/main/mainServices'
import { createSafeStorageVault } from '../../../src/main/vault/safeStorageVault'
import type { VaultChoice } from '../../../src/main/vault/selectVault'
import { fakeSafeStorage } from './fakeSafeStorage'
import type { UserQuestion } from '../../../src/main/platform/askUser'
import type { FetchLike } from '../../../src/main/chartmogul'

export interface TestServices extends MainServices {
  events: unknown[]
  opened: string[]
  /** Every native question main asked "the user". */
  questions: UserQuestion[]
  dataDir: string
}

const noDemo: DemoRuntime = createDemoRuntime(() =>
  Promise.reject(new Error('This test did not expect the demo workspace to start.'))
)

export function testServices(
  options: {
    vault?: VaultChoice
    demo?: DemoRuntime
    /** The Monaco demo's backend (default: none; a test that opens it says which). */
    monacoDemo?: DemoRuntime
    /** How "the user" answers main's native questions (default: always Cancel). */
    answerQuestions?: (question: UserQuestion) => boolean
    /** Main's HTTP transport (default: the real fetch). */
    fetch?: FetchLike
  } = {}
): TestServices {
  const dataDir = mkdtempSync(join(tmpdir(), 'rd-main-'))
  const events: unknown[] = []
  const opened: string[] = []
  const questions: UserQuestion[] = []
  const services = createMainServices({
    app: { name: 'Revdesk', version: '1.2.3', platform: 'linux' },
    dataDir,
    vault: options.vault ?? {
      vault: createSafeStorageVault(join(dataDir, 'keys.enc.json'), fakeSafeStorage()),
      status: { backend: 'encrypted-file', weak: false, notice: null }
    },
    emit: (event, payload) => void events.push({ event, payload }),
    openExternal: async (url) => void opened.push(url),
    askUser: async (question) => {
      questions.push(question)
      return options.answerQuestions?.(question) ?? false
    },
    demo: options.demo ?? noDemo,
    monacoDemo: options.monacoDemo ?? noDemo,
    ...(options.fetch ? { fetch: options.fetch } : {})
  })
  return { ...services, events, opened, questions, dataDir }
}
