import { afterEach, describe, expect, it, vi } from 'vitest'
import { IDBDatabase as FakeIDBDatabase, IDBFactory as FakeIDBFactory } from 'fake-indexeddb'
import { openFeedCache, type CachedDoc, type CacheOptions } from '../../src/feed/cache'
import { CACHE_VERSION, guideKey, indexKey, isCurrentVersion, ledgerKey, noticeKey } from '../../src/feed/cacheKeys'

const REGION = '431025'
const DB = 'gov-affairs-tv'
const STORE = 'feed'

afterEach(() => {
  vi.restoreAllMocks()
})

function doc<T>(value: T, kind: 'index' | 'detail', extra: Partial<CachedDoc<T>> = {}): Omit<CachedDoc<T>, 'bytes'> {
  return { value, kind, fetchedAt: 1_700_000_000_000, schemaVersion: 1, ...extra }
}

/** A value whose JSON is exactly `n` characters long. */
function sized(n: number): string {
  return 'x'.repeat(n - 2)
}

// Raw IndexedDB access, to see what really reached the store and to plant what an older release left behind.
function rawOpen(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB)
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE)
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function rawPut(factory: IDBFactory, entries: Array<[IDBValidKey, unknown]>): Promise<void> {
  const db = await rawOpen(factory)
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite')
    for (const [key, value] of entries) tx.objectStore(STORE).put(value, key)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  db.close()
}

async function rawKeys(factory: IDBFactory): Promise<IDBValidKey[]> {
  const db = await rawOpen(factory)
  const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
    const req = db.transaction(STORE, 'readonly').objectStore(STORE).getAllKeys()
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  db.close()
  return keys
}

function open(factory: IDBFactory | null, options: CacheOptions = {}) {
  return openFeedCache({ indexedDB: factory, ...options })
}

function domError(name: string, message: string): DOMException {
  return new DOMException(message, name)
}

describe('cache keys', () => {
  it('prefix every key with the cache version', () => {
    expect(CACHE_VERSION).toBe(1)
    expect(indexKey(REGION)).toBe('v1:431025:index')
    expect(noticeKey(REGION, 'N123')).toBe('v1:431025:notice:N123')
    expect(guideKey(REGION, 'G-7')).toBe('v1:431025:guide:G-7')
  })

  it('keep a stray separator inside an id from colliding with another key', () => {
    expect(noticeKey(REGION, 'a:b')).not.toBe(noticeKey(`${REGION}:notice:a`, 'b'))
  })

  it('tell current keys from other versions and foreign keys', () => {
    expect(isCurrentVersion(indexKey(REGION))).toBe(true)
    expect(isCurrentVersion(ledgerKey())).toBe(true)
    expect(isCurrentVersion('v0:431025:index')).toBe(false)
    expect(isCurrentVersion('v10:431025:index')).toBe(false)
    expect(isCurrentVersion('keyval')).toBe(false)
    expect(isCurrentVersion(42)).toBe(false)
  })
})

