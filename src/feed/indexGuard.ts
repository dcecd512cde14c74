/**
 * Whether an index that parsed "ok" may replace the one a box holds. The document reader judges a file on
 * its own; these rules judge it against what is on screen and in IndexedDB, because some files are valid
 * and still wrong: an export job that wrote only the envelope, a CDN rule that serves another county's
 * index at this address, an edge that still has last year's copy. Taking such a file would blank (or
 * mislead) every screen of the county at once, and overwrite the one good copy each box has.
 *
 * The decision is to refuse and report, never to guess: an emptied list, a foreign region or an older
 * generatedAt is refused; the box keeps the last good copy and the refusal is reported (关于本机's problem
 * count, and `npm run validate` says the same about the file). A county never means to publish zero
 * notices or zero guides: a deliberately emptied list is indistinguishable from a broken export, and
 * yesterday's notices are the lesser harm. Alerts are the exception: they end (the flood is over), so an
 * empty alert list is refused only when it came from alerts the reader had to drop. A list a box never had
 * items in (a new region on its first start) is accepted empty. No Lightning imports.
 */
import type { Problem } from './document'
import type { FeedIndex } from './schema'

/** The kinds of problem a refusal reports; src/editor/problemText.ts words them for editors. */
export const REFUSAL_KINDS = ['emptied-list', 'region-mismatch', 'older-than-held'] as const

type ListKey = 'alerts' | 'notices' | 'guides' | 'hotlines'
const LISTS: readonly ListKey[] = ['notices', 'guides', 'hotlines', 'alerts']

/** True when the reader dropped something at `$.key` or inside it: the feed meant to say something there. */
function droppedIn(key: ListKey, problems: readonly Problem[]): boolean {
  const path = `$.${key}`
  return problems.some((p) => p.path === path || p.path.startsWith(`${path}[`))
}

function emptied(key: ListKey, expected: string, received: string): Problem {
  return { path: `$.${key}`, kind: 'emptied-list', expected, received, dropped: false }
}

/**
 * Lists of an accepted index that came out empty only because every item (or the list itself) was
 * dropped. For the validator, which has no held copy: a box that holds one refuses this file.
 */
export function listsEmptiedByDrops(index: FeedIndex, problems: readonly Problem[]): Problem[] {
  const out: Problem[] = []
  for (const key of LISTS) {
    if (index[key].length === 0 && droppedIn(key, problems)) out.push(emptied(key, '≥1', '0'))
  }
  return out
}

/**
 * Why `incoming` must not replace `held` (none: it may). `regionCode` is the box's own, from settings: it,
 * not the held copy, says which county this box belongs to. `problems` are the incoming document's own.
 */
export function refuseReplacement(
  held: FeedIndex | undefined,
  incoming: FeedIndex,
  problems: readonly Problem[],
  regionCode: string,
): Problem[] {
  const out: Problem[] = []
  // Compared as written: division codes of different lengths name different places, and settings and feed
  // are both checked to be digits only.
  if (incoming.region.code !== regionCode) {
    out.push({ path: '$.region.code', kind: 'region-mismatch', expected: regionCode, received: incoming.region.code, dropped: false })
  }
  if (!held) return out
  const heldAt = Date.parse(held.generatedAt)
  const incomingAt = Date.parse(incoming.generatedAt)
  // The same instant is a republished copy (an ETag change alone); only an earlier one is going back.
  if (incomingAt < heldAt) {
    out.push({ path: '$.generatedAt', kind: 'older-than-held', expected: held.generatedAt, received: incoming.generatedAt, dropped: false })
  }
  for (const key of LISTS) {
    if (held[key].length === 0 || incoming[key].length > 0) continue
    if (key === 'alerts' && !droppedIn(key, problems)) continue
    out.push(emptied(key, String(held[key].length), '0'))
  }
  return out
}
