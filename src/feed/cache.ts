/**
 * The feed cache: last good copies of feed documents in IndexedDB, so a box that boots offline still has
 * something to show. IndexedDB fails in real life (missing, blocked, quota, "UnknownError" on a corrupt
 * store), so every failure is absorbed here: reopen once, then carry on in memory for the session.
 * Nothing here throws to callers or waits forever. No Lightning imports.
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
import { isCurrentVersion, ledgerKey } from './cacheKeys'
import { withTimeout } from './withTimeout'

export type CacheKind = 'index' | 'detail'

export interface CachedDoc<T> {
  value: T
  etag?: string
  fetchedAt: number
  maxAgeSeconds?: number
  schemaVersion: number
  bytes: number
  kind: CacheKind
}

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

// ---------------------------------------------------------------------------------------------------------
// Errors

/** An open that never answered: usually blocked by another connection, so reopening would only wait again. */
class OpenTimeoutError extends Error {
  constructor(message: string) {
    super(message)
    Object.setPrototypeOf(this, OpenTimeoutError.prototype)
    this.name = 'TimeoutError'
  }
}

function namedError(name: string, message: string): Error {
  const e = new Error(message)
  e.name = name
  return e
}

/** `name: message`, for DOMExceptions (not always Errors on old engines), nulls from aborted transactions. */
function describeError(e: unknown): string {
  if (e === null || e === undefined) return 'UnknownError: the transaction was aborted'
  if (typeof e === 'object') {
    const { name, message } = e as { name?: unknown; message?: unknown }
    const n = typeof name === 'string' && name ? name : 'Error'
    return typeof message === 'string' && message ? `${n}: ${message}` : n
  }
  return String(e)
}

function errorName(e: unknown): string | undefined {
  if (e && typeof e === 'object') {
    const { name } = e as { name?: unknown }
    if (typeof name === 'string') return name
  }
  return undefined
}


// ---------------------------------------------------------------------------------------------------------
// Size ledger: what is stored, how big, in which order it was written. Kept in the store itself (so eviction
// needs no scan of every document) and mirrored in memory (so diagnostics() can answer synchronously).

interface LedgerEntry {
  bytes: number
  kind: CacheKind
  /** Write order. Eviction goes by this, not by clock time: set-top boxes often boot with the clock in 1970. */
  seq: number
  /** now() at write time; informational. */
  at: number
}

interface Ledger {
  seq: number
  entries: Record<string, LedgerEntry>
}

function emptyLedger(): Ledger {
  return { seq: 0, entries: {} }
}

function has(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key)
}

function isKind(x: unknown): x is CacheKind {
  return x === 'index' || x === 'detail'
}

function isLedger(x: unknown): x is Ledger {
  if (!x || typeof x !== 'object') return false
  const l = x as { seq?: unknown; entries?: unknown }
  if (typeof l.seq !== 'number' || !l.entries || typeof l.entries !== 'object') return false
  const entries = l.entries as Record<string, unknown>
  for (const key of Object.keys(entries)) {
    const e = entries[key] as { bytes?: unknown; kind?: unknown; seq?: unknown } | undefined
    if (!e || typeof e.bytes !== 'number' || !isKind(e.kind) || typeof e.seq !== 'number') return false
  }
  return true
}

function isCachedDoc(x: unknown): x is CachedDoc<unknown> {
  if (!x || typeof x !== 'object') return false
  const d = x as { fetchedAt?: unknown; schemaVersion?: unknown; bytes?: unknown; kind?: unknown }
  return (
    has(x, 'value') &&
    typeof d.fetchedAt === 'number' &&
    typeof d.schemaVersion === 'number' &&
    typeof d.bytes === 'number' &&
    isKind(d.kind)
  )
}

function ledgerTotals(ledger: Ledger): { entries: number; bytes: number } {
  let entries = 0
  let bytes = 0
  for (const key of Object.keys(ledger.entries)) {
    const e = ledger.entries[key]
    if (!e) continue
    entries += 1
    bytes += e.bytes
  }
  return { entries, bytes }
}

/** Removes the least recently written details until the total fits; returns the removed keys. */
function evictOver(ledger: Ledger, maxBytes: number, keep?: string): string[] {
  let total = ledgerTotals(ledger).bytes
  if (total <= maxBytes) return []
  const details: Array<{ key: string; entry: LedgerEntry }> = []
  for (const key of Object.keys(ledger.entries)) {
    const entry = ledger.entries[key]
    if (entry && entry.kind === 'detail' && key !== keep) details.push({ key, entry })
  }
  details.sort((a, b) => a.entry.seq - b.entry.seq)
  const victims: string[] = []
  for (const { key, entry } of details) {
    if (total <= maxBytes) break
    total -= entry.bytes
    delete ledger.entries[key]
    victims.push(key)
  }
  return victims
}

/** Records a write; returns what has to go to make room. */
function admit(ledger: Ledger, key: string, bytes: number, kind: CacheKind, at: number, maxBytes: number): string[] {
  ledger.seq += 1
  ledger.entries[key] = { bytes, kind, seq: ledger.seq, at }
  return evictOver(ledger, maxBytes, key)
}

// ---------------------------------------------------------------------------------------------------------
// Memory: the documents this session has written or read. While IndexedDB works it is a mirror, so that if
// the store breaks mid-session what is on screen can still be served; afterwards it is the store.

class MemoryStore {
  private docs = new Map<string, CachedDoc<unknown>>()
  ledger = emptyLedger()

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {}

  get(key: string): CachedDoc<unknown> | undefined {
    return this.docs.get(key)
  }

