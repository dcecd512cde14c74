/**
 * What the feed cache keeps under one key: the document and what it takes to judge it later (etag, age,
 * schema version, size, kind). Shared by the ledger, the memory store and the IndexedDB side of the cache.
 * No Lightning imports.
 */

/** 'index' entries are never evicted: without its index a region shows nothing at all. */
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

export function isCacheKind(x: unknown): x is CacheKind {
  return x === 'index' || x === 'detail'
}

/** What IndexedDB hands back is unchecked (another release, a half-written value): check the shape first. */
export function isCachedDoc(x: unknown): x is CachedDoc<unknown> {
  if (!x || typeof x !== 'object') return false
  const d = x as { fetchedAt?: unknown; schemaVersion?: unknown; bytes?: unknown; kind?: unknown }
  return (
    Object.prototype.hasOwnProperty.call(x, 'value') &&
    typeof d.fetchedAt === 'number' &&
    typeof d.schemaVersion === 'number' &&
    typeof d.bytes === 'number' &&
    isCacheKind(d.kind)
  )
}
