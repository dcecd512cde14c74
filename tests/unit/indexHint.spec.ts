/**
 * A box that has never stored its index asks the network at once, without waiting for IndexedDB to open
 * (hundreds of milliseconds on a fresh profile); a box that has one shows it first, as before.
 */
import { describe, expect, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import type { CachedDoc, FeedCache } from '../../src/feed/cache'
import { indexKey } from '../../src/feed/cacheKeys'
import { deferredCache } from '../../src/feed/deferredCache'
import type { HttpClient, HttpResponse } from '../../src/feed/http'
import { createIndexHint, type HintStorage } from '../../src/feed/indexHint'
import { FeedRepository } from '../../src/feed/repository'
import type { FeedIndex } from '../../src/feed/schema'

const REGION = LINWU.index.region.code

function memoryStorage(): HintStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) }
}

/** A promise and the functions that settle it, for holding the cache or the network back. */
function gate<T>(): { promise: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void
  const promise = new Promise<T>((resolve) => (open = resolve))
  return { promise, open }
}

function memoryCache(initial?: CachedDoc<FeedIndex>): FeedCache & { puts: string[] } {
  const docs = new Map<string, CachedDoc<unknown>>()
  if (initial) docs.set(indexKey(REGION), initial)
  const puts: string[] = []
  return {
    puts,
    get: <T>(key: string) => Promise.resolve(docs.get(key) as CachedDoc<T> | undefined),
    put: <T>(key: string, doc: Omit<CachedDoc<T>, 'bytes'>) => {
      puts.push(key)
      docs.set(key, { ...doc, bytes: 0 } as CachedDoc<unknown>)
      return Promise.resolve()
    },
    clear: () => Promise.resolve(docs.clear()),
    diagnostics: () => ({ mode: 'memory', reopened: false, entries: docs.size, bytes: 0 }),
  }
}

function recordingHttp(answer: () => Promise<HttpResponse>): HttpClient & { urls: string[] } {
  const urls: string[] = []
  return { urls, get: (url) => (urls.push(url), answer()) }
}

const indexAnswer = (): Promise<HttpResponse> => Promise.resolve({ status: 200, text: JSON.stringify(LINWU.index), etag: '"v1"' })
const flush = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0))

function repository(cache: FeedCache, http: HttpClient, storage: HintStorage | undefined): FeedRepository {
  return new FeedRepository({
    settings: { feedBaseUrl: 'https://feed.example.cn/gov', regionCode: REGION, refreshIntervalMinutes: 30 },
    http,
    cache,
    indexHint: createIndexHint(storage),
    setTimer: () => 0,
    clearTimer: () => undefined,
    now: () => Date.parse('2026-11-25T10:00:00+08:00'),
  })
}

describe('createIndexHint', () => {
  it("says 'none' until the region's index was stored once, then 'stored'", () => {
    const storage = memoryStorage()
    const hint = createIndexHint(storage)
    expect(hint.known(REGION)).toBe('none')
    hint.remember(REGION)
    expect(hint.known(REGION)).toBe('stored')
    expect(createIndexHint(storage).known(REGION)).toBe('stored')
    expect(hint.known('430104')).toBe('none')
  })

  it("says 'unknown' without storage or when storage throws, and remembering then does nothing", () => {
    expect(createIndexHint(undefined).known(REGION)).toBe('unknown')
    const broken: HintStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const hint = createIndexHint(broken)
    expect(hint.known(REGION)).toBe('unknown')
    expect(() => hint.remember(REGION)).not.toThrow()
  })
})

describe('a first start', () => {
  it('sends the index request before the cache has opened, and remembers once it is stored', async () => {
    const opening = gate<FeedCache>()
    const cache = memoryCache()
    const http = recordingHttp(indexAnswer)
    const storage = memoryStorage()
    const repo = repository(deferredCache(opening.promise), http, storage)
    const started = repo.start()
    await flush()
    // IndexedDB has not answered, and the request is already out.
    expect(http.urls).toEqual([`https://feed.example.cn/gov/v1/regions/${REGION}/index.json`])
    opening.open(cache)
    const status = await started
    expect(status).toMatchObject({ phase: 'ready', source: 'network' })
    await flush()
    expect(cache.puts).toEqual([indexKey(REGION)])
    expect(createIndexHint(storage).known(REGION)).toBe('stored')
  })

  it('with a copy stored after all (the flag lost), shows it while the network has not answered, then the network answer', async () => {
    const older: FeedIndex = { ...LINWU.index, generatedAt: '2026-11-20T08:00:00+08:00', notices: LINWU.index.notices.slice(0, 3) }
    const cache = memoryCache({ value: older, etag: '"v0"', fetchedAt: 0, kind: 'index', schemaVersion: 1, bytes: 0 })
    const network = gate<HttpResponse>()
    const http = recordingHttp(() => network.promise)
    const repo = repository(cache, http, memoryStorage())
    const status = await repo.start()
    expect(status).toMatchObject({ phase: 'ready', source: 'cache' })
    expect(repo.index()?.notices).toHaveLength(3)
    network.open(await indexAnswer())
    await flush()
    await flush()
    expect(repo.index()?.notices).toHaveLength(LINWU.index.notices.length)
  })
})

describe('a box that has stored its index', () => {
  it('reads the cache first and asks the network only afterwards (a warm start, spread)', async () => {
    const opening = gate<FeedCache>()
    const storage = memoryStorage()
    createIndexHint(storage).remember(REGION)
    const http = recordingHttp(indexAnswer)
    const repo = repository(deferredCache(opening.promise), http, storage)
    const started = repo.start({ revalidateDelayMs: 3000 })
    await flush()
    expect(http.urls).toEqual([])
    opening.open(memoryCache({ value: LINWU.index, etag: '"v1"', fetchedAt: 0, kind: 'index', schemaVersion: 1, bytes: 0 }))
    expect(await started).toMatchObject({ phase: 'ready', source: 'cache' })
    // The revalidation waits for its spread timer (not fired here).
    expect(http.urls).toEqual([])
  })
})

describe('deferredCache', () => {
  it('answers diagnostics before the opening and passes every call through after it', async () => {
    const opening = gate<FeedCache>()
    const cache = deferredCache(opening.promise)
    expect(cache.diagnostics().entries).toBe(0)
    const inner = memoryCache()
    const put = cache.put(indexKey(REGION), { value: LINWU.index, fetchedAt: 1, kind: 'index', schemaVersion: 1 })
    opening.open(inner)
    await put
    expect(inner.puts).toEqual([indexKey(REGION)])
    expect((await cache.get<FeedIndex>(indexKey(REGION)))?.value).toEqual(LINWU.index)
    expect(cache.diagnostics()).toMatchObject({ mode: 'memory', entries: 1 })
  })
})
