/**
 * 村务公开: the township's and village's own index.json beside the county's, under the county index's rules
 * (the same FeedRepository at another code), and the merged, labelled notice list.
 */
import { describe, expect, it } from 'vitest'
import { latestNotices, LocalFeeds, mergeNotices, noticeRoute, sourceOf, withLocalNotices } from '../../src/feed/localFeeds'
import type { CachedDoc, FeedCache } from '../../src/feed/cache'
import type { HttpClient, HttpResponse } from '../../src/feed/http'
import { upgradeStoredIndex } from '../../src/feed/storedIndex'
import { FENSHI, FENSHI_CODE, FIXTURE_NOW, LINWU, SHIMEN, SHIMEN_CODE } from '../../mocks/fixtures'

const NOW = Date.parse(FIXTURE_NOW)
const BASE = 'https://feed.test'
const SHIMEN_PLACE = { township: { code: FENSHI_CODE, name: '汾市镇' }, village: { code: SHIMEN_CODE, name: '石门村' } }
const NO_FEED_PLACE = { township: { code: '431025100', name: '舜峰镇' }, village: { code: '431025100201', name: '城北村' } }

function memoryCache(): FeedCache & { data: Map<string, CachedDoc<unknown>> } {
  const data = new Map<string, CachedDoc<unknown>>()
  return {
    data,
    get: async <T>(key: string) => data.get(key) as CachedDoc<T> | undefined,
    put: async <T>(key: string, doc: Omit<CachedDoc<T>, 'bytes'>) => void data.set(key, { ...doc, bytes: 0 } as CachedDoc<unknown>),
    diagnostics: () => ({}) as ReturnType<FeedCache['diagnostics']>,
    clear: async () => data.clear(),
  }
}

/** Answers by path from a table the test changes as it goes; records what was asked. */
function fakeHttp(table: Map<string, () => HttpResponse>): HttpClient & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    get: async (url: string) => {
      const path = url.slice(BASE.length)
      asked.push(path)
      const answer = table.get(path)
      return answer ? answer() : { status: 404, text: '{}' }
    },
  }
}

const ok = (doc: unknown, etag = 'e1'): (() => HttpResponse) => () => ({ status: 200, text: JSON.stringify(doc), etag })
const indexPath = (code: string) => `/v1/regions/${code}/index.json`
const flush = () => new Promise((r) => setTimeout(r, 0))

function setup(table: Map<string, () => HttpResponse>, cache = memoryCache()) {
  const http = fakeHttp(table)
  const timers: (() => void)[] = []
  const feeds = new LocalFeeds({
    settings: { feedBaseUrl: BASE, regionCode: LINWU.index.region.code, refreshIntervalMinutes: 30 },
    http,
    cache,
    now: () => NOW,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
    whenIdle: (fn) => fn(),
  })
  return { feeds, http, cache }
}

