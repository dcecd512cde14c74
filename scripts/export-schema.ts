/**
 * Writes docs/feed.schema.json (JSON Schema 2020-12) from the valibot schemas of src/feed/schema.ts,
 * the single source of truth. One `$defs` entry per document: index, notice, guide, progress, and the
 * poll API's two bodies, pollAnswer (what the box sends) and pollResults (what it reads), the
 * 常见问题 documents faq-topic, faq-search, faq-entry, and the
 * call-back request's body and answers (assistRequest, assistAccepted, assistClosed, assistInvalid).
 *
 *   npm run export-schema            # writes the file
 *   npm run export-schema -- --check # exits 1 when the committed file is out of date
 *
 * Times, URLs and "something visible" in texts are the reader's own patterns, lengths are code points as
 * the reader counts them, so a JSON Schema validator and the box agree (tests/unit/contract.spec.ts). What
 * JSON Schema cannot say is in `description`s and in docs/feed.md ("One contract for every tool"): texts are
 * measured after markup is removed, bad array items are dropped one by one, ids are unique in a list.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { toJsonSchema, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import {
  AlertSchema,
  AssistAcceptedSchema,
  AssistClosedSchema,
  AssistInvalidSchema,
  AssistRequestSchema,
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
  HTTP_URL_PATTERN,
  IndexEnvelopeSchema,
  INITIALS_PATTERN,
  LIMITS,
  NoticeEnvelopeSchema,
  NoticeSummarySchema,
  PollAnswerSchema,
  PollResultsSchema,
  PollSchema,
  TownshipSchema,
  ProgressSchema,
  SCHEMA_MAJOR,
  TIMESTAMP_PATTERN,
  VideoSchema,
  VISIBLE_TEXT_PATTERN,
} from '../src/feed/schema'

export const SCHEMA_FILE = fileURLToPath(new URL('../docs/feed.schema.json', import.meta.url))

const list = <T extends v.GenericSchema>(item: T, max: number) => v.optional(v.pipe(v.array(item), v.maxLength(max)))

/** The documents as a whole. The readers validate list items one by one (document.ts); here they are listed. */
const DOCUMENTS = {
  index: v.object({
    ...IndexEnvelopeSchema.entries,
    alerts: list(AlertSchema, LIMITS.alerts),
    notices: list(NoticeSummarySchema, LIMITS.notices),
    guides: list(GuideSummarySchema, LIMITS.guides),
    hotlines: list(HotlineSchema, LIMITS.hotlines),
    collections: list(CollectionSchema, LIMITS.collections),
    videos: list(VideoSchema, LIMITS.videos),
    polls: list(PollSchema, LIMITS.polls),
    faq: list(FaqTopicSchema, LIMITS.faqTopics),
    townships: list(TownshipSchema, LIMITS.townships),
  }),
  notice: v.object({
    ...NoticeEnvelopeSchema.entries,
    body: list(BlockSchema, LIMITS.bodyBlocks),
    attachments: list(AttachmentSchema, LIMITS.attachments),
  }),
  guide: GuideDetailSchema,
  progress: ProgressSchema,
  pollAnswer: PollAnswerSchema,
  pollResults: PollResultsSchema,
  'faq-topic': v.object({ ...FaqTopicEnvelopeSchema.entries, questions: list(FaqQuestionSchema, LIMITS.faqQuestions) }),
  'faq-search': v.object({ ...FaqSearchEnvelopeSchema.entries, questions: list(FaqSearchItemSchema, LIMITS.faqQuestions) }),
  'faq-entry': v.object({ ...FaqEntryEnvelopeSchema.entries, answer: list(BlockSchema, LIMITS.bodyBlocks) }),
  assistRequest: AssistRequestSchema,
  assistAccepted: AssistAcceptedSchema,
  assistClosed: AssistClosedSchema,
  assistInvalid: AssistInvalidSchema,
} as const

