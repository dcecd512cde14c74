/**
 * FeedRepository end to end: the real HTTP client against the msw node server, the real cache over
 * fake-indexeddb. Clock, randomness, timers and idle callbacks are the test's, so nothing here waits for
 * real time to pass.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { delay, http, HttpResponse } from 'msw'
import { IDBFactory as FakeIDBFactory } from 'fake-indexeddb'
import { FeedRepository, PREFETCH_SETTLE_MS, type FeedStatus } from '../../src/feed/repository'
import { createHttpClient, type HttpClient, type HttpOptions } from '../../src/feed/http'
import { openFeedCache, type FeedCache } from '../../src/feed/cache'
import { guideKey, indexConfirmedKey, indexKey, noticeKey } from '../../src/feed/cacheKeys'
import type { FeedIndex, GuideDetail, NoticeDetail } from '../../src/feed/schema'
import { FIXTURE_NOW, LINWU } from '../../mocks/fixtures'
import { documentResponse, errorJson, etagOf, FEED_MAX_AGE, feedRoutes } from '../../mocks/handlers'
import { NODE_FEED_BASE, resetMocks, server, useScenario } from '../../mocks/node'

const REGION = LINWU.index.region.code
const ROUTES = feedRoutes(NODE_FEED_BASE)
const START = Date.parse(FIXTURE_NOW)
const INTERVAL_MINUTES = 30
const INDEX_ETAG = etagOf(JSON.stringify(LINWU.index))
const INDEX_PATH = `/feed/v1/regions/${REGION}/index.json`
const noticePath = (id: string) => `/feed/v1/regions/${REGION}/notices/${id}.json`
const guidePath = (id: string) => `/feed/v1/regions/${REGION}/guides/${id}.json`

// ---- what the mock CDN saw ----

interface Seen {
  path: string
  ifNoneMatch: string | null
}
let seen: Seen[] = []
const paths = () => seen.map((r) => r.path)
const indexRequests = () => seen.filter((r) => r.path === INDEX_PATH)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  seen = []
  server.events.on('request:start', ({ request }) => {
    seen.push({ path: new URL(request.url).pathname, ifNoneMatch: request.headers.get('If-None-Match') })
  })
})
afterEach(() => {
  server.events.removeAllListeners()
  resetMocks()
})
afterAll(() => server.close())

// ---- a repository whose time belongs to the test ----

interface Timer {
  fn: () => void
  ms: number
  handle: number
  cleared: boolean
  fired: boolean
}

interface Harness {
  repo: FeedRepository
  cache: FeedCache
  factory: IDBFactory
  clock: { now: number }
  rng: { value: number }
  timers: Timer[]
  idle: Array<() => void>
  statuses: FeedStatus[]
  /** Timers set and neither fired nor cleared. */
  pending(): Timer[]
  fire(timer: Timer | undefined): void
  /** Waits until every request and cache operation the repository started has finished. */
  settle(): Promise<void>
}

interface HarnessOptions {
  factory?: IDBFactory
  now?: number
  random?: number
  /** Overrides for the real HTTP client (a short timeout, more retries). */
  http?: HttpOptions
  /** What storing a new index waits for (default: nothing, as where there are no frames). */
  afterPaint?: () => Promise<void>
}

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const factory = options.factory ?? new FakeIDBFactory()
  const clock = { now: options.now ?? START }
  const rng = { value: options.random ?? 0.5 }
  const realCache = await openFeedCache({ indexedDB: factory, now: () => clock.now })
  // Back-off waits are skipped, so a retry shows up as another request rather than as time.
  const realHttp = createHttpClient({ sleep: () => Promise.resolve(), random: () => 0, timeoutMs: 5000, ...options.http })

  // Pass-throughs that only note what is in flight, so a test can wait for fire-and-forget work.
  const inFlight = new Set<Promise<unknown>>()
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p)
    p.then(
      () => inFlight.delete(p),
      () => inFlight.delete(p),
    )
    return p
  }
  const httpClient: HttpClient = { get: (url, o) => track(realHttp.get(url, o)) }
  const cache: FeedCache = {
    get: (key) => track(realCache.get(key)),
    put: (key, doc) => track(realCache.put(key, doc)),
    clear: () => track(realCache.clear()),
    diagnostics: () => realCache.diagnostics(),
  }

  const timers: Timer[] = []
  const idle: Array<() => void> = []
  const repo = new FeedRepository({
    settings: { feedBaseUrl: NODE_FEED_BASE, regionCode: REGION, refreshIntervalMinutes: INTERVAL_MINUTES },
    http: httpClient,
    cache,
    now: () => clock.now,
    random: () => rng.value,
    setTimer: (fn, ms) => {
      const timer = { fn, ms, handle: timers.length + 1, cleared: false, fired: false }
      timers.push(timer)
      return timer.handle
    },
    clearTimer: (handle) => {
      const timer = timers.find((t) => t.handle === handle)
      if (timer) timer.cleared = true
    },
    whenIdle: (fn) => idle.push(fn),
    ...(options.afterPaint ? { afterPaint: options.afterPaint } : {}),
  })
  const statuses: FeedStatus[] = []
  repo.subscribe((s) => statuses.push(s))

  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
  return {
    repo,
    cache: realCache,
    factory,
    clock,
    rng,
    timers,
    idle,
    statuses,
    pending: () => timers.filter((t) => !t.fired && !t.cleared),
    fire(timer) {
      if (!timer || timer.fired || timer.cleared) throw new Error('no pending timer to fire')
      timer.fired = true
      timer.fn()
    },
    async settle() {
      for (let quiet = 0; quiet < 3; ) {
        if (inFlight.size > 0) {
          quiet = 0
          await Promise.allSettled([...inFlight])
        } else quiet += 1
        await tick()
      }
    },
  }
}

/** A box that has run before: its cache over `factory` holds the index as served at `at`. */
async function primedFactory(at = START - 3_600_000): Promise<IDBFactory> {
  const first = await harness({ now: at })
  const status = await first.repo.start()
  expect(status.source).toBe('network')
  await first.settle()
  seen = []
  return first.factory
}

/** Holds index.json answers until released: the network is "slow" for exactly as long as a test wants. */
function holdIndex(answer: (request: Request) => Response): () => void {
  let release!: () => void
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http.get(ROUTES.index, async ({ request }) => {
      await gate
      return answer(request)
    }),
  )
  return release
}

