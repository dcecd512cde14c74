/**
 * Reads feed documents: whole documents are accepted or rejected, array items one by one,
 * so one bad notice costs that notice and never the screen.
 */
import * as v from 'valibot'
import { compactNotices } from './compactNotices'
import {
  AlertSchema,
  AttachmentSchema,
  BlockSchema,
  CollectionSchema,
  FaqEntryEnvelopeSchema,
  FaqQuestionSchema,
  FaqSearchEnvelopeSchema,
  FaqSearchItemSchema,
  FaqTopicEnvelopeSchema,
  FaqTopicSchema,
  GuideDetailSchema,
  GuideSummarySchema,
  HotlineSchema,
  IndexEnvelopeSchema,
  LIMITS,
  NoticeEnvelopeSchema,
  NoticeSummarySchema,
  PollAnswerSchema,
  PollResultsSchema,
  PollSchema,
  TownshipSchema,
  ProgressSchema,
  SCHEMA_MAJOR,
  type Collection,
  VideoSchema,
  type Poll,
  type PollAnswer,
  type PollResults,
  type FaqEntry,
  type FaqSearchShard,
  type FaqTopicShard,
  type FeedIndex,
  type GuideDetail,
  type NoticeDetail,
  type Progress,
} from './schema'

/** One thing wrong in a feed, with where it is and what was expected. Worded for editors by src/editor/problemText.ts. */
export interface Problem {
  /** JSON path such as `$.notices[3].title`. */
  path: string
  /** What kind of check failed: a valibot issue type (`string`, `max_length`, `regex` …) or one of ours. */
  kind: string
  expected?: string
  received?: string
  /** True when the problem dropped an item; false when the whole document was rejected. */
  dropped: boolean
}

/** Why a document was refused. A document too large to read is `not-json` too: it is never parsed. */
export type RejectReason = 'not-json' | 'not-object' | 'version' | 'envelope'

export type Parsed<T> =
  | { ok: true; value: T; problems: Problem[] }
  | { ok: false; reason: RejectReason; problems: Problem[] }

type PathItem = { key: unknown }