const TITLES: Record<keyof typeof DOCUMENTS, { title: string; description: string }> = {
  index: {
    title: 'index.json',
    description:
      'GET {feedBaseUrl}/v1/regions/{regionCode}/index.json — the region, urgent alerts, notice and guide summaries, hotlines, explainer videos (1.x). ' +
      'A document without a valid schemaVersion, generatedAt or region is rejected whole (boxes keep their last good copy); ' +
      'a bad item of alerts[], notices[], guides[], hotlines[], collections[], videos[] or polls[] is dropped on its own and reported, the rest is shown. ' +
      'Items past maxItems are dropped. An item whose id repeats an earlier one in the same list is dropped. ' +
      'pageNo is unique across notices[] and guides[] (JSON Schema cannot say so): a later item repeating a number keeps ' +
      'showing but loses the number, and the repeat is reported. collections[] items that name an id the index does not hold are skipped and reported (unknown-item). ' +
      'A poll whose options repeat an id (duplicate-option), or whose closesAt is not after its opensAt (closes-before-opens), is dropped and reported: JSON Schema cannot compare one field with another. ' +
      'townships[] (optional, a minor addition) lists the county\'s townships and their villages, for 村务公开 (feed: true says the place publishes its own index.json at its code) and for the call-back form\'s place picker; a bad township is dropped on its own.',
  },
  notice: {
    title: 'notices/{id}.json',
    description:
      'GET {feedBaseUrl}/v1/regions/{regionCode}/notices/{id}.json — a notice: the summary fields plus indexNo, body[] and attachments[]. ' +
      'The summary fields are required (the document is rejected without them); a bad body block or attachment is dropped on its own.',
  },
  guide: {
    title: 'guides/{id}.json',
    description:
      'GET {feedBaseUrl}/v1/regions/{regionCode}/guides/{id}.json — a service guide (办事指南). ' +
      'Validated whole: one bad field rejects the guide, because half a material list would mislead.',
  },
  progress: {
    title: 'progress answer',
    description:
      'POST {progressApiUrl}/v1/applications/lookup with the JSON body {"applicationNo": …, "code": …} (never in the URL), status 200. ' +
      '404: no such application; 403: wrong verification code; 429: too many tries (Retry-After); anything else: try later. ' +
      'Personal data: shown, never stored; the box masks the applicant again.',
  },
  pollAnswer: {
    title: 'poll answer (request body)',
    description:
      'POST {pollApiUrl}/v1/polls/{pollId}/answers with exactly this body and nothing else: no box id, no person, no region beyond the address; ' +
      'no cookies, Cache-Control: no-store. One attempt, no retries. ' +
      '201: counted (the body may be a pollResults document when the poll allows results); 409: the poll is closed or not open yet; ' +
      '429: too many answers just now (Retry-After); 400: unknown option or a body of another shape; anything else, or no answer within requestTimeoutMs: unavailable. ' +
      'The box remembers only that it answered the poll, never which option.',
  },
  pollResults: {
    title: 'poll results',
    description:
      'GET {pollApiUrl}/v1/polls/{pollId}/results, status 200 (also the optional body of a 201 to an answer): the count per option id. ' +
      'Asked only when the poll allows results (showResults) and the box has answered or the poll has closed. ' +
      'Options the poll does not have are ignored; an option left out counts 0. Not personal: a CDN may cache it briefly.',
  },
  'faq-topic': {
    title: 'faq/topics/{topicId}.json',
    description:
      'GET {feedBaseUrl}/v1/regions/{regionCode}/faq/topics/{topicId}.json — one 常见问题 topic of index.json faq[]: its questions without answers. ' +
      'The envelope (schemaVersion, topic, name) is required; a bad item of questions[] is dropped on its own, as is an item whose id repeats an earlier one.',
  },
  'faq-search': {
    title: 'faq/search.json',
    description:
      'GET {feedBaseUrl}/v1/regions/{regionCode}/faq/search.json — every topic\'s questions (id, topic, question, initials) for search across topics, read when 全部 is opened. ' +
      'Optional: without it boxes search inside the open topic. A bad item of questions[] is dropped on its own.',
  },
  'faq-entry': {
    title: 'faq/entries/{id}.json',
    description:
      'GET {feedBaseUrl}/v1/regions/{regionCode}/faq/entries/{id}.json — one 常见问题 answer: the question and the answer as notice body blocks. ' +
      'The question fields are required; a bad answer block is dropped on its own.',
  },
  assistRequest: {
    title: 'call-back request (请工作人员联系我)',
    description:
      'POST {assistApiUrl}/v1/assist-requests, the body the box sends: a request that staff call about a guide tagged 帮代办 or 上门办. ' +
      'phone is a mainland mobile (11 digits) or a landline with its area code and a dash; township and village are division codes from the index\'s townships[]. ' +
      'Personal data: never in the URL, never cached (Cache-Control: no-store), never stored on the box.',
  },
  assistAccepted: {
    title: 'call-back answer: accepted',
    description:
      '201 (or 200): the request was taken. referenceNo is shown large and read aloud; nextStep says in the service\'s words what happens next (the box has its own default).',
  },
  assistClosed: {
    title: 'call-back answer: closed today',
    description:
      '409 or 423 with this body (or a 200 / 201 whose body says status "closed"): no requests are taken today; message and reopensAt are shown when given.',
  },
  assistInvalid: {
    title: 'call-back answer: refused',
    description:
      '400: the request was refused; field names which part (phone, township, village …). Other answers: 429 with Retry-After (too many requests), anything else (5xx): unavailable.',
  },
}

const TEXT_NOTE =
  'Texts are plain text: the box removes HTML tags, script/style contents and comments, decodes common HTML entities (&amp; &lt; &nbsp; &ldquo; … and numeric ones), removes invisible characters (controls, bidi controls, zero-width characters) and surrounding spaces, then checks the length in code points; an empty result is an error. ' +
  'This schema checks a text as written: its pattern refuses a text of only invisible characters and spaces, its maxLength counts the raw text. ' +
  'So a text near its limit that carries markup may fail here and still be read by the box, and a text of only markup (<p></p>, &nbsp;) passes here and is refused by the box.'

