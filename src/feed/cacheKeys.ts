/**
 * Keys for the feed cache. Every key starts with the cache version so that a release which changes the
 * shape of what is stored bumps CACHE_VERSION and the old entries are recognised and dropped on open,
 * instead of being read back as the wrong shape.
 */

/** Bump when the stored shape (CachedDoc or the documents in it) changes incompatibly. */
export const CACHE_VERSION = 1

const PREFIX = `v${CACHE_VERSION}:`

// Ids and region codes are already URL-safe by schema; encoding still keeps a stray ':' from making two
// different (region, id) pairs collide on one key.
function part(s: string): string {
  return encodeURIComponent(s)
}

export function indexKey(region: string): string {
  return `${PREFIX}${part(region)}:index`
}

/**
 * When the service last confirmed the stored index (a 304), kept apart from the index itself: a 304,
 * the commonest answer, then writes a few bytes instead of the whole index again.
 */
export function indexConfirmedKey(region: string): string {
  return `${PREFIX}${part(region)}:index-confirmed`
}

export function noticeKey(region: string, id: string): string {
  return `${PREFIX}${part(region)}:notice:${part(id)}`
}

export function guideKey(region: string, id: string): string {
  return `${PREFIX}${part(region)}:guide:${part(id)}`
}

// 常见问题 (issue 12): shards and answers are details (evicted first, oldest first, over the size cap).
export function faqTopicKey(region: string, topicId: string): string {
  return `${PREFIX}${part(region)}:faq-topic:${part(topicId)}`
}

export function faqSearchKey(region: string): string {
  return `${PREFIX}${part(region)}:faq-search`
}

export function faqEntryKey(region: string, id: string): string {
  return `${PREFIX}${part(region)}:faq-entry:${part(id)}`
}

/**
 * Where the cache keeps its size ledger. Versioned like the documents, so a version bump rebuilds it too;
 * the `_` cannot start a region code, so it never collides with a region's keys.
 */
export function ledgerKey(): string {
  return `${PREFIX}_ledger`
}

/** Accepts any IndexedDB key: a store written by another release may hold non-string keys. */
export function isCurrentVersion(key: unknown): boolean {
  // indexOf rather than startsWith: this runs unpolyfilled on Chrome 38 if core-js is ever trimmed.
  return typeof key === 'string' && key.indexOf(PREFIX) === 0
}
