/**
 * 村务公开: the index.json of the household's own township and village (v1/regions/{code}/index.json), kept
 * beside the county's. Each is an ordinary FeedRepository at its own division code, so it keeps exactly the
 * county index's rules: the cached copy at once, conditional refreshes in the background, the last good copy
 * kept when a refresh is bad, refusals (emptied list, another region's code, older copy) reported, the region
 * checked against the code asked for. A place without a feed (the county index does not say `feed: true`), or
 * whose feed is missing or unreachable, adds nothing: the county's notices are shown alone, quietly, and the
 * status says why (关于本机). No Lightning imports.
 */
import type { MyPlace, PlaceRef } from '../config/myPlace'
import { FeedRepository, type DetailResult, type FeedStatus, type RepositoryDeps } from './repository'
import type { FeedIndex, NoticeDetail, NoticeSummary } from './schema'
import { orderNotices } from './selectors'

export type LocalLevel = 'township' | 'village'

/** One local place as 关于本机 reports it. */
export interface LocalSource {
  place: PlaceRef
  level: LocalLevel
  /** 'no-feed': the county index does not list a feed for it; otherwise the repository's phase. */
  state: 'no-feed' | FeedStatus['phase']
  status?: FeedStatus
}

export interface LocalFeedsStatus {
  place: MyPlace | undefined
  sources: LocalSource[]
}

/** A notice with the place it comes from; `from` is absent for the county's own. */
export type SourcedNotice = NoticeSummary & { from?: PlaceRef }

type Listener = (status: LocalFeedsStatus) => void

interface Held {
  place: PlaceRef
  level: LocalLevel
  repository: FeedRepository | undefined
  stop: () => void
}

/** Whether the county index lists a feed for this township or village. */
function publishes(county: FeedIndex | undefined, place: MyPlace, level: LocalLevel): boolean {
  const township = county?.townships.find((t) => t.code === place.township.code)
  if (!township) return false
  if (level === 'township') return township.feed === true
  return township.villages?.find((v) => v.code === place.village?.code)?.feed === true
}

export class LocalFeeds {
  private place: MyPlace | undefined
  private held: Held[] = []
  private readonly listeners = new Set<Listener>()

  /** `deps` are the county repository's (settings, http, cache, timers); only the region code differs. */
  constructor(private readonly deps: RepositoryDeps) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    const status = this.status()
    for (const listener of this.listeners) listener(status)
  }

  status(): LocalFeedsStatus {
    return {
      place: this.place,
      sources: this.held.map((h) => ({
        place: h.place,
        level: h.level,
        state: h.repository ? h.repository.status().phase : 'no-feed',
        ...(h.repository ? { status: h.repository.status() } : {}),
      })),
    }
  }

  /**
   * Follows the household's place against the county index on screen: starts the feeds it lists, stops
   * those no longer wanted. Called on every county update; nothing restarts while the wish is the same.
   */
  follow(place: MyPlace | undefined, county: FeedIndex | undefined): void {
    const wanted: { place: PlaceRef; level: LocalLevel; feed: boolean }[] = []
    if (place?.village) wanted.push({ place: place.village, level: 'village', feed: publishes(county, place, 'village') })
    if (place) wanted.push({ place: place.township, level: 'township', feed: publishes(county, place, 'township') })
    const same =
      wanted.length === this.held.length &&
      wanted.every((w, i) => {
        const h = this.held[i]
        return h !== undefined && h.place.code === w.place.code && (h.repository !== undefined) === w.feed
      })
    this.place = place
    if (same) return
    for (const h of this.held) h.stop()
    this.held = wanted.map((w) => this.hold(w.place, w.level, w.feed))
    this.emit()
  }

  private hold(place: PlaceRef, level: LocalLevel, feed: boolean): Held {
    if (!feed) return { place, level, repository: undefined, stop: () => undefined }
    const { indexHint: _countyOnly, ...rest } = this.deps
    const repository = new FeedRepository({ ...rest, settings: { ...this.deps.settings, regionCode: place.code } })
    const unsubscribe = repository.subscribe(() => this.emit())
    void repository.start()
    const stopRefresh = repository.startBackgroundRefresh()
    return {
      place,
      level,
      repository,
      stop: () => {
        unsubscribe()
        stopRefresh()
      },
    }
  }

  /** The local indexes that have something to show, village first. */
  indexes(): { place: PlaceRef; level: LocalLevel; index: FeedIndex }[] {
    const out: { place: PlaceRef; level: LocalLevel; index: FeedIndex }[] = []
    for (const h of this.held) {
      const index = h.repository?.index()
      if (index) out.push({ place: h.place, level: h.level, index })
    }
    return out
  }

  /** A local notice's document, from its own region folder and cache; 'not-found' for a place not held. */
  notice(code: string, id: string): Promise<DetailResult<NoticeDetail>> {
    const repository = this.held.find((h) => h.place.code === code)?.repository
    if (!repository) return Promise.resolve({ ok: false, reason: 'not-found', problems: [] })
    return repository.notice(id)
  }

  stop(): void {
    for (const h of this.held) h.stop()
    this.held = []
  }
}

/**
 * The county's notices with the township's and village's beside them, each local one labelled with its place,
 * ordered as the county's are (pinned first, then newest). A local notice keeps its own id: ids are unique
 * only within one region, so the place's code goes with it (noticeRoute).
 */
export function mergeNotices(
  county: readonly NoticeSummary[],
  locals: readonly { place: PlaceRef; index: FeedIndex }[],
  now: number,
): SourcedNotice[] {
  const all: SourcedNotice[] = county.slice()
  for (const local of locals) {
    // A page number belongs to the county's leaflet: a local notice never takes one.
    for (const n of local.index.notices) {
      const { pageNo: _county, ...rest } = n
      all.push({ ...rest, from: local.place })
    }
  }
  return orderNotices(all, now) as SourcedNotice[]
}

/** The county index with the local notices merged in: what Home and 通知公告 show. */
export function withLocalNotices(county: FeedIndex, locals: readonly { place: PlaceRef; index: FeedIndex }[], now: number): FeedIndex {
  if (locals.length === 0) return county
  return { ...county, notices: mergeNotices(county.notices, locals, now) }
}

/** The route that opens a notice: a local one under its place's code. */
export function noticeRoute(notice: SourcedNotice): string {
  return notice.from ? `places/${notice.from.code}/notices/${notice.id}` : `notices/${notice.id}`
}

/** The label put before a local notice's meta line and read aloud: 石门村. */
export function sourceOf(notice: NoticeSummary): string | undefined {
  return (notice as SourcedNotice).from?.name
}

/**
 * Home's few newest rows: the first `count` of the ordered list, except that when none of the `visible`
 * rows on screen is the household's own (pinned county notices can fill Home's two or three rows for
 * weeks), the newest township or village notice takes the last visible row and the rest move down, so the
 * place the household chose is never hidden from Home.
 */
export function latestNotices(ordered: readonly NoticeSummary[], count: number, visible = count): SourcedNotice[] {
  const all = ordered as readonly SourcedNotice[]
  const head = all.slice(0, Math.max(0, count))
  const shown = Math.max(1, Math.min(visible, head.length))
  if (head.length === 0 || head.slice(0, shown).some((n) => n.from)) return head
  const local = all.find((n) => n.from)
  if (!local) return head
  const rest = head.filter((n) => n !== local)
  return [...rest.slice(0, shown - 1), local, ...rest.slice(shown - 1)].slice(0, count)
}