  put(key: string, doc: CachedDoc<unknown>): void {
    this.docs.set(key, doc)
    for (const victim of admit(this.ledger, key, doc.bytes, doc.kind, this.now(), this.maxBytes)) {
      this.docs.delete(victim)
    }
  }

  delete(keys: readonly string[]): void {
    for (const key of keys) {
      this.docs.delete(key)
      delete this.ledger.entries[key]
    }
  }

  clear(): void {
    this.docs.clear()
    this.ledger = emptyLedger()
  }
}

// ---------------------------------------------------------------------------------------------------------
// Connection: an idb-keyval UseStore of our own rather than idb-keyval's createStore(), because that one
// reads the global indexedDB (no injection for tests or for boxes where it lives elsewhere), cannot be
// closed (no reopen after "UnknownError"), and waits forever on a blocked open.

function openDatabase(factory: IDBFactory, dbName: string, storeName: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(() => {
      settled = true
      reject(new OpenTimeoutError(`opening "${dbName}" got no answer within ${timeoutMs} ms (blocked?)`))
    }, timeoutMs)

    function fail(e: unknown): void {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(e ?? namedError('UnknownError', `opening "${dbName}" failed`))
    }

    function attempt(version: number | undefined, upgraded: boolean): void {
      const request = version === undefined ? factory.open(dbName) : factory.open(dbName, version)
      request.onupgradeneeded = () => {
        const db = request.result
        if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName)
      }
      request.onsuccess = () => {
        const db = request.result
        // An answer after the timeout: nobody is waiting, and an open connection would block later upgrades.
        if (settled) {
          db.close()
          return
        }
        // A database created by something else without our store: upgrade once to add it.
        if (!db.objectStoreNames.contains(storeName)) {
          const next = db.version + 1
          db.close()
          if (upgraded) {
            fail(namedError('NotFoundError', `object store "${storeName}" could not be created`))
            return
          }
          try {
            attempt(next, true)
          } catch (e) {
            fail(e)
          }
          return
        }
        settled = true
        clearTimeout(timer)
        resolve(db)
      }
      request.onerror = () => fail(request.error)
      // onblocked: nothing to do but wait; the timer decides.
    }

    try {
      attempt(undefined, false)
    } catch (e) {
      // open() itself throws in some sandboxes (SecurityError).
      fail(e)
    }
  })
}

class Connection {
  private db: Promise<IDBDatabase> | undefined
  /** Bumped on every close, so a stale failure does not close a connection that a retry just opened. */
  epoch = 0

  constructor(
    private readonly factory: IDBFactory,
    private readonly dbName: string,
    private readonly storeName: string,
    private readonly openTimeoutMs: number,
    private readonly opTimeoutMs: number,
  ) {}

  readonly store: UseStore = (txMode, callback) =>
    this.open().then((db) =>
      withTimeout(
        Promise.resolve(callback(db.transaction(this.storeName, txMode).objectStore(this.storeName))),
        this.opTimeoutMs,
        () => namedError('TimeoutError', `IndexedDB gave no answer within ${this.opTimeoutMs} ms`),
      ),
    )

  private open(): Promise<IDBDatabase> {
    if (this.db) return this.db
    const pending = openDatabase(this.factory, this.dbName, this.storeName, this.openTimeoutMs)
    this.db = pending
    const forget = () => {
      if (this.db === pending) this.db = undefined
    }
    pending.then((db) => {
      // Closed by the browser (Safari, storage cleared) or asked to step aside by an upgrade elsewhere.
      db.onclose = forget
      db.onversionchange = () => {
        db.close()
        forget()
      }
    }, forget)
    return pending
  }

  close(): void {
    this.epoch += 1
    const pending = this.db
    this.db = undefined
    if (pending) {
      pending.then(
        (db) => db.close(),
        () => undefined,
      )
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

type Outcome<T> = { ok: true; value: T } | { ok: false }

class ResilientFeedCache implements FeedCache {
  private mode: StorageMode = 'indexeddb'
  private lastError: string | undefined
  private reopened = false
  private conn: Connection | undefined
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
    this.conn = new Connection(
      factory,
      this.options.dbName ?? DEFAULTS.dbName,
      this.options.storeName ?? DEFAULTS.storeName,
      this.options.openTimeoutMs ?? DEFAULTS.openTimeoutMs,
      this.options.opTimeoutMs ?? DEFAULTS.opTimeoutMs,
    )
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
    const ledger = isLedger(probe.value) ? probe.value : emptyLedger()
    const known = current.filter((key) => has(ledger.entries, key))
    const untracked = current.filter((key) => !has(ledger.entries, key))
    let changed = !isLedger(probe.value)

    // Entries the ledger lists but the store lost (a write that died half-way).
    for (const key of Object.keys(ledger.entries)) {
      if (known.indexOf(key) < 0) {
        delete ledger.entries[key]
        changed = true
      }
    }
    // Documents the ledger does not know (a ledger write that died half-way): measure them.
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
      found.sort((a, b) => a.doc.fetchedAt - b.doc.fetchedAt)
      for (const { key, doc } of found) {
        ledger.seq += 1
        ledger.entries[key] = { bytes: doc.bytes, kind: doc.kind, seq: ledger.seq, at: doc.fetchedAt }
      }
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

function resolveFactory(given: IDBFactory | null | undefined): IDBFactory | null {
  if (given !== undefined) return given
  try {
    // Merely reading indexedDB throws SecurityError in some sandboxed or private contexts.
    return typeof indexedDB === 'undefined' || !indexedDB ? null : indexedDB
  } catch {
    return null
  }
}

/** Never rejects: on any storage trouble the cache it returns works in memory. */
export async function openFeedCache(options: CacheOptions = {}): Promise<FeedCache> {
  const cache = new ResilientFeedCache(options)
  await cache.init()
  return cache
}