/** An index the county published later: one notice more, and lw-n002 revised. */
function changedIndex(): FeedIndex {
  const index = JSON.parse(JSON.stringify(LINWU.index)) as FeedIndex
  index.generatedAt = '2026-11-20T12:00:00+08:00'
  index.notices.unshift({
    id: 'lw-n900',
    title: '关于调整冬季供水时间的通知',
    category: '通知公告',
    publisher: '临武县水务局',
    publishedAt: '2026-11-20T11:00:00+08:00',
    pinned: false,
  })
  return index
}

function serveIndex(doc: object | string): void {
  server.use(http.get(ROUTES.index, ({ request }) => documentResponse(request, doc)))
}

const notice = (id: string) => LINWU.notices[id] as NoticeDetail
const guide = (id: string) => LINWU.guides[id] as GuideDetail

// ---------------------------------------------------------------------------------------------------------

describe('cold start (nothing cached)', () => {
  it('shows the network answer, ready from the network, and caches it', async () => {
    const h = await harness()
    const status = await h.repo.start()
    expect(status).toMatchObject({ phase: 'ready', source: 'network', online: true, lastUpdated: START, problems: [] })
    expect(status.lastFailure).toBeUndefined()
    expect(h.repo.index()).toEqual(LINWU.index)
    expect(seen).toEqual([{ path: INDEX_PATH, ifNoneMatch: null }])

    // The next boot finds it: a fresh cache over the same IndexedDB.
    const reopened = await openFeedCache({ indexedDB: h.factory })
    const stored = await reopened.get<FeedIndex>(indexKey(REGION))
    expect(stored?.value).toEqual(LINWU.index)
    expect(stored).toMatchObject({ etag: INDEX_ETAG, fetchedAt: START, maxAgeSeconds: FEED_MAX_AGE, kind: 'index', schemaVersion: 1 })
  })

  it('shows a new index before it stores it: the write waits until the screen has drawn it', async () => {
    let painted!: () => void
    const paint = new Promise<void>((resolve) => {
      painted = resolve
    })
    const h = await harness({ afterPaint: () => paint })
    const puts: string[] = []
    const put = h.cache.put.bind(h.cache)
    h.cache.put = (key, doc) => {
      puts.push(key)
      return put(key, doc)
    }
    const started = h.repo.start()
    await vi.waitFor(() => expect(h.statuses.at(-1)).toMatchObject({ phase: 'ready', source: 'network' }))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(h.repo.index()).toEqual(LINWU.index)
    expect(puts).not.toContain(indexKey(REGION))

    painted()
    await started
    await h.settle()
    const reopened = await openFeedCache({ indexedDB: h.factory })
    expect((await reopened.get<FeedIndex>(indexKey(REGION)))?.value).toEqual(LINWU.index)
  })

  it('is unavailable when offline, with lastFailure network, and caches nothing', async () => {
    useScenario('offline')
    const h = await harness()
    const status = await h.repo.start()
    expect(status).toMatchObject({ phase: 'unavailable', source: null, online: false, lastFailure: 'network' })
    expect(h.repo.index()).toBeUndefined()
    expect(await h.cache.get(indexKey(REGION))).toBeUndefined()
  })

  it('is unavailable with lastFailure not-found when the region has no feed', async () => {
    server.use(http.get(ROUTES.index, () => errorJson(404, 'region-not-found')))
    const h = await harness()
    expect(await h.repo.start()).toMatchObject({ phase: 'unavailable', online: true, lastFailure: 'not-found' })
  })

  it('is unavailable with the reason when the first document is rejected', async () => {
    useScenario('malformed')
    const h = await harness()
    const status = await h.repo.start()
    expect(status).toMatchObject({ phase: 'unavailable', lastFailure: 'not-json', online: true })
    expect(status.rejected).toEqual([expect.objectContaining({ path: '$', kind: 'not-json' })])
    expect(h.repo.index()).toBeUndefined()
  })

  it('shows the good items of a mixed feed and reports the dropped ones', async () => {
    useScenario('mixed')
    const h = await harness()
    const status = await h.repo.start()
    expect(status.phase).toBe('ready')
    expect(status.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.notices[1].title', '$.notices[3].title', '$.alerts[1].level', '$.hotlines[1].phone']),
    )
    expect(status.problems.every((p) => p.dropped)).toBe(true)
    expect(h.repo.index()?.notices).toHaveLength(LINWU.index.notices.length - 7)
  })

  it('ignores revalidateDelayMs: with nothing to show, it asks the network at once', async () => {
    const h = await harness()
    const status = await h.repo.start({ revalidateDelayMs: 60_000 })
    expect(status.source).toBe('network')
    expect(h.timers).toEqual([])
  })
})

