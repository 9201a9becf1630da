import { defineConfig } from 'vitest/config'

/**
 * Three suites, one runner:
 * - unit:     plain Node — main-process modules, shared code, the simulator over loopback HTTP,
 *             renderer logic over fake-indexeddb;
 * - keychain: the real keytar against a real Secret Service (run via scripts/with-keyring.mjs);
 * - e2e:      the built renderer in Debian's Chromium through the browser harness.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node'
        }
      },
      {
        test: {
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          // One keyring, one daemon: keep its tests in order.
          fileParallelism: false
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The UI re-reads the cache a few times a second at most: give polls room on 2 cores.
          expect: { poll: { timeout: 10_000 } },
          // Two cores: one Chromium at a time keeps timings honest and memory low.
          fileParallelism: false
        }
      }
    ]
  }
})