describe('the local feeds (村务公开)', () => {
  it('reads the village and township feeds the county index lists, from their own region folders', async () => {
    const table = new Map([
      [indexPath(SHIMEN_CODE), ok(SHIMEN.index)],
      [indexPath(FENSHI_CODE), ok(FENSHI.index)],
    ])
    const { feeds, http } = setup(table)
    feeds.follow(SHIMEN_PLACE, LINWU.index)
    await flush()
    expect(http.asked).toEqual([indexPath(SHIMEN_CODE), indexPath(FENSHI_CODE)])
    expect(feeds.indexes().map((l) => l.place.name)).toEqual(['石门村', '汾市镇'])
    expect(feeds.status().sources.map((s) => s.state)).toEqual(['ready', 'ready'])
    // Following the same place again starts nothing new.
    feeds.follow(SHIMEN_PLACE, LINWU.index)
    await flush()
    expect(http.asked).toHaveLength(2)
  })

  it('asks nothing for a place the county lists without a feed: the county alone, status no-feed', async () => {
    const { feeds, http } = setup(new Map())
    feeds.follow(NO_FEED_PLACE, LINWU.index)
    await flush()
    expect(http.asked).toEqual([])
    expect(feeds.indexes()).toEqual([])
    expect(feeds.status().sources.map((s) => s.state)).toEqual(['no-feed', 'no-feed'])
  })

  it('falls back quietly when a listed feed is missing (404): unavailable, nothing merged', async () => {
    const { feeds } = setup(new Map([[indexPath(FENSHI_CODE), ok(FENSHI.index)]]))
    feeds.follow(SHIMEN_PLACE, LINWU.index)
    await flush()
    const [village, township] = feeds.status().sources
    expect(village?.state).toBe('unavailable')
    expect(village?.status?.lastFailure).toBe('not-found')
    expect(township?.state).toBe('ready')
    expect(feeds.indexes().map((l) => l.place.code)).toEqual([FENSHI_CODE])
  })

  it('refuses a feed of another place at the village address, and keeps the last good copy on a bad refresh', async () => {
    const table = new Map([[indexPath(SHIMEN_CODE), ok(FENSHI.index)]])
    const { feeds } = setup(table)
    feeds.follow({ township: SHIMEN_PLACE.township, village: SHIMEN_PLACE.village }, LINWU.index)
    await flush()
    const village = feeds.status().sources[0]
    expect(village?.status?.rejected?.map((p) => p.kind)).toContain('region-mismatch')
    expect(feeds.indexes().find((l) => l.level === 'village')).toBeUndefined()
  })

  it('keeps the village copy when a refresh would empty its notices or is not JSON', async () => {
    let answer: () => HttpResponse = ok(SHIMEN.index)
    const table = new Map([[indexPath(SHIMEN_CODE), () => answer()]])
    const cache = memoryCache()
    const first = setup(table, cache)
    first.feeds.follow({ ...SHIMEN_PLACE }, LINWU.index)
    await flush()
    answer = ok({ ...SHIMEN.index, notices: [], generatedAt: '2026-11-20T12:00:00+08:00' }, 'e2')
    const repo = (first.feeds as unknown as { held: { repository: { refresh(): Promise<unknown> } }[] }).held[0]!.repository
    await repo.refresh()
    expect(first.feeds.indexes()[0]?.index.notices).toHaveLength(SHIMEN.index.notices.length)
    expect(first.feeds.status().sources[0]?.status?.rejected?.map((p) => p.kind)).toContain('emptied-list')
    answer = () => ({ status: 200, text: '<html>' })
    await repo.refresh()
    expect(first.feeds.indexes()[0]?.index.notices).toHaveLength(SHIMEN.index.notices.length)

    // Offline next start: the cached village copy is shown at once.
    answer = () => {
      throw new Error('offline')
    }
    const second = setup(table, cache)
    second.feeds.follow(SHIMEN_PLACE, LINWU.index)
    await flush()
    await flush()
    expect(second.feeds.indexes()[0]?.index.region.code).toBe(SHIMEN_CODE)
    expect(second.feeds.status().sources[0]?.status?.source).toBe('cache')
  })

  it('opens a local notice from its own region folder', async () => {
    const id = SHIMEN.index.notices[0]!.id
    const table = new Map([
      [indexPath(SHIMEN_CODE), ok(SHIMEN.index)],
      [`/v1/regions/${SHIMEN_CODE}/notices/${id}.json`, ok(SHIMEN.notices[id])],
    ])
    const { feeds, http } = setup(table)
    feeds.follow(SHIMEN_PLACE, LINWU.index)
    await flush()
    const result = await feeds.notice(SHIMEN_CODE, id)
    expect(result.ok && result.value.title).toBe(SHIMEN.notices[id]!.title)
    expect(http.asked).toContain(`/v1/regions/${SHIMEN_CODE}/notices/${id}.json`)
    expect((await feeds.notice('431025100201', id)).ok).toBe(false)
  })

  it('stops the old feeds when the household changes its place', async () => {
    const table = new Map([
      [indexPath(SHIMEN_CODE), ok(SHIMEN.index)],
      [indexPath(FENSHI_CODE), ok(FENSHI.index)],
    ])
    const { feeds } = setup(table)
    feeds.follow(SHIMEN_PLACE, LINWU.index)
    await flush()
    feeds.follow(NO_FEED_PLACE, LINWU.index)
    expect(feeds.indexes()).toEqual([])
    feeds.follow(undefined, LINWU.index)
    expect(feeds.status()).toEqual({ place: undefined, sources: [] })
  })
})

