/**
 * A county's boxes share every schedule: they are switched on together, lose the network together and are
 * told the same Retry-After by the same CDN. 1,000 simulated boxes, each with its own seeded random(),
 * run the real HTTP client and the real repository on one simulated clock; what the CDN sees must be
 * spread, never a thousand requests in one second. The same seeds every run, so a failure reproduces.
 */
import { describe, expect, it } from 'vitest'
import type { CachedDoc, FeedCache } from '../../src/feed/cache'
import { indexKey } from '../../src/feed/cacheKeys'
import { createHttpClient, type HttpClient, type TransportResponse } from '../../src/feed/http'
import { FeedRepository } from '../../src/feed/repository'
import { refreshDelay, retryAfterDelay, retryDelay, RETRY_CAP_MS } from '../../src/feed/schedule'
import type { FeedIndex } from '../../src/feed/schema'
import { LINWU } from '../../mocks/fixtures'
import { seededRandom as seeded } from '../../mocks/seededRandom'

const BOXES = 1000
const MINUTE = 60_000
const REGION = LINWU.index.region.code
const INDEX_TEXT = JSON.stringify(LINWU.index)
const ETAG = '"v1"'


/** The largest share of `times` (ms) that falls into any one slot of `slotMs` (a second unless told). */
function busiestSecond(times: readonly number[], slotMs = 1000): number {
  const counts = new Map<number, number>()
  let most = 0
  for (const t of times) {
    const s = Math.floor(t / slotMs)
    const n = (counts.get(s) ?? 0) + 1
    counts.set(s, n)
    if (n > most) most = n
  }
  return most / times.length
}

const distinct = (values: readonly number[]): number => new Set(values).size

// ---- one simulated clock for the whole fleet ----

interface Pending {
  at: number
  seq: number
  fn: () => void
}

class Clock {
  now = 0
  /** A binary min-heap by (at, seq); cancelled timers are skipped when they come up. */
  private heap: Pending[] = []
  private cancelled = new Set<unknown>()
  private seq = 0

  at(ms: number, fn: () => void): number {
    const seq = ++this.seq
    this.heap.push({ at: this.now + Math.max(0, ms), seq, fn })
    this.up(this.heap.length - 1)
    return seq
  }

  cancel(handle: unknown): void {
    this.cancelled.add(handle)
  }

  /** Runs every timer due up to `until`, in order, letting each one's promises settle before the next. */
  async runUntil(until: number): Promise<void> {
    // What was started before (the boots) runs first, at the time it was started.
    await settle()
    for (;;) {
      const next = this.heap[0]
      if (!next || next.at > until) break
      this.pop()
      if (this.cancelled.delete(next.seq)) continue
      this.now = next.at
      next.fn()
      await settle()
    }
    this.now = until
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i] as Pending
    const b = this.heap[j] as Pending
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as Pending
    this.heap[i] = this.heap[j] as Pending
    this.heap[j] = t
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(i, parent)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private pop(): void {
    const last = this.heap.pop()
    if (this.heap.length === 0 || !last) return
    this.heap[0] = last
    for (let i = 0; ; ) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.heap.length && this.before(l, m)) m = l
      if (r < this.heap.length && this.before(r, m)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }
}

/** Everything here resolves at once, so one turn of the event loop drains every promise chain. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

// ---- the CDN and the boxes ----

type Answer = 'ok' | 'offline' | { status: number; retryAfter: string }

interface Fleet {
  clock: Clock
  /** When each box called http.get (one refresh), by box. */
  refreshes: number[][]
  /** Every request the CDN saw (attempts, retries included): when, which box, and what it answered. */
  requests: { at: number; box: number; answer: Answer }[]
  repos: FeedRepository[]
}

function memoryCache(initial?: FeedIndex): FeedCache {
  const docs = new Map<string, CachedDoc<unknown>>()
  if (initial) {
    docs.set(indexKey(REGION), { value: initial, etag: ETAG, fetchedAt: -MINUTE, schemaVersion: 1, bytes: 0, kind: 'index' })
  }
  return {
    get: <T,>(key: string) => Promise.resolve(docs.get(key) as CachedDoc<T> | undefined),
    put: (key, doc) => {
      docs.set(key, { ...doc, bytes: 0 })
      return Promise.resolve()
    },
    clear: () => {
      docs.clear()
      return Promise.resolve()
    },
    diagnostics: () => ({ mode: 'memory', reopened: false, entries: docs.size, bytes: 0 }),
  }
}

/**
 * Boots `BOXES` boxes at t = 0 the way src/index.ts does (start, and the background refresh with it),
 * against a CDN whose answer at each moment is `cdn(t)`.
 */