describe('warm start (an index cached by an earlier boot)', () => {
  it('shows the cached index at once, before the network has answered', async () => {
    const factory = await primedFactory(START - 3_600_000)
    const release = holdIndex(() => HttpResponse.error())
    const h = await harness({ factory })
    const status = await h.repo.start()
    expect(status).toMatchObject({ phase: 'ready', source: 'cache', online: true, lastUpdated: START - 3_600_000 })
    expect(h.repo.index()).toEqual(LINWU.index)
    expect(indexRequests()).toHaveLength(1) // asked, not yet answered
    release()
    await h.settle()
  })

  it('stays on the cached index when offline: online false after the refresh fails, content unchanged', async () => {
    const factory = await primedFactory()
    useScenario('offline')
    const h = await harness({ factory })
    await h.repo.start()
    const shown = h.repo.index()
    await h.settle()
    expect(h.repo.status()).toMatchObject({ phase: 'ready', source: 'cache', online: false, lastFailure: 'network' })
    expect(h.repo.index()).toBe(shown)
    expect(h.repo.index()).toEqual(LINWU.index)
    const stored = await h.cache.get<FeedIndex>(indexKey(REGION))
    expect(stored?.value).toEqual(LINWU.index)
  })

  it('offline, shows an index an older release stored (no collections yet) as it was, with an empty list of collections', async () => {
    const factory = await primedFactory()
    const before = await harness({ factory })
    const stored = await before.cache.get<FeedIndex>(indexKey(REGION))
    const { collections: _notYet, ...older } = stored!.value
    await before.cache.put(indexKey(REGION), { ...stored!, value: older as FeedIndex })
    useScenario('offline')
    const h = await harness({ factory })
    await h.repo.start()
    await h.settle()
    expect(h.repo.status()).toMatchObject({ phase: 'ready', source: 'cache' })
    expect(h.repo.index()?.notices).toEqual(LINWU.index.notices)
    expect(h.repo.index()?.collections).toEqual([])
  })

  it('revalidates with If-None-Match; a 304 keeps the index and moves lastUpdated', async () => {
    const factory = await primedFactory(START - 3_600_000)
    const h = await harness({ factory })
    await h.repo.start()
    const shown = h.repo.index()
    await h.settle()
    expect(indexRequests()).toEqual([{ path: INDEX_PATH, ifNoneMatch: INDEX_ETAG }])
    expect(h.repo.status()).toMatchObject({ phase: 'ready', source: 'cache', online: true, lastUpdated: START })
    expect(h.repo.index()).toBe(shown)
    // The 304 writes only the confirmation; the stored index is not written again.
    expect((await h.cache.get(indexKey(REGION)))?.fetchedAt).toBe(START - 3_600_000)
    expect((await h.cache.get(indexConfirmedKey(REGION)))?.fetchedAt).toBe(START)
  })

  it('spreads the revalidation over revalidateDelayMs using random()', async () => {
    const factory = await primedFactory()
    const h = await harness({ factory, random: 0.25 })
    const status = await h.repo.start({ revalidateDelayMs: 60_000 })
    expect(status.source).toBe('cache')
    expect(h.pending().map((t) => t.ms)).toEqual([15_000])
    await h.settle()
    expect(indexRequests()).toEqual([])

    h.clock.now += 15_000
    h.fire(h.pending()[0])
    await h.settle()
    expect(indexRequests()).toEqual([{ path: INDEX_PATH, ifNoneMatch: INDEX_ETAG }])
    expect(h.repo.status().lastUpdated).toBe(START + 15_000)
  })

  it.each([
    [0, 0],
    [0.5, 30_000],
    [0.99999, 59_999],
  ])('with random() = %f waits %i ms of a 60 s spread', async (random, ms) => {
    const h = await harness({ factory: await primedFactory(), random })
    await h.repo.start({ revalidateDelayMs: 60_000 })
    expect(h.pending().map((t) => t.ms)).toEqual([ms])
  })
})

describe('refresh()', () => {
  it('replaces the index when the feed changed, sending If-None-Match, and caches the new copy', async () => {
    const h = await harness()
    await h.repo.start()
    const changed = changedIndex()
    serveIndex(changed)
    h.clock.now += 600_000
    const status = await h.repo.refresh()
    expect(indexRequests().map((r) => r.ifNoneMatch)).toEqual([null, INDEX_ETAG])
    expect(status).toMatchObject({ phase: 'ready', source: 'network', online: true, lastUpdated: START + 600_000 })
    expect(h.repo.index()).toEqual(changed)
    expect(h.repo.index()?.notices[0]?.id).toBe('lw-n900')
    const stored = await h.cache.get<FeedIndex>(indexKey(REGION))
    expect(stored?.value).toEqual(changed)
    expect(stored?.etag).toBe(etagOf(JSON.stringify(changed)))

    // And the next refresh asks with the new ETag.
    await h.repo.refresh()
    expect(indexRequests()[2]?.ifNoneMatch).toBe(etagOf(JSON.stringify(changed)))
  })

  it('keeps the index on a 304 and moves lastUpdated; the next boot sees the new fetch time, the index not rewritten', async () => {
    const h = await harness()
    await h.repo.start()
    const shown = h.repo.index()
    await h.settle()
    const bytesBefore = h.cache.diagnostics().bytes
    h.clock.now += 300_000
    const status = await h.repo.refresh()
    expect(indexRequests().at(-1)?.ifNoneMatch).toBe(INDEX_ETAG)
    expect(status).toMatchObject({ phase: 'ready', online: true, lastUpdated: START + 300_000 })
    expect(h.repo.index()).toBe(shown)
    await h.settle()
    const stored = await h.cache.get<FeedIndex>(indexKey(REGION))
    expect(stored).toMatchObject({ fetchedAt: START, etag: INDEX_ETAG })
    expect(stored?.value).toEqual(LINWU.index)
    // What the 304 wrote: a few dozen bytes, not the index again.
    expect(h.cache.diagnostics().bytes - bytesBefore).toBeLessThan(200)

    const next = await harness({ factory: h.factory, now: START + 400_000 })
    expect(await next.repo.start({ revalidateDelayMs: 1000 })).toMatchObject({ source: 'cache', lastUpdated: START + 300_000 })
  })

  it('a confirmation of another copy (a different ETag) does not move the stored index’s time', async () => {
    const h = await harness()
    await h.repo.start()
    await h.settle()
    await h.cache.put(indexConfirmedKey(REGION), { value: { etag: '"someone-else"' }, fetchedAt: START + 999_000, kind: 'index', schemaVersion: 1 })
    const next = await harness({ factory: h.factory, now: START + 1_000_000 })
    expect(await next.repo.start({ revalidateDelayMs: 1000 })).toMatchObject({ source: 'cache', lastUpdated: START })
  })

  it('treats a not-modified scenario as confirmation of what is shown', async () => {
    const h = await harness()
    await h.repo.start()
    useScenario('not-modified')
    h.clock.now += 1000
    expect(await h.repo.refresh()).toMatchObject({ online: true, lastUpdated: START + 1000 })
    expect(h.repo.index()).toEqual(LINWU.index)
  })

  it.each([
    ['malformed JSON', () => useScenario('malformed'), 'not-json', '$'],
    ['a wrong major version', () => serveIndex({ ...LINWU.index, schemaVersion: 2 }), 'version', '$.schemaVersion'],
    ['a JSON array', () => serveIndex('[]'), 'not-object', '$'],
    ['an index without region', () => serveIndex({ ...LINWU.index, region: undefined }), 'envelope', '$.region'],
  ])('keeps the last good copy after %s and records rejected and lastFailure', async (_name, breakFeed, reason, path) => {
    const h = await harness()
    await h.repo.start()
    const shown = h.repo.index()
    breakFeed()
    h.clock.now += 600_000
    const status = await h.repo.refresh()
    expect(status).toMatchObject({ phase: 'ready', source: 'network', online: true, lastFailure: reason, lastUpdated: START })
    expect(status.rejected).toEqual([expect.objectContaining({ path, dropped: false })])
    expect(h.repo.index()).toBe(shown)
    const stored = await h.cache.get<FeedIndex>(indexKey(REGION))
    expect(stored).toMatchObject({ etag: INDEX_ETAG, fetchedAt: START })
    expect(stored?.value).toEqual(LINWU.index)

    // The feed is fixed: the next refresh asks with the last good ETag and clears the failure.
    resetMocks()
    const next = await h.repo.refresh()
    expect(indexRequests().at(-1)?.ifNoneMatch).toBe(INDEX_ETAG)
    expect(next.lastFailure).toBeUndefined()
    expect(next.lastUpdated).toBe(START + 600_000)
  })

  it('keeps the last good copy after a server error and records lastFailure http', async () => {
    const h = await harness()
    await h.repo.start()
    const shown = h.repo.index()
    useScenario('server-error')
    const status = await h.repo.refresh()
    // The server answered: the box is online, so no offline badge, only the failure recorded.
    expect(status).toMatchObject({ phase: 'ready', online: true, lastFailure: 'http', lastUpdated: START })
    expect(h.repo.index()).toBe(shown)
    expect((await h.cache.get<FeedIndex>(indexKey(REGION)))?.value).toEqual(LINWU.index)
  })

  it('clears rejected once a good index arrives', async () => {
    const h = await harness()
    await h.repo.start()
    serveIndex({ ...LINWU.index, schemaVersion: 2 })
    expect((await h.repo.refresh()).rejected).toBeDefined()
    serveIndex(changedIndex())
    const status = await h.repo.refresh()
    expect(status.rejected).toBeUndefined()
    expect(status.lastFailure).toBeUndefined()
    expect(h.repo.index()?.notices[0]?.id).toBe('lw-n900')
  })

  it('comes back online after a failed refresh when the network returns', async () => {
    const h = await harness()
    await h.repo.start()
    useScenario('offline')
    expect(await h.repo.refresh()).toMatchObject({ online: false, lastFailure: 'network', phase: 'ready' })
    resetMocks()
    expect(await h.repo.refresh()).toMatchObject({ online: true, lastFailure: undefined, phase: 'ready' })
  })

  it('shares one request among concurrent callers', async () => {
    const h = await harness()
    await h.repo.start()
    seen = []
    const release = holdIndex((request) => documentResponse(request, changedIndex()))
    const a = h.repo.refresh()
    const b = h.repo.refresh()
    const c = h.repo.refresh()
    expect(b).toBe(a)
    expect(c).toBe(a)
    release()
    const [sa, sb, sc] = await Promise.all([a, b, c])
    expect(sa).toBe(sb)
    expect(sb).toBe(sc)
    expect(indexRequests()).toHaveLength(1)
    expect(h.repo.index()?.notices[0]?.id).toBe('lw-n900')

    // Once settled, the next call is a new request.
    await h.repo.refresh()
    expect(indexRequests()).toHaveLength(2)
  })

  it('lets a warm-start refresh and a manual refresh share one request', async () => {
    const factory = await primedFactory()
    const release = holdIndex((request) => documentResponse(request, LINWU.index))
    const h = await harness({ factory })
    await h.repo.start()
    const manual = h.repo.refresh()
    release()
    await manual
    await h.settle()
    expect(indexRequests()).toHaveLength(1)
  })
})

