/**
 * A FeedCache that can be used before it has opened: every call waits for the opening. Lets the boot
 * start the feed's first request without waiting on IndexedDB (see indexHint.ts), while every read and
 * write still goes to the one real cache.
 */
import type { CacheDiagnostics, CachedDoc, FeedCache } from './cache'

export function deferredCache(opening: Promise<FeedCache>): FeedCache {
  let opened: FeedCache | undefined
  void opening.then((cache) => (opened = cache), () => undefined)
  return {
    get: <T>(key: string): Promise<CachedDoc<T> | undefined> => opening.then((cache) => cache.get<T>(key)),
    put: <T>(key: string, doc: Omit<CachedDoc<T>, 'bytes'>): Promise<void> => opening.then((cache) => cache.put<T>(key, doc)),
    clear: (): Promise<void> => opening.then((cache) => cache.clear()),
    diagnostics: (): CacheDiagnostics =>
      opened ? opened.diagnostics() : { mode: 'indexeddb', reopened: false, entries: 0, bytes: 0, lastError: 'opening' },
  }
}
