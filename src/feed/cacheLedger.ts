/**
 * The cache's size ledger: what is stored, how big, in which order it was written, and which entries have
 * to go when the total passes the cap. Kept in the store itself (so eviction needs no scan of every
 * document) and mirrored in memory (so diagnostics can answer synchronously). Pure code: it only changes
 * the ledger it is given and says which keys to delete; the callers delete them.
 */
import { isCacheKind, type CachedDoc, type CacheKind } from './cachedDoc'

export interface LedgerEntry {
  bytes: number
  kind: CacheKind
  /** Write order. Eviction goes by this, not by clock time: set-top boxes often boot with the clock in 1970. */
  seq: number
  /** now() at write time; informational. */
  at: number
}

export interface Ledger {
  /** The last write's seq; the next write gets seq + 1. */
  seq: number
  entries: Record<string, LedgerEntry>
}

export function emptyLedger(): Ledger {
  return { seq: 0, entries: {} }
}

export function isTracked(ledger: Ledger, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(ledger.entries, key)
}

/** A ledger read back from storage may be anything (another release, a half-written value). */
export function isLedger(x: unknown): x is Ledger {
  if (!x || typeof x !== 'object') return false
  const l = x as { seq?: unknown; entries?: unknown }
  if (typeof l.seq !== 'number' || !l.entries || typeof l.entries !== 'object') return false
  const entries = l.entries as Record<string, unknown>
  for (const key of Object.keys(entries)) {
    const e = entries[key] as { bytes?: unknown; kind?: unknown; seq?: unknown } | undefined
    if (!e || typeof e.bytes !== 'number' || !isCacheKind(e.kind) || typeof e.seq !== 'number') return false
  }
  return true
}

export function ledgerTotals(ledger: Ledger): { entries: number; bytes: number } {
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

/**
 * Removes the least recently written details until the total fits; returns the removed keys. Indexes are
 * never removed, nor `keep` (the entry just written), so the total may stay over the cap.
 */
export function evictOver(ledger: Ledger, maxBytes: number, keep?: string): string[] {
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

/** Records a write (a rewrite counts as the newest); returns what has to go to make room. */
export function admit(ledger: Ledger, key: string, bytes: number, kind: CacheKind, at: number, maxBytes: number): string[] {
  ledger.seq += 1
  ledger.entries[key] = { bytes, kind, seq: ledger.seq, at }
  return evictOver(ledger, maxBytes, key)
}

/**
 * Squares a ledger read from the store with the keys the store really holds, at open. Entries whose
 * document is gone (a write that died half-way) are forgotten; documents the ledger does not list (a
 * ledger write that died half-way) come back as `untracked`, to be measured and adopted.
 * `changed` says the ledger has to be written back.
 */
export function reconcileLedger(stored: unknown, present: readonly string[]): { ledger: Ledger; untracked: string[]; changed: boolean } {
  const valid = isLedger(stored)
  const ledger = valid ? stored : emptyLedger()
  const known = present.filter((key) => isTracked(ledger, key))
  const untracked = present.filter((key) => !isTracked(ledger, key))
  let changed = !valid
  for (const key of Object.keys(ledger.entries)) {
    if (known.indexOf(key) < 0) {
      delete ledger.entries[key]
      changed = true
    }
  }
  return { ledger, untracked, changed }
}

/** Adds found documents to the ledger as written in the order they were fetched (oldest first, so evicted first). */
export function adoptUntracked(
  ledger: Ledger,
  found: ReadonlyArray<{ key: string; doc: Pick<CachedDoc<unknown>, 'bytes' | 'kind' | 'fetchedAt'> }>,
): void {
  const byAge = found.slice().sort((a, b) => a.doc.fetchedAt - b.doc.fetchedAt)
  for (const { key, doc } of byAge) {
    ledger.seq += 1
    ledger.entries[key] = { bytes: doc.bytes, kind: doc.kind, seq: ledger.seq, at: doc.fetchedAt }
  }
}