describe('background refresh', () => {
  it.each([
    [0, 1_620_000],
    [0.5, 1_800_000],
    [1, 1_980_000],
  ])('with random() = %f schedules the next refresh after %i ms of a 30-minute interval (±10 percent)', async (random, ms) => {
    const h = await harness({ random })
    await h.repo.start()
    h.repo.startBackgroundRefresh()
    expect(h.pending().map((t) => t.ms)).toEqual([ms])
  })

  it('refreshes when the timer fires, then schedules the next one with fresh jitter', async () => {
    const h = await harness({ random: 0 })
    await h.repo.start()
    h.repo.startBackgroundRefresh()
    serveIndex(changedIndex())
    h.rng.value = 1
    h.clock.now += 1_620_000
    h.fire(h.pending()[0])
    await h.settle()
    expect(indexRequests()).toHaveLength(2)
    expect(h.repo.index()?.notices[0]?.id).toBe('lw-n900')
    expect(h.pending().map((t) => t.ms)).toEqual([1_980_000])
  })

  it('retries within a minute while offline, and returns to the full interval once back online', async () => {
    const h = await harness({ random: 0.5 })
    await h.repo.start()
    h.repo.startBackgroundRefresh()
    useScenario('offline')
    h.fire(h.pending()[0])
    await h.settle()
    expect(h.repo.status().online).toBe(false)
    const retry = h.pending()
    expect(retry).toHaveLength(1)
    expect(retry[0]!.ms).toBeLessThanOrEqual(60_000)

    // Still offline: still within a minute.
    h.fire(retry[0])
    await h.settle()
    expect(h.pending()[0]!.ms).toBeLessThanOrEqual(60_000)

    resetMocks()
    h.fire(h.pending()[0])
    await h.settle()
    expect(h.repo.status().online).toBe(true)
    expect(h.pending().map((t) => t.ms)).toEqual([1_800_000])
  })

  it('retries within a minute when a cold start found nothing to show', async () => {
    useScenario('offline')
    const h = await harness({ random: 0 })
    expect((await h.repo.start()).phase).toBe('unavailable')
    h.repo.startBackgroundRefresh()
    expect(h.pending()[0]!.ms).toBeLessThanOrEqual(60_000)
    resetMocks()
    h.fire(h.pending()[0])
    await h.settle()
    expect(h.repo.status()).toMatchObject({ phase: 'ready', source: 'network' })
  })

  // BUG: the offline retry base is 60 s and the ±10 % jitter is applied on top, so with random() near 1
  // the retry comes after up to 66 s, not "within a minute" as the code's own comment promises.
  it('retries within a minute while offline whatever random() returns', async () => {
    const h = await harness({ random: 0.99 })
    await h.repo.start()
    h.repo.startBackgroundRefresh()
    useScenario('offline')
    h.fire(h.pending()[0])
    await h.settle()
    expect(h.repo.status().online).toBe(false)
    expect(h.pending()[0]!.ms).toBeLessThanOrEqual(60_000)
  })

  it('stops: the pending timer is cleared and nothing more is scheduled', async () => {
    const h = await harness()
    await h.repo.start()
    const stop = h.repo.startBackgroundRefresh()
    const timer = h.pending()[0]
    stop()
    expect(timer?.cleared).toBe(true)
    expect(h.pending()).toEqual([])
    await h.settle()
    expect(indexRequests()).toHaveLength(1)
  })

  // BUG: stop() only clears the timer that is pending; when it is called while a background refresh is in
  // flight, that refresh's `.finally(schedule)` sets a new timer afterwards and the refreshing never stops.
  it('stops even when called while a background refresh is in flight', async () => {
    const h = await harness()
    await h.repo.start()
    const stop = h.repo.startBackgroundRefresh()
    const release = holdIndex((request) => documentResponse(request, LINWU.index))
    h.fire(h.pending()[0])
    stop()
    release()
    await h.settle()
    expect(h.pending()).toEqual([])
  })
})

