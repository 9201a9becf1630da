/** The run's resources wait for each other's fetching before their completeness checks. */
import { expect, test } from 'vitest'
import { FetchBarrier } from '../../../src/renderer/src/sync/fetchBarrier'

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false
  void promise.then(() => (done = true))
  await new Promise((resolve) => setTimeout(resolve, 1))
  return done
}

test('a resource waits until every other resource of the run has fetched', async () => {
  const barrier = new FetchBarrier(['customers', 'activities', 'opportunities'])
  const customers = barrier.othersFetched('customers')
  expect(await settled(customers)).toBe(false)
  barrier.arrive('opportunities')
  expect(await settled(customers)).toBe(false)
  barrier.arrive('activities')
  expect(await settled(customers)).toBe(true)
})

test('waiting counts as arriving, so two resources waiting on each other both go on', async () => {
  const barrier = new FetchBarrier(['customers', 'activities'])
  const customers = barrier.othersFetched('customers')
  const activities = barrier.othersFetched('activities')
  expect(await settled(customers)).toBe(true)
  expect(await settled(activities)).toBe(true)
})

test('arriving twice, or a resource not in the run, changes nothing', async () => {
  const barrier = new FetchBarrier(['customers', 'activities'])
  barrier.arrive('plans')
  barrier.arrive('customers')
  barrier.arrive('customers')
  expect(await settled(barrier.othersFetched('customers'))).toBe(false)
  barrier.arrive('activities')
  expect(await settled(barrier.othersFetched('customers'))).toBe(true)
})
