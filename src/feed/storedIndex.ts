/**
 * An index stored by an older release lacks the lists later minor versions added. It is still the
 * household's last good copy (it may be all there is offline), so it is completed, never dropped.
 */
import type { FeedIndex } from './schema'

export function upgradeStoredIndex(stored: FeedIndex): FeedIndex {
  const partial = stored as Partial<FeedIndex> & Omit<FeedIndex, 'collections' | 'polls'>
  return { ...partial, collections: partial.collections ?? [], polls: partial.polls ?? [] }
}