describe('a refresh that would lose content is refused, and the last good copy kept', () => {
  // Each of these parses "ok", so nothing but these rules stands between a broken export job or a
  // misrouted CDN and a county's screens going blank (or showing another county) on every box at once.
  const copy = (): FeedIndex => JSON.parse(JSON.stringify(LINWU.index)) as FeedIndex
  const later = '2026-11-21T08:00:00+08:00'

  async function refusedAfter(doc: object, expectedKinds: string[]): Promise<FeedStatus> {
    const h = await harness()
    await h.repo.start()
    const shown = h.repo.index()
    serveIndex(doc)
    h.clock.now += 600_000
    const status = await h.repo.refresh()
    await h.settle()
    expect(h.repo.index()).toBe(shown)
    expect(status).toMatchObject({ phase: 'ready', online: true, lastUpdated: START })
    const stored = await h.cache.get<FeedIndex>(indexKey(REGION))
    expect(stored).toMatchObject({ etag: INDEX_ETAG, fetchedAt: START })
    expect(stored?.value).toEqual(LINWU.index)
    // Reported where the field engineer looks (关于本机 counts status.problems) and as the rejected document's.
    expect(status.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(expectedKinds))
    expect(status.rejected?.map((p) => p.kind)).toEqual(expect.arrayContaining(expectedKinds))
    for (const p of status.problems.filter((x) => expectedKinds.includes(x.kind))) expect(p.dropped).toBe(false)
    return status
  }

  it('refuses an index with only the envelope: 0 notices and 0 guides, no problem reported', async () => {
    const status = await refusedAfter({ ...copy(), generatedAt: later, notices: [], guides: [] }, ['emptied-list'])
    expect(status.problems.filter((p) => p.kind === 'emptied-list').map((p) => p.path)).toEqual(['$.notices', '$.guides'])
    expect(status.problems.find((p) => p.path === '$.notices')).toMatchObject({
      expected: String(LINWU.index.notices.length),
      received: '0',
    })
  })

  it('refuses an index whose notices are not a list ("notices": "oops")', async () => {
    const status = await refusedAfter({ ...copy(), generatedAt: later, notices: 'oops' }, ['emptied-list'])
    expect(status.problems.filter((p) => p.kind === 'emptied-list').map((p) => p.path)).toEqual(['$.notices'])
  })

  it('refuses an index whose every notice is dropped (every publishedAt in a wrong format)', async () => {
    const doc = copy()
    doc.generatedAt = later
    for (const n of doc.notices) n.publishedAt = '2026/11/20 09:30'
    await refusedAfter(doc, ['emptied-list'])
  })

  it('refuses another county’s index served at this region’s address', async () => {
    const doc = { ...copy(), generatedAt: later, region: { code: '430104', name: '岳麓区', path: ['湖南省', '长沙市', '岳麓区'] } }
    const status = await refusedAfter(doc, ['region-mismatch'])
    expect(status.problems.find((p) => p.kind === 'region-mismatch')).toMatchObject({
      path: '$.region.code',
      expected: REGION,
      received: '430104',
    })
  })

  it('refuses an index that goes back in time (generatedAt a year older than the one held)', async () => {
    const status = await refusedAfter({ ...copy(), generatedAt: '2025-11-20T08:00:00+08:00' }, ['older-than-held'])
    expect(status.problems.find((p) => p.kind === 'older-than-held')).toMatchObject({
      path: '$.generatedAt',
      expected: LINWU.index.generatedAt,
      received: '2025-11-20T08:00:00+08:00',
    })
  })

  it('refuses going back in time after a warm start too: the copy from IndexedDB is the one held', async () => {
    const factory = await primedFactory()
    serveIndex({ ...copy(), generatedAt: '2026-11-20T07:59:59+08:00' })
    const h = await harness({ factory })
    await h.repo.start()
    await h.settle()
    expect(h.repo.index()).toEqual(LINWU.index)
    expect(h.repo.status().problems.map((p) => p.kind)).toEqual(['older-than-held'])
    expect((await h.cache.get<FeedIndex>(indexKey(REGION)))?.value).toEqual(LINWU.index)
  })

  it('refuses another county’s index on a first start too: nothing is better than the wrong county', async () => {
    serveIndex({ ...copy(), region: { code: '430104', name: '岳麓区', path: ['湖南省', '长沙市', '岳麓区'] } })
    const h = await harness()
    const status = await h.repo.start()
    expect(status).toMatchObject({ phase: 'unavailable', online: true })
    expect(status.rejected?.map((p) => p.kind)).toEqual(['region-mismatch'])
    expect(h.repo.index()).toBeUndefined()
    expect(await h.cache.get(indexKey(REGION))).toBeUndefined()
  })

  it('accepts 0 notices on a first start with nothing held: a new region may not have any yet', async () => {
    // No notices yet, so no collection of them either.
    serveIndex({ ...copy(), notices: [], collections: [] })
    const h = await harness()
    const status = await h.repo.start()
    expect(status).toMatchObject({ phase: 'ready', source: 'network', problems: [] })
    expect(h.repo.index()?.notices).toEqual([])
  })

  it('accepts alerts that ended: an empty alert list with nothing dropped is the flood being over', async () => {
    const h = await harness()
    await h.repo.start()
    serveIndex({ ...copy(), generatedAt: later, alerts: [] })
    const status = await h.repo.refresh()
    expect(status.problems).toEqual([])
    expect(h.repo.index()?.alerts).toEqual([])
  })

  it('accepts the same generatedAt again (a republished copy) and a newer one', async () => {
    const h = await harness()
    await h.repo.start()
    const same = { ...copy(), hotlines: LINWU.index.hotlines.slice(0, 2) }
    serveIndex(same)
    expect((await h.repo.refresh()).problems).toEqual([])
    expect(h.repo.index()?.hotlines).toHaveLength(2)
  })

  it('clears the refusal once the service serves the held copy again (a 304 for its ETag)', async () => {
    const h = await harness()
    await h.repo.start()
    serveIndex({ ...copy(), generatedAt: later, guides: [] })
    expect((await h.repo.refresh()).problems.map((p) => p.kind)).toEqual(['emptied-list'])
    resetMocks()
    const status = await h.repo.refresh()
    expect(indexRequests().at(-1)?.ifNoneMatch).toBe(INDEX_ETAG)
    expect(status).toMatchObject({ problems: [], rejected: undefined, online: true })
  })

  it('clears the refusal from the problems once a good index arrives', async () => {
    const h = await harness()
    await h.repo.start()
    serveIndex({ ...copy(), generatedAt: later, notices: [] })
    expect((await h.repo.refresh()).problems).toHaveLength(1)
    serveIndex(changedIndex())
    const status = await h.repo.refresh()
    expect(status.problems).toEqual([])
    expect(status.rejected).toBeUndefined()
    expect(h.repo.index()?.notices[0]?.id).toBe('lw-n900')
  })
})