function bootFleet(cdn: (t: number) => Answer, options: { cached?: boolean; seed?: number } = {}): Fleet {
  const clock = new Clock()
  const fleet: Fleet = { clock, refreshes: [], requests: [], repos: [] }
  for (let box = 0; box < BOXES; box++) {
    const random = seeded((options.seed ?? 20261120) + box * 7919)
    const transport = (_url: string, init: { headers: Record<string, string> }): Promise<TransportResponse> => {
      const answer = cdn(clock.now)
      fleet.requests.push({ at: clock.now, box, answer })
      if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'))
      const headers: Record<string, string> = answer === 'ok' ? { ETag: ETAG } : { 'Retry-After': answer.retryAfter }
      const header = (name: string) => headers[name] ?? null
      if (answer !== 'ok') return Promise.resolve({ status: answer.status, text: '', header })
      const notModified = init.headers['If-None-Match'] === ETAG
      return Promise.resolve({ status: notModified ? 304 : 200, text: notModified ? '' : INDEX_TEXT, header })
    }
    const client = createHttpClient({
      transport,
      random,
      sleep: (ms) => new Promise<void>((resolve) => clock.at(ms, resolve)),
    })
    const mine: number[] = []
    fleet.refreshes.push(mine)
    const http: HttpClient = {
      get: (url, o) => {
        mine.push(clock.now)
        return client.get(url, o)
      },
    }
    const repo = new FeedRepository({
      settings: { feedBaseUrl: 'https://feed.example.cn', regionCode: REGION, refreshIntervalMinutes: 30 },
      http,
      cache: memoryCache(options.cached ? LINWU.index : undefined),
      now: () => clock.now,
      random,
      setTimer: (fn, ms) => clock.at(ms, fn),
      clearTimer: (handle) => clock.cancel(handle),
      whenIdle: () => undefined,
    })
    void repo.start({ revalidateDelayMs: 3000 })
    repo.startBackgroundRefresh()
    fleet.repos.push(repo)
  }
  return fleet
}

// ---------------------------------------------------------------------------------------------------------

// 1,000 simulated boxes take seconds of CPU; on a shared 2-core machine the 5 s default is too tight.
// This bounds a hung simulation, it measures nothing.
describe('a fleet of 1,000 boxes on one CDN', { timeout: 60_000 }, () => {
  it('spreads the background refresh over ±10 % of the interval: at most 1 % of the boxes in any second', async () => {
    const fleet = bootFleet(() => 'ok')
    await fleet.clock.runUntil(40 * MINUTE)
    const second = fleet.refreshes.map((r) => r[1] ?? Infinity)
    expect(Math.min(...second)).toBeGreaterThanOrEqual(27 * MINUTE)
    expect(Math.max(...second)).toBeLessThanOrEqual(33 * MINUTE)
    expect(busiestSecond(second)).toBeLessThanOrEqual(0.01)
    expect(distinct(second)).toBeGreaterThan(BOXES * 0.95)
  })

  it('retries within seconds after a start during a 5-minute outage, and the return of the network is no stampede', async () => {
    const back = 5 * MINUTE
    const fleet = bootFleet((t) => (t < back ? 'offline' : 'ok'))
    await fleet.clock.runUntil(20 * MINUTE)

    // Every box tries again soon, not after the 30-minute interval; the first retries are spread too.
    const secondTry = fleet.refreshes.map((r) => r[1] ?? Infinity)
    expect(Math.max(...secondTry)).toBeLessThanOrEqual(15_000)
    expect(Math.max(...secondTry) - Math.min(...secondTry)).toBeGreaterThan(4_000)
    expect(busiestSecond(secondTry, 100)).toBeLessThanOrEqual(0.05)

    // Every box has content within one capped backoff of the network's return.
    for (const repo of fleet.repos) expect(repo.status().phase).toBe('ready')
    const firstOk = Array.from({ length: BOXES }, (_, box) => fleet.requests.find((r) => r.box === box && r.answer === 'ok')?.at ?? Infinity)
    expect(Math.min(...firstOk)).toBeGreaterThanOrEqual(back)
    expect(Math.max(...firstOk)).toBeLessThanOrEqual(back + RETRY_CAP_MS)
    // What the CDN sees once it is back: no second with more than 3 % of the county.
    const afterwards = fleet.requests.filter((r) => r.at >= back).map((r) => r.at)
    expect(busiestSecond(firstOk)).toBeLessThanOrEqual(0.03)
    expect(Math.max(...countPerSecond(afterwards))).toBeLessThanOrEqual(BOXES * 0.03)
  })

  it('spreads the offline retry of boxes with saved content: no box waits exactly the same as the others', async () => {
    // Online at boot, then a long outage from minute 1: the background refresh finds it and keeps retrying.
    const fleet = bootFleet((t) => (t < MINUTE ? 'ok' : 'offline'), { cached: true })
    await fleet.clock.runUntil(70 * MINUTE)
    for (const repo of fleet.repos) expect(repo.status()).toMatchObject({ phase: 'ready', online: false })
    // The 8th wait between two failed refreshes of each box: by then the backoff is at its cap.
    const gaps = fleet.refreshes.map((r) => (r[10] ?? Infinity) - (r[9] ?? 0))
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(RETRY_CAP_MS / 2)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RETRY_CAP_MS + 5_000)
    expect(distinct(gaps)).toBeGreaterThan(BOXES * 0.95)
    expect(busiestSecond(gaps)).toBeLessThanOrEqual(0.02)
  })

  it('honours Retry-After: 120 as a floor, spread above it, never all at 8 s', async () => {
    const busy = { status: 503, retryAfter: '120' }
    const fleet = bootFleet((t) => (t < 10 * MINUTE ? busy : 'ok'))
    await fleet.clock.runUntil(30 * MINUTE)
    // For every 503 a box was sent, how long until that box asked again.
    const gaps: number[] = []
    const byBox = new Map<number, number[]>()
    for (const r of fleet.requests) byBox.set(r.box, [...(byBox.get(r.box) ?? []), r.at])
    for (const r of fleet.requests) {
      if (r.answer === 'ok') continue
      const next = (byBox.get(r.box) ?? []).find((t) => t > r.at)
      if (next !== undefined) gaps.push(next - r.at)
    }
    expect(gaps.length).toBeGreaterThan(BOXES)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(120_000)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RETRY_CAP_MS)
    const first = fleet.requests.filter((r) => r.answer !== 'ok').map((r) => r.box)
    const firstGaps = [...new Set(first)].map((box) => {
      const times = byBox.get(box) ?? []
      return (times[1] ?? Infinity) - (times[0] ?? 0)
    })
    expect(Math.max(...firstGaps)).toBeLessThanOrEqual(180_000)
    expect(distinct(firstGaps)).toBeGreaterThan(BOXES * 0.95)
    expect(busiestSecond(firstGaps)).toBeLessThanOrEqual(0.04)
    for (const repo of fleet.repos) expect(repo.status().phase).toBe('ready')
  })
})

