/**
 * All randomness in the simulator comes from here, derived from one numeric seed, so that
 * `seed → data` and `fault seed → fault sequence` are reproducible across runs and machines.
 * Nothing in the simulator may call Math.random() or read the wall clock for generated data.
 */
import { Faker, base, en } from '@faker-js/faker'

/** FNV-1a over the label, mixed with the seed: stable sub-seeds for independent streams. */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  // A final avalanche so that seeds 1 and 2 do not produce correlated first draws.
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h >>> 0
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'

/** sfc32: small, fast, and good enough statistically for test data (not for secrets). */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    this.a = 0x9e3779b9
    this.b = 0x243f6a88
    this.c = 0xb7e15162
    this.d = seed >>> 0
    for (let i = 0; i < 15; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) >>> 0
    return t / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let r = this.next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    const last = entries[entries.length - 1]
    if (!last) throw new Error('Rng.weighted: empty list')
    return last[0]
  }

  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice()
    const n = Math.min(k, copy.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i))
      const tmp = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = tmp
    }
    return copy.slice(0, n)
  }

  alnum(length: number): string {
    let s = ''
    for (let i = 0; i < length; i++) s += ALNUM[Math.floor(this.next() * ALNUM.length)]
    return s
  }

  hex(length: number): string {
    let s = ''
    for (let i = 0; i < length; i++) s += HEX[Math.floor(this.next() * 16)]
    return s
  }

  /** A random (version 4) UUID — the shape of activity uuids. */
  uuidV4(): string {
    const variant = HEX[8 + Math.floor(this.next() * 4)]
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`
  }

  /**
   * A time-based (version 1) UUID for the given instant. ChartMogul's customer, plan, data
   * source and opportunity ids are v1 (`…-11ee-…` = 2023), so ids "look their age".
   */
  uuidV1(ms: number): string {
    const gregorianOffset = 0x01b21dd213814000n
    const ticks = BigInt(ms) * 10000n + gregorianOffset + BigInt(this.int(0, 9999))
    const timeLow = (ticks & 0xffffffffn).toString(16).padStart(8, '0')
    const timeMid = ((ticks >> 32n) & 0xffffn).toString(16).padStart(4, '0')
    const timeHi = (((ticks >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, '0')
    const clockSeq = ((this.int(0, 0x3fff) | 0x8000) >>> 0).toString(16).padStart(4, '0')
    return `${timeLow}-${timeMid}-${timeHi}-${clockSeq}-${this.hex(12)}`
  }

  /** An independent stream: adding draws in one area never reshuffles another area's data. */
  fork(label: string): Rng {
    return new Rng(deriveSeed(this.int(0, 0xffffffff), label))
  }
}

/** A private Faker instance (never the global one, which other code may reseed). */
export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, base] })
  faker.seed(deriveSeed(seed, 'faker'))
  return faker
}