function joinPath(base: string, items: readonly PathItem[] | undefined): string {
  let out = base
  for (const item of items ?? []) {
    out += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`
  }
  return out
}

/** A value quoted in a problem, cut to LIMITS.receivedChars: problems are kept for the whole session. */
function cut(text: string): string {
  return text.length > LIMITS.receivedChars ? `${text.slice(0, LIMITS.receivedChars)}…` : text
}

/**
 * Any value as short JSON-like text for a problem: at most LIMITS.receivedChars characters and an ellipsis,
 * at most LIMITS.receivedDepth levels deep. JSON.stringify would overflow the stack on a value nested 5 000 deep
 * and copy a huge one whole.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  let out = ''
  const budget = LIMITS.receivedChars + 1
  const put = (piece: string): boolean => {
    out += piece
    return out.length < budget
  }
  const walk = (node: unknown, depth: number): boolean => {
    if (node === null || typeof node !== 'object') {
      if (typeof node === 'string') return put(JSON.stringify(node.length > budget ? node.slice(0, budget) : node))
      return put(node === null || typeof node === 'number' || typeof node === 'boolean' ? String(node) : typeof node)
    }
    if (depth >= LIMITS.receivedDepth) return put('…')
    const list = Array.isArray(node)
    if (!put(list ? '[' : '{')) return false
    if (list) {
      for (let i = 0; i < node.length; i++) {
        if (i > 0 && !put(',')) return false
        if (!walk(node[i], depth + 1)) return false
      }
    } else {
      let first = true
      for (const key of Object.keys(node)) {
        if (!first && !put(',')) return false
        first = false
        if (!put(`${JSON.stringify(key.length > budget ? key.slice(0, budget) : key)}:`)) return false
        if (!walk((node as Record<string, unknown>)[key], depth + 1)) return false
      }
    }
    return put(list ? ']' : '}')
  }
  walk(value, 0)
  return cut(out)
}

function toProblems(base: string, issues: readonly v.BaseIssue<unknown>[], dropped: boolean): Problem[] {
  // valibot reports the deepest failing check; one line per issue is what an editor needs.
  return issues.map((issue) => ({
    path: joinPath(base, issue.path as readonly PathItem[] | undefined),
    kind: issue.type === 'check' || issue.type === 'regex' ? issue.message : issue.type,
    expected: issue.expected ?? undefined,
    received: cut(issue.received),
    dropped,
  }))
}

/**
 * Parses JSON text; feeds arrive as text so that "not JSON" is a reason, not an exception. Text longer
 * than `maxChars` is refused unread (kind `too-large`); the default is the largest document's limit.
 */
export function parseJson(
  text: string,
  maxChars: number = LIMITS.indexChars,
): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  if (text.length > maxChars) {
    return { ok: false, problem: { path: '$', kind: 'too-large', expected: `<=${maxChars}`, received: String(text.length), dropped: false } }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const received = error instanceof Error ? error.message.slice(0, 120) : 'invalid JSON'
    return { ok: false, problem: { path: '$', kind: 'not-json', received, dropped: false } }
  }
}

/** An accepted item and its position in the feed's array, for problem paths. */
interface Indexed<T> {
  item: T
  at: number
}

const items = <T>(list: Indexed<T>[]): T[] => list.map((entry) => entry.item)

/** Validates each element of `raw[key]` on its own, keeping the good ones. */
function validItems<T extends v.GenericSchema>(
  raw: Record<string, unknown>,
  key: string,
  schema: T,
  max: number,
  problems: Problem[],
  base = '$',
): Indexed<v.InferOutput<T>>[] {
  const list = raw[key]
  const path = `${base}.${key}`
  if (list === undefined) return []
  if (!Array.isArray(list)) {
    problems.push({ path, kind: 'array', expected: 'Array', received: typeof list, dropped: true })
    return []
  }
  if (list.length > max) {
    problems.push({ path, kind: 'too-many', expected: String(max), received: String(list.length), dropped: true })
  }
  const out: Indexed<v.InferOutput<T>>[] = []
  const count = Math.min(list.length, max)
  for (let i = 0; i < count; i++) {
    const result = v.safeParse(schema, list[i])
    if (result.success) out.push({ item: result.output, at: i })
    else problems.push(...toProblems(`${path}[${i}]`, result.issues, true))
  }
  return out
}

/** Ids must be unique inside a list: a second item with the same id is dropped. */
function uniqueById<T extends { id: string }>(items: Indexed<T>[], path: string, problems: Problem[]): T[] {
  const seen = new Set<string>()
  const kept: T[] = []
  for (const { item, at } of items) {
    if (seen.has(item.id)) {
      problems.push({ path: `${path}[${at}].id`, kind: 'duplicate-id', received: item.id, dropped: true })
      continue
    }
    seen.add(item.id)
    kept.push(item)
  }
  return kept
}

type Envelope =
  | { ok: true; raw: Record<string, unknown> }
  | { ok: false; reason: RejectReason; problems: Problem[] }

function checkEnvelope(input: unknown, maxChars: number): Envelope {
  const json = typeof input === 'string' ? parseJson(input, maxChars) : { ok: true as const, value: input }
  if (!json.ok) return { ok: false, reason: 'not-json', problems: [json.problem] }
  const raw = json.value
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const received = Array.isArray(raw) ? 'Array' : raw === null ? 'null' : typeof raw
    return {
      ok: false,
      reason: 'not-object',
      problems: [{ path: '$', kind: 'object', expected: 'Object', received, dropped: false }],
    }
  }
  const record = raw as Record<string, unknown>
  const version = record.schemaVersion
  if (typeof version !== 'number' || Math.floor(version) !== SCHEMA_MAJOR) {
    const problem: Problem = {
      path: '$.schemaVersion',
      kind: 'version',
      expected: `${SCHEMA_MAJOR}.x`,
      received: describeValue(version),
      dropped: false,
    }
    return { ok: false, reason: 'version', problems: [problem] }
  }
  return { ok: true, raw: record }
}

/** The first of two places with one code wins (a picker must not show the same township twice). */
function uniqueByCode<T extends { code: string }>(list: T[]): T[] {
  const seen = new Set<string>()
  return list.filter((t) => (seen.has(t.code) ? false : (seen.add(t.code), true)))
}

/** index.json: the region, alerts, notice and guide summaries, hotlines, videos. */
export function parseIndex(input: unknown): Parsed<FeedIndex> {
  const envelope = checkEnvelope(input, LIMITS.indexChars)
  if (!envelope.ok) return envelope
  const { raw } = envelope
  const head = v.safeParse(IndexEnvelopeSchema, raw)
  if (!head.success) {
    return { ok: false, reason: 'envelope', problems: toProblems('$', head.issues, false) }
  }
  const problems: Problem[] = []
  const alerts = uniqueById(validItems(raw, 'alerts', AlertSchema, LIMITS.alerts, problems), '$.alerts', problems)
  const notices = compactNotices(
    uniqueById(validItems(raw, 'notices', NoticeSummarySchema, LIMITS.notices, problems), '$.notices', problems),
  )
  const guides = uniqueById(
    validItems(raw, 'guides', GuideSummarySchema, LIMITS.guides, problems),
    '$.guides',
    problems,
  )
  const hotlines = items(validItems(raw, 'hotlines', HotlineSchema, LIMITS.hotlines, problems))
  const found = validItems(raw, 'collections', CollectionSchema, LIMITS.collections, problems)
  // Id sets of 20 000 notices only when there is a collection to check against them.
  const ids = found.length > 0 ? { notice: knownIds(raw.notices, notices), guide: knownIds(raw.guides, guides) } : undefined
  const collections = uniqueById(
    found.map(({ item, at }) => ({ item: ids ? knownItemsOnly(item, at, ids, problems) : item, at })),
    '$.collections',
    problems,
  )
  const videos = uniqueById(validItems(raw, 'videos', VideoSchema, LIMITS.videos, problems), '$.videos', problems)
  const polls = readPolls(raw, problems)
  const faq = uniqueById(validItems(raw, 'faq', FaqTopicSchema, LIMITS.faqTopics, problems), '$.faq', problems)
  const townships = uniqueByCode(items(validItems(raw, 'townships', TownshipSchema, LIMITS.townships, problems)))
  const value: FeedIndex = { ...head.output, alerts, notices, guides, hotlines, collections, videos, polls, faq, townships }
  problems.push(...releaseDuplicatePageNumbers(value))
  return { ok: true, value, problems }
}

/**
 * polls[] item by item, then two rules JSON Schema cannot say, each costing that poll only: its options'
 * ids must differ (an answer names one option), and it must close after it opens. Then ids are unique.
 */
function readPolls(raw: Record<string, unknown>, problems: Problem[]): Poll[] {
  const found = validItems(raw, 'polls', PollSchema, LIMITS.polls, problems)
  const kept = found.filter(({ item, at }) => {
    const seen = new Set<string>()
    for (let i = 0; i < item.options.length; i++) {
      const id = item.options[i]?.id ?? ''
      if (seen.has(id)) {
        problems.push({ path: `$.polls[${at}].options[${i}].id`, kind: 'duplicate-option', received: id, dropped: true })
        return false
      }
      seen.add(id)
    }
    if (Date.parse(item.closesAt) <= Date.parse(item.opensAt)) {
      problems.push({ path: `$.polls[${at}].closesAt`, kind: 'closes-before-opens', expected: item.opensAt, received: item.closesAt, dropped: true })
      return false
    }
    return true
  })
  return uniqueById(kept, '$.polls', problems)
}

/**
 * For each id a collection may name: true when the index holds the item, false when the feed has it but
 * the reader dropped it (already reported once, so not again).
 */
function knownIds(rawList: unknown, kept: readonly { id: string }[]): Map<string, boolean> {
  const ids = new Map<string, boolean>()
  if (Array.isArray(rawList)) {
    for (const item of rawList) {
      const id = (item as { id?: unknown } | null)?.id
      if (typeof id === 'string') ids.set(id, false)
    }
  }
  for (const item of kept) ids.set(item.id, true)
  return ids
}

/** A collection item naming an id the index does not hold would open nothing: it is left out and reported. */
function knownItemsOnly(
  collection: Collection,
  at: number,
  ids: Record<Collection['items'][number]['kind'], Map<string, boolean>>,
  problems: Problem[],
): Collection {
  const items = collection.items.filter((item, i) => {
    const held = ids[item.kind].get(item.id)
    if (held === true) return true
    if (held === undefined) problems.push({ path: `$.collections[${at}].items[${i}].id`, kind: 'unknown-item', expected: `${item.kind}s`, received: item.id, dropped: true })
    return false
  })
  return items.length === collection.items.length ? collection : { ...collection, items }
}

/**
 * A page number must lead to one place: the first item (in the order notices, guides, videos, FAQ topics) keeps it, a later
 * one loses only its number and stays listed. Reported with the later item's path.
 */
function releaseDuplicatePageNumbers(index: FeedIndex): Problem[] {
  const problems: Problem[] = []
  const owners = new Map<string, string>()
  const release = <T extends { id: string; pageNo?: string }>(list: T[], key: string): T[] =>
    list.map((item, i) => {
      if (item.pageNo === undefined) return item
      const owner = owners.get(item.pageNo)
      if (owner === undefined) {
        owners.set(item.pageNo, `${key}/${item.id}`)
        return item
      }
      problems.push({ path: `$.${key}[${i}].pageNo`, kind: 'duplicate-page-no', expected: owner, received: item.pageNo, dropped: true })
      const rest = { ...item }
      delete rest.pageNo
      return rest
    })
  index.notices = release(index.notices, 'notices')
  index.guides = release(index.guides, 'guides')
  index.videos = release(index.videos, 'videos')
  index.faq = release(index.faq, 'faq')
  return problems
}

/** notices/{id}.json: the summary fields, then body blocks and attachments item by item. */
export function parseNoticeDetail(input: unknown): Parsed<NoticeDetail> {
  const envelope = checkEnvelope(input, LIMITS.detailChars)
  if (!envelope.ok) return envelope
  const { raw } = envelope
  const head = v.safeParse(NoticeEnvelopeSchema, raw)
  if (!head.success) {
    return { ok: false, reason: 'envelope', problems: toProblems('$', head.issues, false) }
  }
  const problems: Problem[] = []
  const body = items(validItems(raw, 'body', BlockSchema, LIMITS.bodyBlocks, problems))
  const attachments = items(validItems(raw, 'attachments', AttachmentSchema, LIMITS.attachments, problems))
  return { ok: true, value: { ...head.output, body, attachments }, problems }
}

/** A document validated whole: one bad field refuses it (reason `envelope`), with every problem by path. */
function parseWhole<T extends v.GenericSchema>(schema: T, input: unknown): Parsed<v.InferOutput<T>> {
  const result = v.safeParse(schema, input)
  if (!result.success) {
    return { ok: false, reason: 'envelope', problems: toProblems('$', result.issues, false) }
  }
  return { ok: true, value: result.output, problems: [] }
}

/** guides/{id}.json: one document, validated whole (a guide with a broken material list is not shown half). */
export function parseGuideDetail(input: unknown): Parsed<GuideDetail> {
  const envelope = checkEnvelope(input, LIMITS.detailChars)
  if (!envelope.ok) return envelope
  return parseWhole(GuideDetailSchema, envelope.raw)
}

// ---------------------------------------------------------------------------------------------------------
// 常见问题 (issue 12): shards and answers, read like notices (envelope whole, list items one by one).

/** A shard: its envelope whole, then `questions[]` one by one, ids unique. */
function parseQuestions<E extends v.GenericSchema, I extends v.GenericSchema<unknown, { id: string }>>(
  input: unknown,
  envelopeSchema: E,
  itemSchema: I,
): Parsed<v.InferOutput<E> & { questions: v.InferOutput<I>[] }> {
  const envelope = checkEnvelope(input, LIMITS.faqListChars)
  if (!envelope.ok) return envelope
  const head = v.safeParse(envelopeSchema, envelope.raw)
  if (!head.success) return { ok: false, reason: 'envelope', problems: toProblems('$', head.issues, false) }
  const problems: Problem[] = []
  const listed = validItems(envelope.raw, 'questions', itemSchema, LIMITS.faqQuestions, problems)
  return { ok: true, value: { ...(head.output as object), questions: uniqueById(listed, '$.questions', problems) } as v.InferOutput<E> & { questions: v.InferOutput<I>[] }, problems }
}

/** faq/topics/{id}.json: one topic's questions, without answers. */
export function parseFaqTopic(input: unknown): Parsed<FaqTopicShard> {
  return parseQuestions(input, FaqTopicEnvelopeSchema, FaqQuestionSchema)
}

/** faq/search.json: every topic's questions (id, topic, question, initials) for search across topics. */
export function parseFaqSearch(input: unknown): Parsed<FaqSearchShard> {
  return parseQuestions(input, FaqSearchEnvelopeSchema, FaqSearchItemSchema)
}

/** faq/entries/{id}.json: the question and its answer as notice body blocks, each block on its own. */
export function parseFaqEntry(input: unknown): Parsed<FaqEntry> {
  const envelope = checkEnvelope(input, LIMITS.detailChars)
  if (!envelope.ok) return envelope
  const head = v.safeParse(FaqEntryEnvelopeSchema, envelope.raw)
  if (!head.success) return { ok: false, reason: 'envelope', problems: toProblems('$', head.issues, false) }
  const problems: Problem[] = []
  const answer = items(validItems(envelope.raw, 'answer', BlockSchema, LIMITS.bodyBlocks, problems))
  return { ok: true, value: { ...head.output, answer }, problems }
}

/** The live progress answer has no schemaVersion: it is validated whole. */
export function parseProgress(input: unknown): Parsed<Progress> {
  return parseWhole(ProgressSchema, input)
}

/** A poll's live results (GET …/results, or the body of a 201): validated whole, like the progress answer. */
export function parsePollResults(input: unknown): Parsed<PollResults> {
  return parseWhole(PollResultsSchema, input)
}

/** The body a box POSTs with an answer, as a poll service (or a spec) reads it: `{ optionId }`, validated whole. */
export function parsePollAnswer(input: unknown): Parsed<PollAnswer> {
  return parseWhole(PollAnswerSchema, input)
}