describe('openFeedCache with working IndexedDB', () => {
  it('round-trips a document with etag, fetchedAt, schemaVersion and computed bytes', async () => {
    const cache = await open(new FakeIDBFactory())
    const value = { region: { code: REGION, name: '临武县' }, notices: [] }
    await cache.put(indexKey(REGION), doc(value, 'index', { etag: '"e1"', fetchedAt: 123, maxAgeSeconds: 300 }))
    const got = await cache.get<typeof value>(indexKey(REGION))
    expect(got).toEqual({
      value,
      etag: '"e1"',
      fetchedAt: 123,
      maxAgeSeconds: 300,
      schemaVersion: 1,
      kind: 'index',
      bytes: JSON.stringify(value).length,
    })
    expect(cache.diagnostics()).toEqual({ mode: 'indexeddb', reopened: false, entries: 1, bytes: got?.bytes })
  })

  it('returns undefined for a key never written', async () => {
    const cache = await open(new FakeIDBFactory())
    expect(await cache.get(noticeKey(REGION, 'nope'))).toBeUndefined()
  })

  it('keeps documents for the next session', async () => {
    const factory = new FakeIDBFactory()
    const first = await open(factory)
    await first.put(noticeKey(REGION, 'N1'), doc({ title: '通知' }, 'detail', { etag: '"n1"' }))
    const second = await open(factory)
    expect((await second.get(noticeKey(REGION, 'N1')))?.etag).toBe('"n1"')
    expect(second.diagnostics()).toMatchObject({ mode: 'indexeddb', entries: 1 })
  })

  it('deletes entries of other cache versions on open and keeps current ones', async () => {
    const factory = new FakeIDBFactory()
    const current = { ...doc({ a: 1 }, 'index'), bytes: 7 }
    await rawPut(factory, [
      ['v0:431025:index', { old: 'shape' }],
      ['v0:_ledger', { whatever: true }],
      ['legacy', 'from a release before versioned keys'],
      [indexKey(REGION), current],
    ])
    const cache = await open(factory)
    const keys = await rawKeys(factory)
    expect(keys.sort()).toEqual([indexKey(REGION), ledgerKey()].sort())
    expect(await cache.get(indexKey(REGION))).toEqual(current)
    expect(cache.diagnostics()).toMatchObject({ entries: 1, bytes: 7 })
  })

  it('measures documents its ledger lost track of, and drops garbage under current keys', async () => {
    const factory = new FakeIDBFactory()
    await rawPut(factory, [
      [noticeKey(REGION, 'N1'), { ...doc('x', 'detail'), bytes: 40 }],
      [noticeKey(REGION, 'N2'), 'not a cached document'],
    ])
    const cache = await open(factory)
    expect(cache.diagnostics()).toMatchObject({ entries: 1, bytes: 40 })
    expect(await rawKeys(factory)).not.toContain(noticeKey(REGION, 'N2'))
  })

  it('evicts the oldest details over the size cap', async () => {
    const factory = new FakeIDBFactory()
    const cache = await open(factory, { maxBytes: 300 })
    await cache.put(noticeKey(REGION, 'N1'), doc(sized(100), 'detail'))
    await cache.put(noticeKey(REGION, 'N2'), doc(sized(100), 'detail'))
    await cache.put(noticeKey(REGION, 'N3'), doc(sized(100), 'detail'))
    await cache.put(noticeKey(REGION, 'N4'), doc(sized(100), 'detail'))
    expect(await cache.get(noticeKey(REGION, 'N1'))).toBeUndefined()
    expect(await cache.get(noticeKey(REGION, 'N2'))).toBeDefined()
    expect(await cache.get(noticeKey(REGION, 'N4'))).toBeDefined()
    expect(await rawKeys(factory)).not.toContain(noticeKey(REGION, 'N1'))
    expect(cache.diagnostics()).toMatchObject({ entries: 3, bytes: 300 })
  })

  it('keeps the index when evicting over the size cap', async () => {
    const cache = await open(new FakeIDBFactory(), { maxBytes: 300 })
    await cache.put(indexKey(REGION), doc(sized(150), 'index'))
    await cache.put(guideKey(REGION, 'G1'), doc(sized(100), 'detail'))
    await cache.put(guideKey(REGION, 'G2'), doc(sized(100), 'detail'))
    expect(await cache.get(indexKey(REGION))).toBeDefined()
    expect(await cache.get(guideKey(REGION, 'G1'))).toBeUndefined()
    expect(await cache.get(guideKey(REGION, 'G2'))).toBeDefined()
    expect(cache.diagnostics()).toMatchObject({ entries: 2, bytes: 250 })
  })

  it('counts a rewrite as recent, so the least recently written detail goes first', async () => {
    const cache = await open(new FakeIDBFactory(), { maxBytes: 300 })
    await cache.put(noticeKey(REGION, 'N1'), doc(sized(100), 'detail'))
    await cache.put(noticeKey(REGION, 'N2'), doc(sized(100), 'detail'))
    await cache.put(noticeKey(REGION, 'N1'), doc(sized(100), 'detail', { etag: '"again"' }))
    await cache.put(noticeKey(REGION, 'N3'), doc(sized(100), 'detail'))
    await cache.put(noticeKey(REGION, 'N4'), doc(sized(100), 'detail'))
    expect(await cache.get(noticeKey(REGION, 'N2'))).toBeUndefined()
    expect((await cache.get(noticeKey(REGION, 'N1')))?.etag).toBe('"again"')
  })

  it('shrinks an existing store to a smaller cap on open', async () => {
    const factory = new FakeIDBFactory()
    const big = await open(factory, { maxBytes: 1000 })
    await big.put(indexKey(REGION), doc(sized(100), 'index'))
    await big.put(noticeKey(REGION, 'N1'), doc(sized(100), 'detail'))
    await big.put(noticeKey(REGION, 'N2'), doc(sized(100), 'detail'))
    const small = await open(factory, { maxBytes: 200 })
    expect(small.diagnostics()).toMatchObject({ entries: 2, bytes: 200 })
    expect(await small.get(noticeKey(REGION, 'N1'))).toBeUndefined()
    expect(await small.get(indexKey(REGION))).toBeDefined()
  })

  it('serves a document written but not yet awaited', async () => {
    const cache = await open(new FakeIDBFactory())
    const writing = cache.put(noticeKey(REGION, 'N1'), doc('fresh', 'detail'))
    expect((await cache.get<string>(noticeKey(REGION, 'N1')))?.value).toBe('fresh')
    await writing
  })

  it('clears everything', async () => {
    const factory = new FakeIDBFactory()
    const cache = await open(factory)
    await cache.put(indexKey(REGION), doc({}, 'index'))
    await cache.clear()
    expect(await cache.get(indexKey(REGION))).toBeUndefined()
    expect(await rawKeys(factory)).toEqual([])
    expect(cache.diagnostics()).toMatchObject({ entries: 0, bytes: 0 })
  })

  it('skips, without throwing, a value that cannot be serialised', async () => {
    const cache = await open(new FakeIDBFactory())
    const cyclic: { self?: unknown } = {}
    cyclic.self = cyclic
    await expect(cache.put(noticeKey(REGION, 'N1'), doc(cyclic, 'detail'))).resolves.toBeUndefined()
    expect(await cache.get(noticeKey(REGION, 'N1'))).toBeUndefined()
    expect(cache.diagnostics().mode).toBe('indexeddb')
  })
})