describe('the merged notice list', () => {
  const locals = [
    { place: SHIMEN_PLACE.village, index: SHIMEN.index },
    { place: SHIMEN_PLACE.township, index: FENSHI.index },
  ]

  it('puts the local notices beside the county\'s, pinned first then newest, each labelled', () => {
    const merged = mergeNotices(LINWU.index.notices, locals, NOW)
    expect(merged).toHaveLength(LINWU.index.notices.length + SHIMEN.index.notices.length + FENSHI.index.notices.length)
    const unpinned = merged.filter((n) => !n.pinned)
    for (let i = 1; i < unpinned.length; i++) {
      expect(Date.parse(unpinned[i - 1]!.publishedAt)).toBeGreaterThanOrEqual(Date.parse(unpinned[i]!.publishedAt))
    }
    const shimen = merged.find((n) => n.id === 'sm-n001')!
    expect(sourceOf(shimen)).toBe('石门村')
    expect(noticeRoute(shimen)).toBe(`places/${SHIMEN_CODE}/notices/sm-n001`)
    expect(sourceOf(merged.find((n) => n.id === 'fs-n001')!)).toBe('汾市镇')
    const county = merged.find((n) => n.id === LINWU.index.notices[0]!.id)!
    expect(sourceOf(county)).toBeUndefined()
    expect(noticeRoute(county)).toBe(`notices/${county.id}`)
  })

  it('leaves the county index untouched without local feeds, and never gives a local notice a page number', () => {
    expect(withLocalNotices(LINWU.index, [], NOW)).toBe(LINWU.index)
    const withPage = { ...SHIMEN.index, notices: [{ ...SHIMEN.index.notices[0]!, pageNo: '101' }] }
    const merged = mergeNotices([], [{ place: SHIMEN_PLACE.village, index: withPage }], NOW)
    expect(merged[0]?.pageNo).toBeUndefined()
  })

  it('completes a stored county copy without townships', () => {
    const { townships: _t, ...old } = LINWU.index
    expect(upgradeStoredIndex(old as typeof LINWU.index).townships).toEqual([])
  })
})

describe("Home's newest rows", () => {
  const county = (id: string, pinned = false) => ({ id, title: id, category: '通知公告', publisher: '县', publishedAt: '2026-11-01T08:00:00+08:00', pinned })
  const local = { ...county('sm'), from: { code: SHIMEN_CODE, name: '石门村' } }

  it('gives the last visible row to the household notice when pinned county notices fill the rows', () => {
    const ordered = [county('p1', true), county('p2', true), county('c1'), local, county('c2')]
    expect(latestNotices(ordered, 3, 2).map((n) => n.id)).toEqual(['p1', 'sm', 'p2'])
    expect(latestNotices(ordered, 3, 3).map((n) => n.id)).toEqual(['p1', 'p2', 'sm'])
  })

  it('changes nothing when a local notice is already visible or there is none', () => {
    const ordered = [county('p1', true), local, county('c1'), county('c2')]
    expect(latestNotices(ordered, 3, 2).map((n) => n.id)).toEqual(['p1', 'sm', 'c1'])
    const countyOnly = [county('a'), county('b'), county('c'), county('d')]
    expect(latestNotices(countyOnly, 3, 2).map((n) => n.id)).toEqual(['a', 'b', 'c'])
    expect(latestNotices([], 3, 2)).toEqual([])
  })
})
