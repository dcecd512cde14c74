/**
 * 常见问题 through the repository: the real HTTP client against the msw node server, the real cache over
 * fake-indexeddb, the test's clock. Shards and answers follow the details' rules: the cached copy while
 * fresh, revalidated past max-age or when the index (or the shard) says it is newer, the last good copy
 * when the service fails, a 404 that is not papered over.
 */
import { IDBFactory as FakeIDBFactory } from 'fake-indexeddb'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FIXTURE_NOW, LINWU } from '../../mocks/fixtures'
import { documentResponse, errorJson, FEED_MAX_AGE, faqRoutes, feedRoutes } from '../../mocks/handlers'
import { NODE_FEED_BASE, resetMocks, server, useScenario } from '../../mocks/node'
import { openFeedCache, type FeedCache } from '../../src/feed/cache'
import { faqEntryKey, faqSearchKey, faqTopicKey } from '../../src/feed/cacheKeys'
import { createHttpClient } from '../../src/feed/http'
import { FeedRepository, PREFETCH_SETTLE_MS } from '../../src/feed/repository'
import type { FaqTopicShard, FeedIndex } from '../../src/feed/schema'

const REGION = LINWU.index.region.code
const FAQ = LINWU.faq!
const ROUTES = faqRoutes(NODE_FEED_BASE)
const START = Date.parse(FIXTURE_NOW)
const topicPath = (id: string) => `/feed/v1/regions/${REGION}/faq/topics/${id}.json`
const entryPath = (id: string) => `/feed/v1/regions/${REGION}/faq/entries/${id}.json`
const SEARCH_PATH = `/feed/v1/regions/${REGION}/faq/search.json`

let seen: string[] = []
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  seen = []
  server.events.on('request:start', ({ request }) => {
    const path = new URL(request.url).pathname
    if (path.includes('/faq/')) seen.push(path)
  })
})
afterEach(() => {
  server.events.removeAllListeners()
  resetMocks()
})
afterAll(() => server.close())

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

async function started(factory: IDBFactory = new FakeIDBFactory()): Promise<{ repo: FeedRepository; cache: FeedCache; clock: { now: number } }> {
  const clock = { now: START }
  const cache = await openFeedCache({ indexedDB: factory, now: () => clock.now })
  const repo = new FeedRepository({
    settings: { feedBaseUrl: NODE_FEED_BASE, regionCode: REGION, refreshIntervalMinutes: 30 },
    http: createHttpClient({ sleep: () => Promise.resolve(), random: () => 0, timeoutMs: 5000 }),
    cache,
    now: () => clock.now,
    random: () => 0.5,
    // Only prefetch's wait for the focus to rest runs (soon); refresh schedules never fire here.
    setTimer: (fn, ms) => (ms === PREFETCH_SETTLE_MS ? setTimeout(fn, 0) : 0),
    clearTimer: () => undefined,
    whenIdle: (fn) => fn(),
  })
  await repo.start()
  return { repo, cache, clock }
}

