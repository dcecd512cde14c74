/**
 * Teletext-style page numbers typed with the remote's digits: three digits open the page that carries
 * the number, or say there is no such page. Pure transitions (time is passed in), unit-tested without a GPU.
 */
export const PAGE_DIGITS = 3
/** A number left half typed is forgotten after this long without a digit: nothing waits forever. */
export const PAGE_ENTRY_IDLE_MS = 4000
/** How long "没有这一页" stays before the box clears itself. */
export const PAGE_UNKNOWN_SHOWN_MS = 3000

export type PageEntry =
  | { state: 'idle' }
  | { state: 'typing'; digits: string; until: number }
  | { state: 'unknown'; digits: string; until: number }
  | { state: 'found'; digits: string; route: string }

export const idleEntry: PageEntry = { state: 'idle' }

/** One digit typed. A new number starts over an unknown or found one. */
export function typePageDigit(entry: PageEntry, digit: string, now: number, directory: ReadonlyMap<string, string>): PageEntry {
  if (!/^\d$/.test(digit)) return entry
  const digits = (entry.state === 'typing' && now < entry.until ? entry.digits : '') + digit
  if (digits.length < PAGE_DIGITS) return { state: 'typing', digits, until: now + PAGE_ENTRY_IDLE_MS }
  const route = directory.get(digits)
  return route === undefined ? { state: 'unknown', digits, until: now + PAGE_UNKNOWN_SHOWN_MS } : { state: 'found', digits, route }
}

/** Back while typing takes the last digit away; with none left the entry closes. */
export function deletePageDigit(entry: PageEntry, now: number): PageEntry {
  if (entry.state !== 'typing') return idleEntry
  const digits = entry.digits.slice(0, -1)
  return digits ? { state: 'typing', digits, until: now + PAGE_ENTRY_IDLE_MS } : idleEntry
}

/** The entry as it stands at `now`: a half-typed number or a message past its time is gone. */
export function settlePageEntry(entry: PageEntry, now: number): PageEntry {
  if ((entry.state === 'typing' || entry.state === 'unknown') && now >= entry.until) return idleEntry
  return entry
}

/** The digits as shown while typing: typed ones, then a blank for each still to come ("1 2 _"). */
export function pageDigitsShown(digits: string): string {
  const cells = digits.split('')
  while (cells.length < PAGE_DIGITS) cells.push('_')
  return cells.join(' ')
}
