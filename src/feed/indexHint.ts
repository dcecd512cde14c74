/**
 * Whether this box has ever stored its region's index, remembered in localStorage: a synchronous read
 * at boot, before IndexedDB has even opened (opening it on a fresh profile takes hundreds of
 * milliseconds). A box that knows it has nothing stored asks the network at once instead of waiting
 * for the database to say so. Not personal data: one flag per region code.
 */
export type IndexHintAnswer = 'stored' | 'none' | 'unknown'

export interface IndexHint {
  known(regionCode: string): IndexHintAnswer
  remember(regionCode: string): void
}

export interface HintStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const key = (regionCode: string): string => `gov-affairs-tv:index-stored:${regionCode}`

/** `storage` undefined, or failing (private mode, quota, disabled): every answer is 'unknown'. */
export function createIndexHint(storage: HintStorage | undefined): IndexHint {
  let remembered: string | undefined
  return {
    known(regionCode) {
      if (!storage) return 'unknown'
      try {
        return storage.getItem(key(regionCode)) === null ? 'none' : 'stored'
      } catch {
        return 'unknown'
      }
    },
    remember(regionCode) {
      // Once a session is enough: the flag never changes back.
      if (!storage || remembered === regionCode) return
      try {
        storage.setItem(key(regionCode), '1')
        remembered = regionCode
      } catch {
        // A box that cannot remember just takes the slower path next time.
      }
    },
  }
}

/** The page's localStorage, where it can be reached at all. */
export function browserHintStorage(): HintStorage | undefined {
  try {
    return (globalThis as { localStorage?: HintStorage }).localStorage
  } catch {
    return undefined
  }
}
