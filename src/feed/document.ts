/**
 * Reads feed documents: whole documents are accepted or rejected, array items one by one,
 * so one bad notice costs that notice and never the screen.
 */
import * as v from 'valibot'
import {
  AlertSchema,
  AttachmentSchema,
  BlockSchema,
  GuideDetailSchema,
  GuideSummarySchema,
  HotlineSchema,
  IndexEnvelopeSchema,
  LIMITS,
  NoticeEnvelopeSchema,
  NoticeSummarySchema,
  ProgressSchema,
  SCHEMA_MAJOR,
  type FeedIndex,
  type GuideDetail,
  type NoticeDetail,
  type Progress,
} from './schema'

/** One thing wrong in a feed, with where it is and what was expected. Formatted by problemText.ts. */
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

function toProblems(base: string, issues: readonly v.BaseIssue<unknown>[], dropped: boolean): Problem[] {
  // valibot reports the deepest failing check; one line per issue is what an editor needs.
  return issues.map((issue) => ({
    path: joinPath(base, issue.path as readonly PathItem[] | undefined),
    kind: issue.type === 'check' || issue.type === 'regex' ? issue.message : issue.type,
    expected: issue.expected ?? undefined,
    received: issue.received,
    dropped,
  }))
}

/** Parses JSON text; feeds arrive as text so that "not JSON" is a reason, not an exception. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
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

function checkEnvelope(input: unknown): Envelope {
  const json = typeof input === 'string' ? parseJson(input) : { ok: true as const, value: input }
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
      received: JSON.stringify(version) ?? 'undefined',
      dropped: false,
    }
    return { ok: false, reason: 'version', problems: [problem] }
  }
  return { ok: true, raw: record }
}

/** index.json: the region, alerts, notice and guide summaries, hotlines. */
export function parseIndex(input: unknown): Parsed<FeedIndex> {
  const envelope = checkEnvelope(input)
  if (!envelope.ok) return envelope
  const { raw } = envelope
  const head = v.safeParse(IndexEnvelopeSchema, raw)
  if (!head.success) {
    return { ok: false, reason: 'envelope', problems: toProblems('$', head.issues, false) }
  }
  const problems: Problem[] = []
  const alerts = uniqueById(validItems(raw, 'alerts', AlertSchema, LIMITS.alerts, problems), '$.alerts', problems)
  const notices = uniqueById(
    validItems(raw, 'notices', NoticeSummarySchema, LIMITS.notices, problems),
    '$.notices',
    problems,
  )
  const guides = uniqueById(
    validItems(raw, 'guides', GuideSummarySchema, LIMITS.guides, problems),
    '$.guides',
    problems,
  )
  const hotlines = items(validItems(raw, 'hotlines', HotlineSchema, LIMITS.hotlines, problems))
  return {
    ok: true,
    value: { ...head.output, alerts, notices, guides, hotlines },
    problems,
  }
}

/** notices/{id}.json: the summary fields, then body blocks and attachments item by item. */
export function parseNoticeDetail(input: unknown): Parsed<NoticeDetail> {
  const envelope = checkEnvelope(input)
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

/** guides/{id}.json: one document, validated whole (a guide with a broken material list is not shown half). */
export function parseGuideDetail(input: unknown): Parsed<GuideDetail> {
  const envelope = checkEnvelope(input)
  if (!envelope.ok) return envelope
  const result = v.safeParse(GuideDetailSchema, envelope.raw)
  if (!result.success) {
    return { ok: false, reason: 'envelope', problems: toProblems('$', result.issues, false) }
  }
  return { ok: true, value: result.output, problems: [] }
}

/** The live progress answer has no schemaVersion: it is validated whole. */
export function parseProgress(input: unknown): Parsed<Progress> {
  const result = v.safeParse(ProgressSchema, input)
  if (!result.success) {
    return { ok: false, reason: 'envelope', problems: toProblems('$', result.issues, false) }
  }
  return { ok: true, value: result.output, problems: [] }
}
