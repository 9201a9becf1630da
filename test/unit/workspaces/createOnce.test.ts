/** The main process's guard against sending one queued create twice (see createOnce.ts). */
import { describe, expect, it } from 'vitest'
import { createOnce } from '../../../src/main/features/opportunities/createOnce'

describe('createOnce', () => {
  it('forgets the oldest results beyond what it remembers', async () => {
    const once = createOnce<number>({ remember: 2 })
    let sends = 0
    const send = (value: number) => () => Promise.resolve((sends++, value))
    await once.run('a', send(1))
    await once.run('b', send(2))
    await once.run('c', send(3))
    expect(await once.run('c', send(30))).toBe(3)
    expect(await once.run('b', send(20))).toBe(2)
    // "a" was the oldest: asked again, it is sent again.
    expect(await once.run('a', send(10))).toBe(10)
    expect(sends).toBe(4)
  })
})
