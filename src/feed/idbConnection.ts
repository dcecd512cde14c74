/**
 * One IndexedDB connection for the feed cache, as an idb-keyval UseStore of our own rather than
 * idb-keyval's createStore(), because that one reads the global indexedDB (no injection for tests or for
 * boxes where it lives elsewhere), cannot be closed (no reopen after "UnknownError"), and waits forever on
 * a blocked open. Opens lazily, adds the object store when the database lacks it, and gives up on an
 * open or an operation that never answers. Whether to reopen or fall back to memory is the cache's call.
 * No Lightning imports.
 */
import type { UseStore } from 'idb-keyval'
import { namedError, OpenTimeoutError } from './storageErrors'
import { withTimeout } from './withTimeout'

/** The factory to use: the given one (null = none), else the global indexedDB if reading it is allowed. */
export function resolveFactory(given: IDBFactory | null | undefined): IDBFactory | null {
  if (given !== undefined) return given
  try {
    // Merely reading indexedDB throws SecurityError in some sandboxed or private contexts.
    return typeof indexedDB === 'undefined' || !indexedDB ? null : indexedDB
  } catch {
    return null
  }
}

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

export interface IdbConnectionOptions {
  dbName: string
  storeName: string
  /** How long opening the database may take (a blocked open never answers). */
  openTimeoutMs: number
  /** How long one operation on an open database may take. */
  opTimeoutMs: number
}

export class IdbConnection {
  private db: Promise<IDBDatabase> | undefined
  /** Bumped on every close, so a stale failure does not close a connection that a retry just opened. */
  epoch = 0

  constructor(
    private readonly factory: IDBFactory,
    private readonly options: IdbConnectionOptions,
  ) {}

  /** For idb-keyval's get/set/update…: opens on first use (again after a close), one transaction a call. */
  readonly store: UseStore = (txMode, callback) =>
    this.open().then((db) =>
      withTimeout(
        Promise.resolve(callback(db.transaction(this.options.storeName, txMode).objectStore(this.options.storeName))),
        this.options.opTimeoutMs,
        () => namedError('TimeoutError', `IndexedDB gave no answer within ${this.options.opTimeoutMs} ms`),
      ),
    )

  private open(): Promise<IDBDatabase> {
    if (this.db) return this.db
    const { dbName, storeName, openTimeoutMs } = this.options
    const pending = openDatabase(this.factory, dbName, storeName, openTimeoutMs)
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

  /** Closes the database; the next operation opens it again. */
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
