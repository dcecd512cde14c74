/**
 * A draft feed as a set of files: which document each file is, where it belongs in the feed layout
 * (`v1/regions/{code}/index.json`, `notices/{id}.json`, `guides/{id}.json`), and every problem in it,
 * including the ones between files (a notice in the index without its detail file).
 *
 * Shared by `npm run validate` (scripts/validate-feed.ts) and the editors' preview page, so both say the
 * same thing about the same draft. Plain TypeScript: no Lightning, no DOM, no Node.
 */
import {
  parseFaqEntry,
  parseFaqSearch,
  parseFaqTopic,
  parseGuideDetail,
  parseIndex,
  parseJson,
  parseNoticeDetail,
  type Problem,
} from '../feed/document'
import { listsEmptiedByDrops } from '../feed/indexGuard'
import { uniqueProblems } from './problemText'
import { faqPaths, feedPaths } from '../feed/feedUrls'

/** 常见问题 documents (issue 12): a topic's questions, the search shard, one answer. */
export type FaqDocKind = 'faq-topic' | 'faq-search' | 'faq-entry'
export type DocKind = 'index' | 'notice' | 'guide' | FaqDocKind
export const DOC_KINDS: readonly DocKind[] = ['index', 'notice', 'guide', 'faq-topic', 'faq-search', 'faq-entry']

export interface DraftFile {
  /** How the file is named to the person: a path on disk, a name inside a zip, a URL. */
  name: string
  text: string
  /** Where the file sits in the feed, e.g. `v1/regions/431025/notices/n1.json`, when known. */
  feedPath?: string
}

export interface FileReport {
  name: string
  feedPath?: string
  kind?: DocKind
  /** The parsed document's id (notice, guide) or region code (index). */
  id?: string
  regionCode?: string
  /** The document was accepted (possibly with dropped items). */
  ok: boolean
  /**
   * Ids of the notices and guides an accepted index keeps (after dropping bad items), its 常见问题 topics,
   * and the questions an accepted topic shard keeps.
   */
  listed?: { notices: Set<string>; guides: Set<string>; faq?: Set<string>; questions?: Set<string> }
  problems: Problem[]
}

interface LayoutPlace {
  regionCode: string
  kind: DocKind
  /** File-name id for notices and guides. */
  id?: string
}

const LAYOUT = /(?:^|\/)(v1\/regions\/([^/]+)\/(?:index\.json|(notices|guides)\/([^/]+)\.json))$/
/** 常见问题: `faq/topics/{id}.json`, `faq/search.json`, `faq/entries/{id}.json`. */
const FAQ_LAYOUT = /(?:^|\/)(v1\/regions\/([^/]+)\/faq\/(?:search\.json|(topics|entries)\/([^/]+)\.json))$/

/** The feed-relative path (`v1/regions/…`) inside a longer path, with forward slashes. */
export function feedPathOf(path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/')
  return LAYOUT.exec(slashed)?.[1] ?? FAQ_LAYOUT.exec(slashed)?.[1]
}

