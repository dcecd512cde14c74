/**
 * The feed cache: last good copies of feed documents in IndexedDB, so a box that boots offline still has
 * something to show. IndexedDB fails in real life (missing, blocked, quota, "UnknownError" on a corrupt
 * store), so every failure is absorbed here: reopen once, then carry on in memory for the session.
 * Nothing here throws to callers or waits forever. No Lightning imports.
 *
 * This module is the policy; the parts are beside it: cachedDoc.ts (what an entry is), cacheLedger.ts
 * (sizes, write order, eviction), memoryStore.ts (the session's mirror and fallback), idbConnection.ts
 * (opening and reopening the database), storageErrors.ts (naming failures).
 */
import {
  delMany,
  get as idbGet,
  getMany,
  keys as idbKeys,
  clear as idbClear,
  set as idbSet,
  update as idbUpdate,
  type UseStore,
} from 'idb-keyval'
import { isCachedDoc, type CachedDoc } from './cachedDoc'
import { adoptUntracked, admit, emptyLedger, evictOver, isLedger, ledgerTotals, reconcileLedger, type Ledger } from './cacheLedger'
import { isCurrentVersion, ledgerKey } from './cacheKeys'
import { IdbConnection, resolveFactory } from './idbConnection'
import { MemoryStore } from './memoryStore'
import { describeError, errorName, OpenTimeoutError } from './storageErrors'

export type { CacheKind, CachedDoc } from './cachedDoc'

export type StorageMode = 'indexeddb' | 'memory'

export interface CacheDiagnostics {
  mode: StorageMode
  /** `name: message` of the latest storage failure, also when a reopen cured it. */
  lastError?: string
  /** True once a failing store has been closed and reopened this session. */
  reopened: boolean
  entries: number
  bytes: number
}

export interface FeedCache {
  get<T>(key: string): Promise<CachedDoc<T> | undefined>
  /**
   * Computes bytes (JSON length of the value), updates the size ledger with idb-keyval update(), and evicts
   * the least recently written 'detail' entries (never 'index', never the one just written) over maxBytes.
   */
  put<T>(key: string, doc: Omit<CachedDoc<T>, 'bytes'>): Promise<void>
  diagnostics(): CacheDiagnostics
  clear(): Promise<void>
}

export interface CacheOptions {
  /** Default 5 MB (counted as JSON characters). */
  maxBytes?: number
  /** Default 'gov-affairs-tv'. */
  dbName?: string
  /** Default 'feed'. */
  storeName?: string
  /** null = unavailable; default the global indexedDB. */
  indexedDB?: IDBFactory | null
  now?: () => number
  /** How long opening the database may take (a blocked open never answers). Default 3000. */
  openTimeoutMs?: number
  /** How long one operation on an open database may take. Default 5000. */
  opTimeoutMs?: number
}

const DEFAULTS = {
  maxBytes: 5 * 1024 * 1024,
  dbName: 'gov-affairs-tv',
  storeName: 'feed',
  openTimeoutMs: 3000,
  opTimeoutMs: 5000,
}

const LEDGER_KEY = ledgerKey()

type Outcome<T> = { ok: true; value: T } | { ok: false }

class ResilientFeedCache implements FeedCache {
  private mode: StorageMode = 'indexeddb'
  private lastError: string | undefined
  private reopened = false
  private conn: IdbConnection | undefined
  /** Last ledger confirmed written to IndexedDB. */
  private ledger = emptyLedger()
  private readonly memory: MemoryStore
  /** Writes go one at a time so ledger, documents and evictions never interleave within this page. */
  private writes: Promise<void> = Promise.resolve()
  /** Keys with a write in flight: reads of them are answered from memory, which already has the new copy. */
  private pending = new Map<string, number>()
  private clearing = 0
  private readonly maxBytes: number
  private readonly now: () => number

  constructor(private readonly options: CacheOptions) {
    this.maxBytes = options.maxBytes !== undefined && options.maxBytes >= 0 ? options.maxBytes : DEFAULTS.maxBytes
    this.now = options.now ?? Date.now
    this.memory = new MemoryStore(this.maxBytes, this.now)
  }

