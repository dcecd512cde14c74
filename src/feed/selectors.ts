/** Pure views over the index that screens need: ordering, categories, live alerts. */
import type { Alert, AlertLevel, Collection, FeedIndex, GuideSummary, Hotline, NoticeSummary, VideoSummary } from './schema'

const LEVEL_ORDER: Record<AlertLevel, number> = { red: 0, orange: 1, yellow: 2, blue: 3, info: 4 }

/** Alerts still valid at `now`, most severe first. */
export function activeAlerts(index: FeedIndex, now: number): Alert[] {
  return index.alerts
    .filter((a) => Date.parse(a.validUntil) > now)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
}

function isCurrent(notice: NoticeSummary, now: number): boolean {
  return !notice.validUntil || Date.parse(notice.validUntil) > now
}

/**
 * Pinned first, then newest; a pinned notice past its validUntil is no longer pinned.
 * Sorting 10 000 notices happens once per index, not per key press: callers memoise.
 */
export function orderNotices(notices: readonly NoticeSummary[], now: number): NoticeSummary[] {
  const keyed = notices.map((n) => ({ n, pinned: n.pinned && isCurrent(n, now), t: Date.parse(n.publishedAt) }))
  keyed.sort((a, b) => (a.pinned === b.pinned ? b.t - a.t : a.pinned ? -1 : 1))
  return keyed.map((k) => k.n)
}

/** Categories in order of first appearance among the ordered notices. */
export function categoriesOf(items: readonly { category: string }[]): string[] {
  const seen: string[] = []
  for (const item of items) if (seen.indexOf(item.category) < 0) seen.push(item.category)
  return seen
}

/** `null` stands for "all". */
export function inCategory<T extends { category: string }>(items: readonly T[], category: string | null): T[] {
  return category === null ? items.slice() : items.filter((i) => i.category === category)
}

/** Guides grouped by life event where the feed gives one, else by category. */
export function guideGroupOf(guide: GuideSummary): string {
  return guide.lifeEvent ?? guide.category
}

export function newestNotices(index: FeedIndex, now: number, count: number): NoticeSummary[] {
  return orderNotices(index.notices, now).slice(0, count)
}

/** 12345 (the government service hotline) always comes first; the rest keep the feed's order. */
export function orderHotlines(hotlines: readonly Hotline[]): Hotline[] {
  const first = hotlines.filter((h) => h.phone.replace(/\D/g, '') === '12345')
  return [...first, ...hotlines.filter((h) => first.indexOf(h) < 0)]
}

/** Collections still valid at `now`: pinned first, otherwise in the feed's order. */
export function activeCollections(index: FeedIndex, now: number): Collection[] {
  const live = index.collections.filter((c) => !c.validUntil || Date.parse(c.validUntil) > now)
  return live.filter((c) => c.pinned).concat(live.filter((c) => !c.pinned))
}

/** One line of a collection, resolved against the index. */
export type CollectionEntry = { kind: 'notice'; item: NoticeSummary } | { kind: 'guide'; item: GuideSummary }

/** The collection's items that the index holds, in the collection's order; unknown ids are left out. */
export function collectionEntries(index: FeedIndex, collection: Collection): CollectionEntry[] {
  const notices = new Map(index.notices.map((n) => [n.id, n]))
  const guides = new Map(index.guides.map((g) => [g.id, g]))
  const out: CollectionEntry[] = []
  for (const ref of collection.items) {
    if (ref.kind === 'notice') {
      const item = notices.get(ref.id)
      if (item) out.push({ kind: 'notice', item })
    } else {
      const item = guides.get(ref.id)
      if (item) out.push({ kind: 'guide', item })
    }
  }
  return out
}

/** Where a page number leads: the route of the item that carries it. */
export function pageDirectory(index: FeedIndex): Map<string, string> {
  const pages = new Map<string, string>()
  // document.ts has already given each number to one item; the first still wins if a caller built its own index.
  const claim = (pageNo: string | undefined, route: string): void => {
    if (pageNo !== undefined && !pages.has(pageNo)) pages.set(pageNo, route)
  }
  for (const n of index.notices) claim(n.pageNo, `notices/${n.id}`)
  for (const g of index.guides) claim(g.pageNo, `guides/${g.id}`)
  for (const v of index.videos) claim(v.pageNo, `videos/${v.id}`)
  for (const topic of index.faq) claim(topic.pageNo, `faq/${topic.id}`)
  return pages
}

// ---- 政策解读 videos ---------------------------------------------------------------------------------------

/** The index's videos, newest first; none in a copy stored before the contract had videos. */
export function videosOf(index: FeedIndex | undefined): VideoSummary[] {
  const list = index?.videos ?? []
  return list
    .map((video, at) => ({ video, at, t: Date.parse(video.publishedAt) }))
    .sort((a, b) => b.t - a.t || a.at - b.at)
    .map((entry) => entry.video)
}

export function videoById(index: FeedIndex | undefined, id: string): VideoSummary | undefined {
  return (index?.videos ?? []).find((video) => video.id === id)
}

/** The newest video that names this notice or guide as related: what 看视频解读 opens. */
export function relatedVideo(index: FeedIndex | undefined, kind: 'notice' | 'guide', id: string): VideoSummary | undefined {
  return videosOf(index).find((video) => (kind === 'notice' ? video.relatedNotices : video.relatedGuides).indexOf(id) >= 0)
}
