/**
 * An index stored by an older release lacks the lists later minor versions added. It is still the
 * household's last good copy (it may be all there is offline), so it is completed, never dropped.
 */
import { compactNotices } from './compactNotices'
import type { FeedIndex } from './schema'

/** The lists a minor version added after the first release: each may be missing from a stored copy. */
type AddedLater = 'collections' | 'videos' | 'polls' | 'faq' | 'townships'

export function upgradeStoredIndex(stored: FeedIndex): FeedIndex {
  const partial = stored as Partial<Pick<FeedIndex, AddedLater>> & Omit<FeedIndex, AddedLater>
  return {
    ...partial,
    // A copy read back from IndexedDB holds a new string per publisher and category again.
    notices: compactNotices(partial.notices),
    collections: partial.collections ?? [],
    videos: partial.videos ?? [],
    polls: partial.polls ?? [],
    faq: partial.faq ?? [],
    townships: partial.townships ?? [],
  }
}