describe('a first start that cannot reach the service', () => {
  it('says so after the first timed-out attempt, while the retries go on, and shows content when it comes', async () => {
    let calls = 0
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.get(ROUTES.index, async ({ request }) => {
        calls += 1
        if (calls === 1) await delay('infinite')
        await gate
        return documentResponse(request, LINWU.index)
      }),
    )
    const h = await harness({ http: { timeoutMs: 50, retries: 2 } })
    const starting = h.repo.start()
    // Home shows 暂时连不上政务服务 and 12345 for phase unavailable: not empty tiles for 3 × the timeout.
    await vi.waitFor(() => expect(h.repo.status()).toMatchObject({ phase: 'unavailable', online: false, lastFailure: 'timeout' }))
    expect(calls).toBe(2)
    release()
    expect(await starting).toMatchObject({ phase: 'ready', source: 'network', online: true, lastFailure: undefined })
    expect(h.repo.index()).toEqual(LINWU.index)
  })

  it('leaves a box that has content on screen alone while the retries go on', async () => {
    const factory = await primedFactory()
    let calls = 0
    server.use(
      http.get(ROUTES.index, async ({ request }) => {
        calls += 1
        if (calls === 1) await delay('infinite')
        return documentResponse(request, LINWU.index)
      }),
    )
    const h = await harness({ factory, http: { timeoutMs: 50, retries: 2 } })
    await h.repo.start()
    await h.settle()
    expect(h.statuses.map((s) => [s.phase, s.online])).toEqual([
      ['ready', true],
      ['ready', true],
    ])
  })
})

describe('background refresh after a failed start', () => {
  // index.ts starts the repository and the background refresh together, before the first answer.
  it('retries within seconds when the start fails during an outage, not after the 30-minute interval', async () => {
    useScenario('offline')
    const h = await harness({ random: 0.5 })
    const starting = h.repo.start()
    h.repo.startBackgroundRefresh()
    await starting
    await h.settle()
    expect(h.repo.status().phase).toBe('unavailable')
    const retry = h.pending()
    expect(retry).toHaveLength(1)
    expect(retry[0]!.ms).toBeGreaterThanOrEqual(1_000)
    expect(retry[0]!.ms).toBeLessThanOrEqual(15_000)
  })

  it('backs off while the outage lasts, seconds then minutes, never past 5 minutes, then returns to the interval', async () => {
    useScenario('offline')
    const h = await harness({ random: 1 })
    void h.repo.start()
    h.repo.startBackgroundRefresh()
    await h.settle()
    const waits: number[] = []
    for (let i = 0; i < 10; i++) {
      const next = h.pending()
      expect(next).toHaveLength(1)
      waits.push(next[0]!.ms)
      h.fire(next[0])
      await h.settle()
    }
    expect(waits[0]).toBeLessThan(60_000)
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!)
    expect(Math.max(...waits)).toBeLessThanOrEqual(300_000)
    expect(waits.at(-1)).toBeGreaterThan(120_000)

    resetMocks()
    h.fire(h.pending()[0])
    await h.settle()
    expect(h.repo.status()).toMatchObject({ phase: 'ready', source: 'network', online: true })
    expect(h.pending().map((t) => t.ms)).toEqual([1_980_000])
  })

  it('retries soon when the delayed warm-start revalidation fails', async () => {
    const factory = await primedFactory()
    useScenario('offline')
    const h = await harness({ factory, random: 0.5 })
    await h.repo.start({ revalidateDelayMs: 3000 })
    h.repo.startBackgroundRefresh()
    const revalidation = h.pending().find((t) => t.ms < 3000)
    h.fire(revalidation)
    await h.settle()
    expect(h.repo.status()).toMatchObject({ phase: 'ready', online: false })
    const next = h.pending()
    expect(next).toHaveLength(1)
    expect(next[0]!.ms).toBeLessThanOrEqual(15_000)
  })

  it('waits at least as long as a 503’s Retry-After before the next try', async () => {
    server.use(http.get(ROUTES.index, () => errorJson(503, 'busy', { 'Retry-After': '120' })))
    const h = await harness({ random: 0 })
    void h.repo.start()
    h.repo.startBackgroundRefresh()
    await h.settle()
    expect(h.repo.status().phase).toBe('unavailable')
    const next = h.pending()
    expect(next).toHaveLength(1)
    expect(next[0]!.ms).toBeGreaterThanOrEqual(120_000)
    expect(next[0]!.ms).toBeLessThanOrEqual(180_000)
  })
})