  diagnostics(): CacheDiagnostics {
    const totals = ledgerTotals(this.mode === 'indexeddb' ? this.ledger : this.memory.ledger)
    const out: CacheDiagnostics = { mode: this.mode, reopened: this.reopened, entries: totals.entries, bytes: totals.bytes }
    if (this.lastError !== undefined) out.lastError = this.lastError
    return out
  }

  async init(): Promise<void> {
    try {
      await this.openAndTidy()
    } catch (e) {
      // attempt() absorbs storage failures; this only catches the unforeseen, and still leaves a usable cache.
      this.toMemory(describeError(e))
    }
  }

  private async openAndTidy(): Promise<void> {
    const factory = resolveFactory(this.options.indexedDB)
    if (!factory) {
      this.toMemory('NotSupportedError: IndexedDB is not available')
      return
    }
    this.conn = new IdbConnection(factory, {
      dbName: this.options.dbName ?? DEFAULTS.dbName,
      storeName: this.options.storeName ?? DEFAULTS.storeName,
      openTimeoutMs: this.options.openTimeoutMs ?? DEFAULTS.openTimeoutMs,
      opTimeoutMs: this.options.opTimeoutMs ?? DEFAULTS.opTimeoutMs,
    })
    // createStore-style connections open lazily; reading now makes a broken or blocked database show up
    // here, at boot, rather than on the first screen that needs a document.
    const probe = await this.attempt((store) => idbGet<unknown>(LEDGER_KEY, store))
    if (!probe.ok) return
    const allKeys = await this.attempt((store) => idbKeys<IDBValidKey>(store))
    if (!allKeys.ok) return

    const stale = allKeys.value.filter((key) => !isCurrentVersion(key))
    const current = allKeys.value.filter(
      (key): key is string => isCurrentVersion(key) && key !== LEDGER_KEY,
    )
    const { ledger, untracked, changed: reconciled } = reconcileLedger(probe.value, current)
    let changed = reconciled
    // Documents the ledger does not know: measure them, and drop what is not a document.
    if (untracked.length > 0) {
      changed = true
      const docs = await this.attempt((store) => getMany<unknown>(untracked, store))
      if (!docs.ok) return
      const found: Array<{ key: string; doc: CachedDoc<unknown> }> = []
      untracked.forEach((key, i) => {
        const doc = docs.value[i]
        if (isCachedDoc(doc)) found.push({ key, doc })
        else stale.push(key)
      })
      adoptUntracked(ledger, found)
    }
    // A smaller maxBytes than last session's.
    const victims = evictOver(ledger, this.maxBytes)
    if (victims.length > 0) changed = true
    const doomed = stale.concat(victims)

    if (changed) {
      const saved = await this.attempt((store) => idbSet(LEDGER_KEY, ledger, store))
      if (!saved.ok) return
    }
    this.ledger = ledger
    if (doomed.length > 0) await this.attempt((store) => delMany(doomed, store))
  }

  async get<T>(key: string): Promise<CachedDoc<T> | undefined> {
    try {
      if (this.mode === 'indexeddb' && !this.pending.has(key) && this.clearing === 0) {
        const found = await this.attempt((store) => idbGet<unknown>(key, store))
        if (found.ok) {
          if (!isCachedDoc(found.value)) {
            // Gone from the store (evicted, cleared elsewhere): the mirror must not bring it back later.
            this.memory.delete([key])
            return undefined
          }
          this.memory.put(key, found.value)
          return found.value as CachedDoc<T>
        }
      }
      return this.memory.get(key) as CachedDoc<T> | undefined
    } catch {
      return undefined
    }
  }

