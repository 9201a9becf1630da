import { expect, test } from 'vitest'
import { densityQuantile } from '../../../src/renderer/src/sync/planning'

test('even density cuts time evenly', () => {
  expect(densityQuantile(0.25, { oldest: 2, newest: 2 })).toBeCloseTo(0.25)
  expect(densityQuantile(0.5, { oldest: 2, newest: 2 })).toBeCloseTo(0.5)
})

test('a growing account puts the cuts later in time, where the activities are', () => {
  const d = { oldest: 1, newest: 9 }
  const cuts = [0.25, 0.5, 0.75].map((q) => densityQuantile(q, d))
  expect(cuts[0]).toBeGreaterThan(0.25)
  expect(cuts[1]).toBeGreaterThan(0.5)
  expect(cuts).toEqual([...cuts].sort((a, b) => a - b))
  // Each window then holds the same share under the linear-density model.
  const share = (x: number): number => (d.oldest * x + ((d.newest - d.oldest) * x * x) / 2) / 5
  for (const [i, q] of [0.25, 0.5, 0.75].entries()) expect(share(cuts[i] as number)).toBeCloseTo(q)
})

test('a shrinking account puts them earlier, and bad input falls back to even time', () => {
  expect(densityQuantile(0.5, { oldest: 9, newest: 1 })).toBeLessThan(0.5)
  expect(densityQuantile(0.5, { oldest: Number.POSITIVE_INFINITY, newest: 1 })).toBe(0.5)
  expect(densityQuantile(0.5, { oldest: 0, newest: 1 })).toBe(0.5)
  expect(densityQuantile(1, { oldest: 1, newest: 9 })).toBeCloseTo(1)
})