describe('openFeedCache when IndexedDB fails', () => {
  it('works in memory when IndexedDB is unavailable', async () => {
    const cache = await open(null)
    expect(cache.diagnostics()).toMatchObject({ mode: 'memory', reopened: false })
    expect(cache.diagnostics().lastError).toMatch(/not available/)
    await cache.put(indexKey(REGION), doc({ a: 1 }, 'index', { etag: '"m"' }))
    expect(await cache.get(indexKey(REGION))).toMatchObject({ value: { a: 1 }, etag: '"m"', bytes: 7 })
    expect(cache.diagnostics()).toMatchObject({ entries: 1, bytes: 7 })
  })

  it('applies the size cap in memory too', async () => {
    const cache = await open(null, { maxBytes: 200 })
    await cache.put(indexKey(REGION), doc(sized(100), 'index'))
    await cache.put(noticeKey(REGION, 'N1'), doc(sized(100), 'detail'))
    await cache.put(noticeKey(REGION, 'N2'), doc(sized(100), 'detail'))
    expect(await cache.get(noticeKey(REGION, 'N1'))).toBeUndefined()
    expect(await cache.get(indexKey(REGION))).toBeDefined()
  })

  it('tries a throwing open twice, then works in memory', async () => {
    const openSpy = vi.fn(() => {
      throw domError('SecurityError', 'access denied')
    })
    const cache = await open({ open: openSpy } as unknown as IDBFactory)
    expect(openSpy).toHaveBeenCalledTimes(2)
    expect(cache.diagnostics()).toMatchObject({
      mode: 'memory',
      reopened: true,
      lastError: 'SecurityError: access denied',
    })
    await cache.put(indexKey(REGION), doc('still works', 'index'))
    expect((await cache.get<string>(indexKey(REGION)))?.value).toBe('still works')
  })

  it('works in memory when the open request reports an error', async () => {
    const failing = {
      open() {
        const request = { error: domError('UnknownError', 'Internal error opening backing store'), onerror: null as null | (() => void) }
        setTimeout(() => request.onerror?.(), 0)
        return request
      },
    }
    const cache = await open(failing as unknown as IDBFactory)
    expect(cache.diagnostics()).toMatchObject({
      mode: 'memory',
      reopened: true,
      lastError: 'UnknownError: Internal error opening backing store',
    })
  })

  it('falls back to memory after the timeout when the open is blocked', async () => {
    // An open request that never fires anything, as when another connection blocks it.
    const blocked = { open: vi.fn(() => ({})) }
    const started = Date.now()
    const cache = await open(blocked as unknown as IDBFactory, { openTimeoutMs: 50 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(blocked.open).toHaveBeenCalledTimes(1)
    expect(cache.diagnostics()).toMatchObject({ mode: 'memory', reopened: false })
    expect(cache.diagnostics().lastError).toMatch(/^TimeoutError: /)
    await cache.put(indexKey(REGION), doc(1, 'index'))
    expect((await cache.get<number>(indexKey(REGION)))?.value).toBe(1)
  })

  it.each(['QuotaExceededError', 'UnknownError'])(
    'reopens once after %s and carries on in IndexedDB',
    async (name) => {
      const factory = new FakeIDBFactory()
      const cache = await open(factory)
      const opens = vi.spyOn(factory, 'open')
      vi.spyOn(FakeIDBDatabase.prototype, 'transaction').mockImplementationOnce(() => {
        throw domError(name, 'first try failed')
      })
      await cache.put(indexKey(REGION), doc({ ok: true }, 'index'))
      expect(opens).toHaveBeenCalledTimes(1)
      expect(cache.diagnostics()).toMatchObject({ mode: 'indexeddb', reopened: true, lastError: `${name}: first try failed` })
      const next = await open(factory)
      expect((await next.get(indexKey(REGION)))?.value).toEqual({ ok: true })
    },
  )

  it.each(['QuotaExceededError', 'UnknownError'])(
    'switches to memory when %s happens again after the reopen, and keeps serving',
    async (name) => {
      const cache = await open(new FakeIDBFactory())
      await cache.put(indexKey(REGION), doc({ before: true }, 'index'))
      const spy = vi.spyOn(FakeIDBDatabase.prototype, 'transaction').mockImplementation(() => {
        throw domError(name, 'store is broken')
      })
      await cache.put(noticeKey(REGION, 'N1'), doc({ after: true }, 'detail'))
      expect(cache.diagnostics()).toMatchObject({ mode: 'memory', reopened: true, lastError: `${name}: store is broken` })
      // The failed write and what was written before the failure are both still served.
      expect((await cache.get(noticeKey(REGION, 'N1')))?.value).toEqual({ after: true })
      expect((await cache.get(indexKey(REGION)))?.value).toEqual({ before: true })
      const callsInMemoryMode = spy.mock.calls.length
      await cache.get(indexKey(REGION))
      expect(spy.mock.calls.length).toBe(callsInMemoryMode)
    },
  )

  it('serves a document read earlier when the store breaks during a read', async () => {
    const factory = new FakeIDBFactory()
    const writer = await open(factory)
    await writer.put(indexKey(REGION), doc({ shown: true }, 'index'))
    const cache = await open(factory)
    expect(await cache.get(indexKey(REGION))).toBeDefined()
    vi.spyOn(FakeIDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw domError('UnknownError', 'corrupt')
    })
    expect((await cache.get(indexKey(REGION)))?.value).toEqual({ shown: true })
    expect(cache.diagnostics().mode).toBe('memory')
  })

  it('treats a transaction aborted without an error as a failure with a readable reason', async () => {
    const cache = await open(new FakeIDBFactory())
    vi.spyOn(FakeIDBDatabase.prototype, 'transaction').mockImplementation(() => {
      throw null
    })
    await expect(cache.put(indexKey(REGION), doc(1, 'index'))).resolves.toBeUndefined()
    expect(cache.diagnostics()).toMatchObject({ mode: 'memory', lastError: expect.stringMatching(/^UnknownError/) })
  })

  it('treats an operation that never answers as a failure', async () => {
    const cache = await open(new FakeIDBFactory(), { opTimeoutMs: 30 })
    const real = FakeIDBDatabase.prototype.transaction
    vi.spyOn(FakeIDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = real.apply(this, args)
      // A store whose requests never complete.
      const store = { get: () => ({}), put: () => undefined, transaction: {} }
      return { ...tx, objectStore: () => store } as unknown as IDBTransaction
    })
    await expect(cache.get(indexKey(REGION))).resolves.toBeUndefined()
    expect(cache.diagnostics()).toMatchObject({ mode: 'memory', lastError: expect.stringMatching(/^TimeoutError/) })
  })
})