describe('notice(id) and guide(id)', () => {
  it('fetches a notice when opened, then serves it from the cache without asking again', async () => {
    const h = await harness()
    await h.repo.start()
    const opened = await h.repo.notice('lw-n001')
    expect(opened).toEqual({ ok: true, value: notice('lw-n001'), fromCache: false })
    expect(paths()).toContain(noticePath('lw-n001'))

    seen = []
    h.clock.now += 60_000
    expect(await h.repo.notice('lw-n001')).toEqual({ ok: true, value: notice('lw-n001'), fromCache: true })
    expect(seen).toEqual([])
    const stored = await h.cache.get<NoticeDetail>(noticeKey(REGION, 'lw-n001'))
    expect(stored).toMatchObject({ kind: 'detail', fetchedAt: START, maxAgeSeconds: FEED_MAX_AGE })
  })

  it('fetches a guide when opened, then serves it from the cache', async () => {
    const h = await harness()
    await h.repo.start()
    expect(await h.repo.guide('lw-g01')).toEqual({ ok: true, value: guide('lw-g01'), fromCache: false })
    seen = []
    expect(await h.repo.guide('lw-g01')).toEqual({ ok: true, value: guide('lw-g01'), fromCache: true })
    expect(seen).toEqual([])
    expect((await h.cache.get(guideKey(REGION, 'lw-g01')))?.value).toEqual(guide('lw-g01'))
  })

  it('revalidates a copy past its max-age with If-None-Match; a 304 renews it', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.notice('lw-n001')
    const etag = (await h.cache.get(noticeKey(REGION, 'lw-n001')))?.etag
    expect(etag).toBeTruthy()

    seen = []
    h.clock.now += (FEED_MAX_AGE + 1) * 1000
    expect(await h.repo.notice('lw-n001')).toEqual({ ok: true, value: notice('lw-n001'), fromCache: true })
    expect(seen).toEqual([{ path: noticePath('lw-n001'), ifNoneMatch: etag }])
    expect((await h.cache.get(noticeKey(REGION, 'lw-n001')))?.fetchedAt).toBe(h.clock.now)

    // Renewed: within the new max-age nothing is asked.
    seen = []
    h.clock.now += 1000
    await h.repo.notice('lw-n001')
    expect(seen).toEqual([])
  })

  it('does not revalidate at exactly max-age, only past it', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.guide('lw-g02')
    seen = []
    h.clock.now += FEED_MAX_AGE * 1000
    expect((await h.repo.guide('lw-g02')).ok).toBe(true)
    expect(seen).toEqual([])
  })

  it('replaces a copy past its max-age when the service has a new one', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.notice('lw-n001')
    const revised = { ...notice('lw-n001'), title: '关于开展2026年度养老保险待遇资格认证工作的通知（修订）' }
    server.use(http.get(ROUTES.notice, ({ request }) => documentResponse(request, revised)))
    h.clock.now += (FEED_MAX_AGE + 1) * 1000
    expect(await h.repo.notice('lw-n001')).toEqual({ ok: true, value: revised, fromCache: false })
    expect((await h.cache.get<NoticeDetail>(noticeKey(REGION, 'lw-n001')))?.value.title).toBe(revised.title)
  })

  it('revalidates within max-age when the index says the notice was updated after the cached copy', async () => {
    const h = await harness()
    await h.repo.start()
    const before = notice('lw-n002')
    expect(before.updatedAt).toBe('2026-11-16T15:20:00+08:00')
    await h.repo.notice('lw-n002')

    const updatedAt = '2026-11-20T08:30:00+08:00'
    const index = JSON.parse(JSON.stringify(LINWU.index)) as FeedIndex
    index.notices = index.notices.map((n) => (n.id === 'lw-n002' ? { ...n, updatedAt } : n))
    const revised = { ...before, updatedAt, body: [{ type: 'paragraph' as const, text: '缴费期延长至2027年1月15日。' }, ...before.body] }
    serveIndex(index)
    server.use(http.get(ROUTES.notice, ({ request }) => documentResponse(request, revised)))
    await h.repo.refresh()

    seen = []
    h.clock.now += 10_000 // well within max-age
    expect(await h.repo.notice('lw-n002')).toEqual({ ok: true, value: revised, fromCache: false })
    expect(paths()).toEqual([noticePath('lw-n002')])

    // Now the cached copy is as new as the index says: served from the cache again.
    seen = []
    expect((await h.repo.notice('lw-n002')).ok).toBe(true)
    expect(seen).toEqual([])
  })

  it('does not revalidate within max-age when the index’s updatedAt is not newer', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.notice('lw-n002')
    const index = JSON.parse(JSON.stringify(LINWU.index)) as FeedIndex
    index.notices = index.notices.map((n) => (n.id === 'lw-n002' ? { ...n, updatedAt: '2026-11-01T00:00:00+08:00' } : n))
    serveIndex(index)
    await h.repo.refresh()
    seen = []
    expect(await h.repo.notice('lw-n002')).toMatchObject({ ok: true, fromCache: true })
    expect(seen).toEqual([])
  })

  it('serves yesterday’s copy when the network fails', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.notice('lw-n001')
    await h.repo.guide('lw-g01')
    h.clock.now += 86_400_000
    useScenario('offline')
    expect(await h.repo.notice('lw-n001')).toEqual({ ok: true, value: notice('lw-n001'), fromCache: true })
    expect(await h.repo.guide('lw-g01')).toEqual({ ok: true, value: guide('lw-g01'), fromCache: true })
    expect(paths()).toContain(noticePath('lw-n001'))
  })

  it('serves yesterday’s copy when the service errs or sends a broken document', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.notice('lw-n001')
    h.clock.now += 86_400_000
    useScenario('server-error')
    expect(await h.repo.notice('lw-n001')).toMatchObject({ ok: true, fromCache: true })
    resetMocks()
    server.use(http.get(ROUTES.notice, () => new HttpResponse('{"schemaVersion":1,', { status: 200 })))
    expect(await h.repo.notice('lw-n001')).toEqual({ ok: true, value: notice('lw-n001'), fromCache: true })
  })

  it('drops a cached notice that now answers 404: a withdrawn notice must not live on', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.notice('lw-n001')
    h.clock.now += 86_400_000
    server.use(http.get(ROUTES.notice, () => new HttpResponse(null, { status: 404 })))
    expect(await h.repo.notice('lw-n001')).toEqual({ ok: false, reason: 'not-found', problems: [] })
  })

  it('answers not-found for a 404', async () => {
    const h = await harness()
    await h.repo.start()
    expect(await h.repo.notice('no-such')).toEqual({ ok: false, reason: 'not-found', problems: [] })
    expect(await h.repo.guide('no-such')).toEqual({ ok: false, reason: 'not-found', problems: [] })
    expect(await h.cache.get(noticeKey(REGION, 'no-such'))).toBeUndefined()
  })

  it('answers network when offline with nothing cached', async () => {
    const h = await harness()
    await h.repo.start()
    useScenario('offline')
    expect(await h.repo.notice('lw-n003')).toEqual({ ok: false, reason: 'network', problems: [] })
  })

  it('answers with the reason and problems for a broken document, and caches nothing', async () => {
    const h = await harness()
    await h.repo.start()
    const broken = { ...guide('lw-g01'), materials: [{ name: 12 }] }
    server.use(http.get(ROUTES.guide, ({ request }) => documentResponse(request, broken)))
    const result = await h.repo.guide('lw-g01')
    expect(result).toEqual({
      ok: false,
      reason: 'envelope',
      problems: [expect.objectContaining({ path: '$.materials[0].name', dropped: false })],
    })
    expect(await h.cache.get(guideKey(REGION, 'lw-g01'))).toBeUndefined()
  })

  it('opens details before any index is known', async () => {
    const h = await harness()
    expect(await h.repo.notice('lw-n001')).toMatchObject({ ok: true, fromCache: false })
  })
})

