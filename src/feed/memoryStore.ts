/**
 * The documents this session has written or read, under the same size cap and eviction as the store.
 * While IndexedDB works it is a mirror, so that if the store breaks mid-session what is on screen can
 * still be served; afterwards it is the store. No Lightning imports.
 */
import type { CachedDoc } from './cachedDoc'
import { admit, emptyLedger } from './cacheLedger'

export class MemoryStore {
  private docs = new Map<string, CachedDoc<unknown>>()
  ledger = emptyLedger()

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {}

  get(key: string): CachedDoc<unknown> | undefined {
    return this.docs.get(key)
  }

  /** Keeps the document and drops whatever the cap then evicts (never the one just put). */
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
