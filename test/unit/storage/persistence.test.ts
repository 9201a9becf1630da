/** Persistent storage is asked for once per start; the outcome is what Settings says. */
import { afterEach, expect, test, vi } from 'vitest'
import {
  forgetPersistenceRequest,
  persistenceSentence,
  requestPersistentStorage
} from '../../../src/renderer/src/cache/storage/persistence'

afterEach(() => forgetPersistenceRequest())

test('asks once, however often it is called, and remembers the answer', async () => {
  const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) }
  expect(await requestPersistentStorage(storage)).toBe('kept')
  expect(await requestPersistentStorage(storage)).toBe('kept')
  expect(storage.persist).toHaveBeenCalledTimes(1)
  expect(storage.persisted).toHaveBeenCalledTimes(1)
})

test('already persistent: nothing to ask', async () => {
  const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => false) }
  expect(await requestPersistentStorage(storage)).toBe('kept')
  expect(storage.persist).not.toHaveBeenCalled()
})

test('refused, failing or absent: said as it is', async () => {
  expect(await requestPersistentStorage({ persist: async () => false })).toBe('bestEffort')
  forgetPersistenceRequest()
  expect(
    await requestPersistentStorage({
      persist: () => Promise.reject(new Error('no'))
    })
  ).toBe('unknown')
  forgetPersistenceRequest()
  expect(await requestPersistentStorage(undefined)).toBe('unknown')
  expect(persistenceSentence('kept')).toBe('Storage: kept by the system.')
  expect(persistenceSentence('bestEffort')).toMatch(
    /^Storage: may be cleared under storage pressure\./
  )
})