function placeOf(feedPath: string): LayoutPlace | undefined {
  const faq = FAQ_LAYOUT.exec(feedPath)
  if (faq) {
    const regionCode = faq[2] ?? ''
    if (!faq[3]) return { regionCode, kind: 'faq-search' }
    return { regionCode, kind: faq[3] === 'topics' ? 'faq-topic' : 'faq-entry', id: faq[4] ?? '' }
  }
  const match = LAYOUT.exec(feedPath)
  if (!match) return undefined
  const regionCode = match[2] ?? ''
  if (!match[3]) return { regionCode, kind: 'index' }
  return { regionCode, kind: match[3] === 'notices' ? 'notice' : 'guide', id: match[4] ?? '' }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Which document a parsed value looks like: `region` with lists → index; `body` → notice;
 * `materials` / `targets` → guide. Undefined when it looks like none of them.
 */
export function detectKind(value: unknown): DocKind | undefined {
  if (!isRecord(value)) return undefined
  const lists = ['alerts', 'notices', 'guides', 'hotlines', 'videos']
  if ('region' in value && (lists.some((k) => k in value) || isRecord(value.region))) return 'index'
  if ('answer' in value) return 'faq-entry'
  if ('questions' in value) return 'topic' in value ? 'faq-topic' : 'faq-search'
  if ('body' in value || 'attachments' in value || 'indexNo' in value) return 'notice'
  if ('materials' in value || 'targets' in value || 'conditions' in value || 'steps' in value) return 'guide'
  if ('publisher' in value || 'publishedAt' in value) return 'notice'
  if ('department' in value || 'code' in value) return 'guide'
  return undefined
}

/** The kind a file name hints at: `…/notices/x.json`, `…/guides/x.json`, `index.json`. */
export function kindFromName(name: string): DocKind | undefined {
  const path = name.replace(/\\/g, '/')
  if (/(?:^|\/)notices\/[^/]+\.json$/.test(path)) return 'notice'
  if (/(?:^|\/)guides\/[^/]+\.json$/.test(path)) return 'guide'
  if (/(?:^|\/)index\.json$/.test(path)) return 'index'
  if (/(?:^|\/)faq\/topics\/[^/]+\.json$/.test(path)) return 'faq-topic'
  if (/(?:^|\/)faq\/search\.json$/.test(path)) return 'faq-search'
  if (/(?:^|\/)faq\/entries\/[^/]+\.json$/.test(path)) return 'faq-entry'
  return undefined
}

const PARSERS = {
  index: parseIndex,
  notice: parseNoticeDetail,
  guide: parseGuideDetail,
  'faq-topic': parseFaqTopic,
  'faq-search': parseFaqSearch,
  'faq-entry': parseFaqEntry,
} as const

/** Where a document of `kind` with `id` sits inside its region's folder, e.g. `notices/n1.json`. */
function placeInRegion(kind: Exclude<DocKind, 'index'>, id: string): string {
  if (kind === 'notice') return `notices/${id}.json`
  if (kind === 'guide') return `guides/${id}.json`
  if (kind === 'faq-topic') return `faq/topics/${id}.json`
  if (kind === 'faq-entry') return `faq/entries/${id}.json`
  return 'faq/search.json'
}

/** Parses one file as `kind` (or the kind it looks like) and lists its problems. */
export function checkFile(file: DraftFile, kind?: DocKind): FileReport {
  const json = parseJson(file.text)
  const report: FileReport = { name: file.name, ok: false, problems: [] }
  if (file.feedPath) report.feedPath = file.feedPath
  if (!json.ok) {
    report.problems.push(json.problem)
    const hinted = kind ?? (file.feedPath ? placeOf(file.feedPath)?.kind : undefined) ?? kindFromName(file.name)
    if (hinted) report.kind = hinted
    return report
  }
  const chosen =
    kind ??
    (file.feedPath ? placeOf(file.feedPath)?.kind : undefined) ??
    detectKind(json.value) ??
    kindFromName(file.name)
  if (!chosen) {
    report.problems.push({ path: '$', kind: 'unknown-kind', dropped: false })
    return report
  }
  report.kind = chosen
  const parsed = PARSERS[chosen](json.value)
  report.ok = parsed.ok
  report.problems.push(...uniqueProblems(parsed.problems))
  if (parsed.ok) {
    const value = parsed.value
    if ('region' in value) {
      // Accepted here, but refused by every box that already holds items in that list.
      report.problems.push(...listsEmptiedByDrops(value, parsed.problems))
      report.regionCode = value.region.code
      report.listed = {
        notices: new Set(value.notices.map((n) => n.id)),
        guides: new Set(value.guides.map((g) => g.id)),
        ...(value.faq ? { faq: new Set(value.faq.map((t) => t.id)) } : {}),
      }
    } else if ('questions' in value) {
      // A topic shard is named by its topic; the search shard has no name of its own.
      if ('topic' in value) {
        report.id = value.topic
        report.listed = { notices: new Set(), guides: new Set(), questions: new Set(value.questions.map((q) => q.id)) }
      }
    } else {
      report.id = value.id
    }
  } else if (isRecord(json.value)) {
    // Rejected, but the id or region may still be readable: the cross-file checks use it.
    const raw = json.value
    if (chosen === 'index' && isRecord(raw.region) && typeof raw.region.code === 'string') {
      report.regionCode = raw.region.code
    } else if (chosen === 'faq-topic' && typeof raw.topic === 'string') {
      report.id = raw.topic
    } else if (chosen !== 'index' && chosen !== 'faq-search' && typeof raw.id === 'string') {
      report.id = raw.id
    }
  }
  return report
}

/** Ids listed in an index or shard, with their position in the raw array (the path editors see). */
function listedIds(text: string, key: 'notices' | 'guides' | 'faq' | 'questions'): { id: string; index: number }[] {
  const json = parseJson(text)
  if (!json.ok || !isRecord(json.value)) return []
  const list = json.value[key]
  if (!Array.isArray(list)) return []
  const out: { id: string; index: number }[] = []
  list.forEach((item: unknown, index) => {
    if (isRecord(item) && typeof item.id === 'string') out.push({ id: item.id, index })
  })
  return out
}

/**
 * Checks every file, then what can only be seen across files of the feed layout: the region folder
 * matches the index's region, each notice and guide of an index has its detail file, each detail file's
 * id matches its name, and (as a note) detail files that no index lists.
 */
export function checkDraft(files: readonly DraftFile[], kind?: DocKind): FileReport[] {
  const reports = files.map((file) => {
    const place = file.feedPath ? placeOf(file.feedPath) : undefined
    return checkFile(file, place ? place.kind : kind)
  })
  const byFeedPath = new Map<string, FileReport>()
  reports.forEach((report) => {
    if (report.feedPath) byFeedPath.set(report.feedPath, report)
  })
  const listed = new Set<string>()

  files.forEach((file, i) => {
    const report = reports[i]
    if (!report || !file.feedPath) return
    const place = placeOf(file.feedPath)
    if (!place) return
    const folder = feedPaths(place.regionCode).region
    if (place.kind === 'index') {
      if (report.regionCode !== undefined && report.regionCode !== place.regionCode) {
        report.problems.push({
          path: '$.region.code',
          kind: 'region-mismatch',
          expected: place.regionCode,
          received: report.regionCode,
          dropped: false,
        })
      }
      const kept = report.listed
      if (!report.ok || !kept) return
      for (const key of ['notices', 'guides'] as const) {
        checkListed(file.text, key, kept[key], (id) => `${folder}/${key}/${id}.json`, byFeedPath, listed, report)
      }
      if (kept.faq) checkListed(file.text, 'faq', kept.faq, (id) => faqPaths(place.regionCode).topic(id), byFeedPath, listed, report)
    } else if (place.kind !== 'faq-search' && report.id !== undefined && report.id !== place.id) {
      report.problems.push({
        path: place.kind === 'faq-topic' ? '$.topic' : '$.id',
        kind: 'id-mismatch',
        expected: placeInRegion(place.kind, report.id),
        received: report.id,
        dropped: false,
      })
    }
    // A topic shard's questions each have their answer file.
    if (place.kind === 'faq-topic' && report.ok && report.listed?.questions) {
      checkListed(file.text, 'questions', report.listed.questions, (id) => faqPaths(place.regionCode).entry(id), byFeedPath, listed, report)
    }
  })
  const topicShardGiven = reports.some((r) => r.kind === 'faq-topic')

  // A detail file nobody lists is only worth a note when its region's index was given.
  files.forEach((file, i) => {
    const report = reports[i]
    if (!report || !file.feedPath) return
    const place = placeOf(file.feedPath)
    if (!place || place.kind === 'index') return
    if (place.kind === 'faq-search' || (place.kind === 'faq-entry' && !topicShardGiven)) return
    const index = byFeedPath.get(feedPaths(place.regionCode).index)
    if (!index || !index.ok || listed.has(file.feedPath)) return
    report.problems.push({ path: '$', kind: 'orphan', received: placeInRegion(place.kind, place.id ?? ''), dropped: true })
  })
  return reports
}

/**
 * Each id an accepted document keeps in `key` has its file (`fileOf`) among the draft's: a missing one is
 * reported at the id's raw position; a found one counts as listed (not an orphan). Items the box drops are
 * already reported; their files are not looked for.
 */
function checkListed(
  text: string,
  key: 'notices' | 'guides' | 'faq' | 'questions',
  kept: Set<string>,
  fileOf: (id: string) => string,
  byFeedPath: Map<string, FileReport>,
  listed: Set<string>,
  report: FileReport,
): void {
  for (const { id, index } of listedIds(text, key)) {
    const path = fileOf(id)
    if (!kept.has(id) || listed.has(path)) continue
    listed.add(path)
    if (!byFeedPath.has(path)) {
      report.problems.push({ path: `$.${key}[${index}].id`, kind: 'missing-detail', received: path.replace(/^v1\/regions\/[^/]+\//, ''), dropped: true })
    }
  }
}

/**
 * Gives loose files (picked one by one, dropped, or fetched) their place in the feed layout. Files whose
 * name already contains `v1/regions/…` keep it; the others are placed by what they contain: an index
 * under its region, notices and guides under the region of the index among the files, else `fallbackRegion`.
 */
export function placeFiles(files: readonly DraftFile[], fallbackRegion: string): DraftFile[] {
  const parsed = files.map((file) => {
    const json = parseJson(file.text)
    const value = json.ok ? json.value : undefined
    return { file, value, kind: feedPathOf(file.name) ? undefined : (detectKind(value) ?? kindFromName(file.name)) }
  })
  let region = fallbackRegion
  for (const { file, value, kind } of parsed) {
    const existing = feedPathOf(file.name)
    if (existing) {
      const place = placeOf(existing)
      if (place?.kind === 'index') region = place.regionCode
      continue
    }
    if (kind === 'index' && isRecord(value) && isRecord(value.region) && typeof value.region.code === 'string') {
      region = value.region.code
    }
  }
  return parsed.map(({ file, value, kind }) => {
    const existing = feedPathOf(file.name)
    if (existing) return { ...file, feedPath: existing }
    if (kind === 'index') {
      const code = isRecord(value) && isRecord(value.region) && typeof value.region.code === 'string' ? value.region.code : region
      return { ...file, feedPath: feedPaths(code).index }
    }
    if (kind === 'notice' || kind === 'guide' || kind === 'faq-topic' || kind === 'faq-entry') {
      const base = file.name.replace(/\\/g, '/').replace(/^.*\//, '').replace(/\.json$/i, '')
      const named = kind === 'faq-topic' ? (isRecord(value) ? value.topic : undefined) : isRecord(value) ? value.id : undefined
      const id = typeof named === 'string' && named ? named : base
      const paths = feedPaths(region)
      const faq = faqPaths(region)
      const feedPath = kind === 'notice' ? paths.notice(id) : kind === 'guide' ? paths.guide(id) : kind === 'faq-topic' ? faq.topic(id) : faq.entry(id)
      return { ...file, feedPath }
    }
    if (kind === 'faq-search') return { ...file, feedPath: faqPaths(region).search }
    return { ...file }
  })
}

/** The region code(s) of the index files among placed files. */
export function draftRegions(files: readonly DraftFile[]): string[] {
  const codes = new Set<string>()
  for (const file of files) {
    const place = file.feedPath ? placeOf(file.feedPath) : undefined
    if (place) codes.add(place.regionCode)
  }
  return [...codes]
}

/** The map the app's draft transport answers from: feed path → text. */
export function draftFileMap(files: readonly DraftFile[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const file of files) if (file.feedPath) out[file.feedPath] = file.text
  return out
}