const messageOf = (action: unknown): unknown => (action as { message?: unknown }).message

/**
 * The contract's named patterns (the `regex` checks of schema.ts, by their message) as JSON Schema says
 * them: the pattern as written in schema.ts (RegExp#source would escape each `/`) and what it means.
 */
const NAMED_PATTERNS: Record<string, { pattern?: string; description: string }> = {
  // No `format: "uri"`: RFC 3986 refuses the Chinese paths the box accepts (they are percent-encoded when used).
  'http-url': {
    pattern: HTTP_URL_PATTERN,
    description:
      'An absolute http:// or https:// URL, at most 2000 characters: an ASCII host (IDN hosts in their xn-- form) or IPv4 address, an optional port, no user info, no spaces, backslashes or invisible characters.',
  },
  timestamp: {
    pattern: TIMESTAMP_PATTERN,
    description:
      'ISO 8601 date-time with an offset, seconds optional, e.g. 2026-11-20T09:30:00+08:00; a real calendar time (leap years included), offsets from -12:00 to +14:00.',
  },
  // 常见问题
  initials: {
    pattern: INITIALS_PATTERN,
    description:
      'Pinyin initials of the question, lower case: one letter per Chinese character, one per run of Latin letters; digits and punctuation add nothing. Written by `npm run faq-initials`, checked by `npm run validate`.',
  },
  'page-no': { description: 'The page number printed in the monthly leaflet: exactly three digits, unique in the region.' },
}

/** What the schemas' own checks mean, written as JSON Schema can: the same patterns, a description. */
const config: ConversionConfig = {
  target: 'draft-2020-12',
  errorMode: 'ignore',
  overrideAction({ valibotAction, jsonSchema }) {
    const named = valibotAction.type === 'regex' ? NAMED_PATTERNS[String(messageOf(valibotAction))] : undefined
    if (named) return { ...jsonSchema, ...named }
    // A text's "not empty once cleaned", as far as a pattern can say it: something visible is left.
    if (valibotAction.type === 'min_length' && jsonSchema.type === 'string' && jsonSchema.minLength === 1) {
      return { ...jsonSchema, pattern: VISIBLE_TEXT_PATTERN }
    }
    return undefined
  },
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Adds the plain-text note to every text field and the version rule to schemaVersion. */
function annotate(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(annotate)
    return
  }
  if (!isObject(node)) return
  if (node.type === 'string' && node.pattern === VISIBLE_TEXT_PATTERN && typeof node.maxLength === 'number' && !node.description) {
    node.description = `Plain text, 1 to ${node.maxLength} characters (code points) once the box has removed markup and invisible characters.`
  }
  const props = node.properties
  if (isObject(props) && isObject(props.schemaVersion)) {
    props.schemaVersion = {
      type: 'number',
      minimum: SCHEMA_MAJOR,
      exclusiveMaximum: SCHEMA_MAJOR + 1,
      description: `The contract version. Readers accept any ${SCHEMA_MAJOR}.x (a newer minor version adds only optional fields); another major version is rejected.`,
    }
  }
  for (const value of Object.values(node)) annotate(value)
}

export function buildFeedSchema(): JsonSchema {
  const defs: Record<string, JsonSchema> = {}
  for (const name of Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[]) {
    const { $schema: _drop, ...schema } = toJsonSchema(DOCUMENTS[name], config) as JsonSchema & { $schema?: string }
    annotate(schema)
    defs[name] = { ...TITLES[name], ...schema } as JsonSchema
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://gov-affairs-tv.example.cn/schema/feed-v1.json',
    title: `Government-affairs TV feed, version ${SCHEMA_MAJOR}`,
    description:
      'Generated by `npm run export-schema` from src/feed/schema.ts; do not edit by hand. ' +
      'Use one document at a time, e.g. "$ref": "feed.schema.json#/$defs/index". ' +
      `Unknown fields are ignored by readers. ${TEXT_NOTE} See docs/feed.md.`,
    $defs: defs,
  } as JsonSchema
}

export function renderFeedSchema(): string {
  return `${JSON.stringify(buildFeedSchema(), null, 2)}\n`
}

function main(argv: readonly string[]): number {
  const text = renderFeedSchema()
  if (argv.includes('--check')) {
    let current = ''
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8')
    } catch {
      // Missing counts as out of date.
    }
    if (current === text) return 0
    console.error('docs/feed.schema.json is out of date: run `npm run export-schema`')
    return 1
  }
  writeFileSync(SCHEMA_FILE, text)
  console.log(`wrote docs/feed.schema.json (${Buffer.byteLength(text)} bytes)`)
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2))
}