describe('常见问题 in the repository', () => {
  it('has the topics in the index, fetches a topic shard when opened and then serves it from the cache', async () => {
    const { repo, cache, clock } = await started()
    expect(repo.index()?.faq).toEqual(FAQ.topics)
    expect(await repo.faqTopic('yibao')).toEqual({ ok: true, value: FAQ.shards.yibao, fromCache: false })
    expect(seen).toEqual([topicPath('yibao')])
    expect(await cache.get(faqTopicKey(REGION, 'yibao'))).toMatchObject({ kind: 'detail', maxAgeSeconds: FEED_MAX_AGE })

    seen = []
    clock.now += 60_000
    expect(await repo.faqTopic('yibao')).toEqual({ ok: true, value: FAQ.shards.yibao, fromCache: true })
    expect(seen).toEqual([])
  })

  it('fetches a topic again within max-age when the index says the topic is newer than the copy', async () => {
    const { repo } = await started()
    await repo.faqTopic('huji')
    const updatedAt = '2026-11-20T08:30:00+08:00'
    const index = copy(LINWU.index) as FeedIndex
    index.generatedAt = '2026-11-20T08:45:00+08:00'
    index.faq = index.faq!.map((t) => (t.id === 'huji' ? { ...t, updatedAt, count: t.count + 1 } : t))
    const revised: FaqTopicShard = copy(FAQ.shards.huji!)
    revised.updatedAt = updatedAt
    revised.questions.push({ id: 'lw-faq-hj-07', question: '户口簿丢了怎么补办？', initials: 'hkbdlzmbb', updatedAt })
    server.use(
      http.get(feedRoutes(NODE_FEED_BASE).index, ({ request }) => documentResponse(request, index)),
      http.get(ROUTES.topic, ({ request }) => documentResponse(request, revised)),
    )
    await repo.refresh()
    seen = []
    expect(await repo.faqTopic('huji')).toEqual({ ok: true, value: revised, fromCache: false })
    expect(seen).toEqual([topicPath('huji')])
  })

  it('keeps the last good shard when the service fails or sends a broken one', async () => {
    const { repo, clock } = await started()
    await repo.faqTopic('jiaoyu')
    clock.now += (FEED_MAX_AGE + 1) * 1000
    useScenario('offline')
    expect(await repo.faqTopic('jiaoyu')).toEqual({ ok: true, value: FAQ.shards.jiaoyu, fromCache: true })
    resetMocks()
    server.use(http.get(ROUTES.topic, ({ request }) => documentResponse(request, '{"schemaVersion":1,"topic":')))
    expect(await repo.faqTopic('jiaoyu')).toEqual({ ok: true, value: FAQ.shards.jiaoyu, fromCache: true })
  })

  it('says why a topic cannot be opened when there is no copy: not found, or no network', async () => {
    const { repo } = await started()
    expect(await repo.faqTopic('no-such-topic')).toEqual({ ok: false, reason: 'not-found', problems: [] })
    useScenario('offline')
    expect(await repo.faqTopic('shebao')).toMatchObject({ ok: false, reason: 'network' })
  })

  it('reads the search shard once, and drops a copy only when a topic of the index is newer', async () => {
    const { repo, cache, clock } = await started()
    expect(await repo.faqSearch()).toEqual({ ok: true, value: FAQ.search, fromCache: false })
    expect(seen).toEqual([SEARCH_PATH])
    seen = []
    clock.now += 60_000
    expect((await repo.faqSearch()).ok).toBe(true)
    expect(seen).toEqual([])
    expect(await cache.get(faqSearchKey(REGION))).toBeDefined()

    // A topic updated after the search shard was written: the box asks for the shard again.
    const index = copy(LINWU.index) as FeedIndex
    index.generatedAt = '2026-11-20T08:45:00+08:00'
    index.faq = index.faq!.map((t, i) => (i === 0 ? { ...t, updatedAt: '2026-11-20T08:40:00+08:00' } : t))
    server.use(http.get(feedRoutes(NODE_FEED_BASE).index, ({ request }) => documentResponse(request, index)))
    await repo.refresh()
    seen = []
    await repo.faqSearch()
    expect(seen).toEqual([SEARCH_PATH])
  })

  it('reports a region without a search shard as not found (the screen then searches inside a topic)', async () => {
    const { repo } = await started()
    server.use(http.get(ROUTES.search, () => errorJson(404, 'faq-search-not-found')))
    expect(await repo.faqSearch()).toEqual({ ok: false, reason: 'not-found', problems: [] })
  })

  it('fetches an answer when opened, serves it cached, and again when its question in the shard is newer', async () => {
    const { repo, cache } = await started()
    await repo.faqTopic('yibao')
    const id = 'lw-faq-yb-01'
    expect(await repo.faqEntry(id)).toEqual({ ok: true, value: FAQ.entries[id], fromCache: false })
    seen = []
    expect(await repo.faqEntry(id)).toMatchObject({ ok: true, fromCache: true })
    expect(seen).toEqual([])
    expect(await cache.get(faqEntryKey(REGION, id))).toMatchObject({ kind: 'detail' })

    // The topic's shard now says the question was answered again.
    const updatedAt = '2026-11-20T08:50:00+08:00'
    const shard: FaqTopicShard = copy(FAQ.shards.yibao!)
    shard.questions[0]!.updatedAt = updatedAt
    const index = copy(LINWU.index) as FeedIndex
    index.generatedAt = '2026-11-20T08:55:00+08:00'
    index.faq = index.faq!.map((t) => (t.id === 'yibao' ? { ...t, updatedAt } : t))
    const answer = { ...copy(FAQ.entries[id]!), updatedAt, answer: [{ type: 'paragraph' as const, text: '2027年度缴费期延长至2027年1月15日。' }] }
    server.use(
      http.get(feedRoutes(NODE_FEED_BASE).index, ({ request }) => documentResponse(request, index)),
      http.get(ROUTES.topic, ({ request }) => documentResponse(request, shard)),
      http.get(ROUTES.entry, ({ request }) => documentResponse(request, answer)),
    )
    await repo.refresh()
    await repo.faqTopic('yibao')
    seen = []
    expect(await repo.faqEntry(id)).toEqual({ ok: true, value: answer, fromCache: false })
    expect(seen).toEqual([entryPath(id)])
  })

  it('prefetches answers when idle, skipping those already saved, so they open offline', async () => {
    const { repo } = await started()
    await repo.faqEntry('lw-faq-hj-01')
    seen = []
    repo.prefetch('faq', ['lw-faq-hj-01', 'lw-faq-hj-02', 'lw-faq-hj-03'])
    await new Promise((ok) => setTimeout(ok, 50))
    expect(seen.sort()).toEqual([entryPath('lw-faq-hj-02'), entryPath('lw-faq-hj-03')])
    useScenario('offline')
    expect(await repo.faqEntry('lw-faq-hj-03')).toMatchObject({ ok: true, fromCache: true })
  })
})