/** The timer prefetch arms to wait for the focus to rest. */
const settleTimers = (h: Harness) => h.pending().filter((t) => t.ms === PREFETCH_SETTLE_MS)

/** Lets the focus rest: the settle timer fires, and the prefetch loop is queued for idle time. */
function rest(h: Harness): void {
  const [timer] = settleTimers(h)
  h.fire(timer)
}

describe('prefetch', () => {
  it('waits until the focus rests: asked at every press of a held key, it reads and fetches nothing until then', async () => {
    const h = await harness()
    await h.repo.start()
    await h.settle()
    seen = []
    for (let i = 3; i < 9; i++) h.repo.prefetch('notice', [`lw-n00${i}`])
    // One settle timer, re-armed at every press; nothing queued, nothing asked of the network or the cache.
    expect(settleTimers(h)).toHaveLength(1)
    expect(h.idle).toHaveLength(0)
    await h.settle()
    expect(seen).toEqual([])
    rest(h)
    expect(h.idle).toHaveLength(1)
    while (h.idle.length > 0) {
      h.idle.shift()!()
      await h.settle()
    }
    // Only the row the viewer stopped at.
    expect(paths()).toEqual([noticePath('lw-n008')])
  })

  it('fetches uncached notices one at a time when idle, skipping cached ones', async () => {
    const h = await harness()
    await h.repo.start()
    await h.repo.notice('lw-n001')
    seen = []

    h.repo.prefetch('notice', ['lw-n003', 'lw-n001', 'lw-n004'])
    rest(h)
    expect(h.idle).toHaveLength(1)
    expect(seen).toEqual([])

    const runIdle = async () => {
      const next = h.idle.shift()
      if (!next) throw new Error('no idle callback queued')
      next()
      // Nothing else is queued until this one has finished.
      expect(h.idle).toHaveLength(0)
      await h.settle()
    }

    await runIdle()
    expect(paths()).toEqual([noticePath('lw-n003')])
    expect(h.idle).toHaveLength(1)

    await runIdle() // lw-n001: cached, skipped
    expect(paths()).toEqual([noticePath('lw-n003')])
    expect(h.idle).toHaveLength(1)

    await runIdle()
    expect(paths()).toEqual([noticePath('lw-n003'), noticePath('lw-n004')])

    await runIdle() // the queue is empty: nothing more asked, nothing more queued
    expect(h.idle).toHaveLength(0)
    expect(seen).toHaveLength(2)

    for (const id of ['lw-n001', 'lw-n003', 'lw-n004']) {
      expect((await h.cache.get(noticeKey(REGION, id)))?.value).toEqual(notice(id))
    }
    // Prefetched notices open offline.
    useScenario('offline')
    expect(await h.repo.notice('lw-n004')).toEqual({ ok: true, value: notice('lw-n004'), fromCache: true })
  })

  it('replaces what is still waiting when asked again while scrolling, with one loop at a time', async () => {
    const h = await harness()
    await h.repo.start()
    seen = []
    h.repo.prefetch('notice', ['lw-n003', 'lw-n004'])
    h.repo.prefetch('notice', ['lw-n005', 'lw-n006'])
    h.repo.prefetch('notice', ['lw-n007'])
    rest(h)
    expect(h.idle).toHaveLength(1)
    while (h.idle.length > 0) {
      h.idle.shift()!()
      await h.settle()
    }
    expect(paths()).toEqual([noticePath('lw-n007')])
  })

  it('prefetches guides, carrying on past one that fails', async () => {
    const h = await harness()
    await h.repo.start()
    seen = []
    h.repo.prefetch('guide', ['no-such', 'lw-g02'])
    rest(h)
    while (h.idle.length > 0) {
      h.idle.shift()!()
      await h.settle()
    }
    expect(paths()).toEqual([guidePath('no-such'), guidePath('lw-g02')])
    expect((await h.cache.get(guideKey(REGION, 'lw-g02')))?.value).toEqual(guide('lw-g02'))
  })

  it('does nothing for an empty list', async () => {
    const h = await harness()
    h.repo.prefetch('notice', [])
    rest(h)
    h.idle.shift()?.()
    await h.settle()
    expect(h.idle).toEqual([])
    expect(seen).toEqual([])
  })
})

describe('subscribe()', () => {
  it('reports the cold start as one change to ready from the network', async () => {
    const h = await harness()
    await h.repo.start()
    expect(h.statuses).toHaveLength(1)
    expect(h.statuses[0]).toMatchObject({ phase: 'ready', source: 'network', online: true, lastUpdated: START })
  })

  it('reports every change of a warm start that goes offline', async () => {
    const factory = await primedFactory(START - 3_600_000)
    useScenario('offline')
    const h = await harness({ factory })
    await h.repo.start()
    await h.settle()
    expect(h.statuses.map((s) => [s.phase, s.source, s.online, s.lastFailure])).toEqual([
      ['ready', 'cache', true, undefined],
      ['ready', 'cache', false, 'network'],
    ])
    expect(h.statuses.at(-1)).toBe(h.repo.status())
  })

  it('reports a 304, a rejected refresh and a replacement, each as it happens', async () => {
    const h = await harness()
    await h.repo.start()
    h.clock.now += 1000
    await h.repo.refresh() // 304
    useScenario('malformed')
    await h.repo.refresh()
    resetMocks()
    serveIndex(changedIndex())
    await h.repo.refresh()
    const changes = h.statuses.slice(1)
    expect(changes[0]).toMatchObject({ online: true, lastUpdated: START + 1000 })
    expect(changes.some((s) => s.lastFailure === 'not-json' && s.rejected !== undefined)).toBe(true)
    expect(changes.at(-1)).toMatchObject({ source: 'network', lastFailure: undefined, rejected: undefined })
    expect(changes.at(-1)).toBe(h.repo.status())
  })

  it('gives each listener the current status, and stops after unsubscribing', async () => {
    const h = await harness()
    const mine: FeedStatus[] = []
    const unsubscribe = h.repo.subscribe((s) => {
      expect(s).toBe(h.repo.status())
      mine.push(s)
    })
    await h.repo.start()
    expect(mine).toHaveLength(1)
    unsubscribe()
    useScenario('offline')
    await h.repo.refresh()
    expect(mine).toHaveLength(1)
    expect(h.statuses).toHaveLength(2)
  })
})