  put<T>(key: string, doc: Omit<CachedDoc<T>, 'bytes'>): Promise<void> {
    let full: CachedDoc<unknown>
    try {
      const json = JSON.stringify(doc.value)
      full = {
        value: doc.value,
        fetchedAt: doc.fetchedAt,
        schemaVersion: doc.schemaVersion,
        kind: doc.kind,
        bytes: typeof json === 'string' ? json.length : 0,
      }
      if (doc.etag !== undefined) full.etag = doc.etag
      if (doc.maxAgeSeconds !== undefined) full.maxAgeSeconds = doc.maxAgeSeconds
      // Memory first: readers get the new copy at once, whatever IndexedDB does next.
      this.memory.put(key, full)
    } catch {
      // Not JSON-serialisable (a cycle): not a feed document; caching it is not worth a failure.
      return Promise.resolve()
    }
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1)
    const stored = full
    return this.enqueue(
      () => this.writeToStore(key, stored),
      () => {
        const left = (this.pending.get(key) ?? 1) - 1
        if (left > 0) this.pending.set(key, left)
        else this.pending.delete(key)
      },
    )
  }

  clear(): Promise<void> {
    this.memory.clear()
    this.clearing += 1
    return this.enqueue(
      async () => {
        if (this.mode !== 'indexeddb') return
        const cleared = await this.attempt((store) => idbClear(store))
        if (cleared.ok) this.ledger = emptyLedger()
      },
      () => {
        this.clearing -= 1
      },
    )
  }

  private enqueue(work: () => Promise<void>, done: () => void): Promise<void> {
    const run = this.writes
      .then(work)
      .catch(() => undefined)
      .then(done)
    this.writes = run
    return run
  }

  private async writeToStore(key: string, doc: CachedDoc<unknown>): Promise<void> {
    if (this.mode !== 'indexeddb') return
    const written = await this.attempt((store) => idbSet(key, doc, store))
    if (!written.ok) return

    let next: Ledger = emptyLedger()
    let victims: string[] = []
    const counted = await this.attempt((store) => {
      // Recomputed on every attempt: a retry must not reuse what an aborted transaction saw.
      victims = []
      return idbUpdate<unknown>(
        LEDGER_KEY,
        (old) => {
          next = isLedger(old) ? old : emptyLedger()
          victims = admit(next, key, doc.bytes, doc.kind, this.now(), this.maxBytes)
          return next
        },
        store,
      )
    })
    if (!counted.ok) return
    this.ledger = next
    if (victims.length === 0) return
    this.memory.delete(victims)
    const evicted = victims
    // If this fails the ledger already forgot them; the next open finds them untracked and measures them.
    await this.attempt((store) => delMany(evicted, store))
  }

  /**
   * One operation against IndexedDB under the failure policy: on error close and reopen once and retry;
   * if that fails too, memory for the rest of the session. Never rejects.
   */
  private async attempt<T>(op: (store: UseStore) => Promise<T>): Promise<Outcome<T>> {
    const conn = this.conn
    if (this.mode !== 'indexeddb' || !conn) return { ok: false }
    const epoch = conn.epoch
    try {
      return { ok: true, value: await op(conn.store) }
    } catch (first) {
      if (this.mode !== 'indexeddb') return { ok: false }
      this.lastError = describeError(first)
      // Nothing to cure by reopening: the same blocker would block again, and a bad value stays bad.
      if (first instanceof OpenTimeoutError) {
        this.toMemory(this.lastError)
        return { ok: false }
      }
      if (errorName(first) === 'DataCloneError') return { ok: false }
      this.reopened = true
      // A concurrent failure may already have reopened; closing again would break that retry.
      if (conn.epoch === epoch) conn.close()
    }
    try {
      return { ok: true, value: await op(conn.store) }
    } catch (second) {
      if (this.mode === 'indexeddb') this.toMemory(describeError(second))
      return { ok: false }
    }
  }

  private toMemory(reason: string): void {
    this.mode = 'memory'
    this.lastError = reason
    if (this.conn) this.conn.close()
  }
}

/** Never rejects: on any storage trouble the cache it returns works in memory. */
export async function openFeedCache(options: CacheOptions = {}): Promise<FeedCache> {
  const cache = new ResilientFeedCache(options)
  await cache.init()
  return cache
}