function countPerSecond(times: readonly number[]): number[] {
  const counts = new Map<number, number>()
  for (const t of times) counts.set(Math.floor(t / 1000), (counts.get(Math.floor(t / 1000)) ?? 0) + 1)
  return [...counts.values()]
}

describe('the schedules themselves, drawn for 1,000 boxes', () => {
  const draws = (f: (random: () => number) => number): number[] => {
    const random = seeded(42)
    return Array.from({ length: BOXES }, () => f(random))
  }

  it('Retry-After: 120 → 120–180 s, at most 4 % in any second', () => {
    const d = draws((r) => retryAfterDelay(120, r))
    expect(Math.min(...d)).toBeGreaterThanOrEqual(120_000)
    expect(Math.max(...d)).toBeLessThanOrEqual(180_000)
    expect(Math.max(...d) - Math.min(...d)).toBeGreaterThan(55_000)
    expect(busiestSecond(d)).toBeLessThanOrEqual(0.04)
  })

  it('a Retry-After of hours is read as 10 min and still spread', () => {
    const d = draws((r) => retryAfterDelay(36_000, r))
    expect(Math.min(...d)).toBeGreaterThanOrEqual(600_000)
    expect(Math.max(...d)).toBeLessThanOrEqual(900_000)
    expect(busiestSecond(d)).toBeLessThanOrEqual(0.02)
  })

  it('the first retry after a failed start → 5–10 s, spread over all of it (at most 5 % in any 100 ms)', () => {
    const d = draws((r) => retryDelay(1, r))
    expect(Math.min(...d)).toBeGreaterThanOrEqual(5_000)
    expect(Math.max(...d)).toBeLessThanOrEqual(10_000)
    expect(Math.max(...d) - Math.min(...d)).toBeGreaterThan(4_900)
    expect(busiestSecond(d, 100)).toBeLessThanOrEqual(0.05)
  })

  it('the offline retry at its cap → 2.5–5 min, at most 2 % in any second, never one number for all', () => {
    const d = draws((r) => retryDelay(20, r))
    expect(Math.min(...d)).toBeGreaterThanOrEqual(150_000)
    expect(Math.max(...d)).toBeLessThanOrEqual(300_000)
    expect(busiestSecond(d)).toBeLessThanOrEqual(0.02)
  })

  it('the background refresh → 27–33 min of a 30-minute interval, at most 1 % in any second', () => {
    const d = draws((r) => refreshDelay(30, r))
    expect(Math.min(...d)).toBeGreaterThanOrEqual(27 * MINUTE)
    expect(Math.max(...d)).toBeLessThanOrEqual(33 * MINUTE)
    expect(busiestSecond(d)).toBeLessThanOrEqual(0.01)
  })
})
