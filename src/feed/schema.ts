/**
 * The feed contract, version 1: the single source of truth.
 *
 * Types are inferred from these schemas, the runtime validator uses them, and
 * `scripts/export-schema.ts` turns them into docs/feed.schema.json. No Lightning imports here.
 */
import * as v from 'valibot'

export const SCHEMA_MAJOR = 1

/** Limits keep one hostile or careless feed from exhausting a box with little memory. */
export const LIMITS = {
  notices: 20000,
  guides: 2000,
  alerts: 20,
  hotlines: 50,
  collections: 20,
  collectionItems: 200,
  // Polls (问卷调查, a minor addition to v1): at most this many in the index, each with 2 to 6 options.
  polls: 20,
  /** 村务公开: townships in the county index (each with at most 200 villages). */
  townships: 100,
  villages: 200,
  pollOptionsMin: 2,
  pollOptions: 6,
  /** The most answers one option may be said to have: a count past it is a broken answer, not a big county. */
  pollVotes: 100_000_000,
  bodyBlocks: 400,
  listItems: 100,
  attachments: 20,
  tags: 10,
  materials: 60,
  steps: 40,
  places: 20,
  /** 政策解读: explainer videos and replays in the index. */
  videos: 500,
  /** Notice or guide ids one video names as related. */
  relatedIds: 20,
  /** The most characters of a WebVTT subtitle file the box reads (webvtt.ts), and the most cues it keeps. */
  subtitleChars: 1_000_000,
  subtitleCues: 10000,
  /**
   * The most UTF-16 units a text may have before markup is removed. Checked first, so a text that could
   * never fit is refused without cleaning it; twice the longest text in code points, and room for markup.
   */
  rawText: 20000,
  /**
   * The most characters of an index.json text the box parses: 20 000 typical notices take about 3.3
   * million. Checked before JSON.parse, so a runaway file cannot take the box's memory to keep 20 000.
   */
  indexChars: 8_000_000,
  /** The same for a notice or guide document: 400 blocks of 5 000 characters. */
  detailChars: 2_000_000,
  /** A value quoted in a problem is cut to this many characters (and …), so a 50 MB id is not kept. */
  receivedChars: 80,
  /** …and shown this many levels deep: enough to recognise it, without a recursion a feed could overflow. */
  receivedDepth: 4,
  // 常见问题 (issue 12): topics in the index, one shard per topic, one search shard, one document per answer.
  /** `faq[]` topics in the index. */
  faqTopics: 50,
  /** Questions in one topic shard (`faq/topics/{id}.json`) or in the search shard (`faq/search.json`). */
  faqQuestions: 30000,
  /** Characters of a topic or search shard: 30 000 questions of about 100 characters, and room. */
  faqListChars: 6_000_000,
} as const

/** Counts the cleaner's loop iterations, so tests can hold it to linear work without a clock. */
export interface CleanerMeter {
  steps: number
}

/**
 * The most characters the markup pass reads per character of its input: once each in the main loop,
 * the comment-end search, the `>` search, the `<` search and the two name checks (`<script`, `<style`)
 * after a `<`; twice in each closing-tag search (script, style), which reads a candidate's name and then,
 * when it is not one, the same characters again.
 */
export const CLEANER_LOOKS_PER_CHAR = 10

const GT = 62 // >
const SLASH = 47
const DASH = 45
const BANG = 33

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95
// What a regex `\s` matches: a closing tag may carry any of these before its `>` (`</script >`).
const isSpace = (c: number): boolean =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff

/**
 * A search asked from points that never move back. Asked again from a point at or before its last
 * answer, that answer still holds, and "none from here" stays none: all its calls together read each
 * character once, where a lazy regex restarted at every "<!--" and read to the end each time.
 */
function forwardSearch(find: (from: number) => number): (from: number) => number {
  let found = -2
  return (from) => {
    if (found === -1 || found >= from) return found
    found = find(from)
    return found
  }
}

/**
 * Markup removed in one left-to-right pass: comments, `<script>` and `<style>` elements with what is in
 * them, and any other tag (`<p>`, `</span>`, `<br/>`). What is not a whole construct (`a < b`, an
 * unclosed `<!--`) stays text. The same result as the regexes this replaces,
 * `<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->` then `<\/?[A-Za-z][^<>]*>`, except for
 * markup that only comes together once other markup between its halves is gone.
 */
function stripMarkup(raw: string, meter: CleanerMeter | undefined): string {
  const n = raw.length
  /** Counts what indexOf read from `from` to `at` (the match included), or to the end. */
  const read = (from: number, at: number, width = 1): number => {
    if (meter) meter.steps += (at < 0 ? n : at + width) - from
    return at
  }
  /** `name` (lower-case ASCII) at `at`, in any case. */
  const nameAt = (at: number, name: string): boolean => {
    if (at + name.length > n) return false
    for (let k = 0; k < name.length; k++) {
      if (meter) meter.steps++
      if ((raw.charCodeAt(at + k) | 0x20) !== name.charCodeAt(k)) return false
    }
    return true
  }
  const commentEnd = forwardSearch((from) => read(from, raw.indexOf('-->', from), 3))
  const nextGt = forwardSearch((from) => read(from, raw.indexOf('>', from)))
  const nextLt = forwardSearch((from) => read(from, raw.indexOf('<', from)))
  /** Finds `</name\s*>`; `ends` maps where one starts to just after its `>`. */
  const closingTag = (name: string) => {
    const ends = new Map<number, number>()
    const find = forwardSearch((from) => {
      let k = read(from, raw.indexOf('</', from), 2)
      while (k >= 0) {
        if (nameAt(k + 2, name)) {
          let j = k + 2 + name.length
          while (j < n && isSpace(raw.charCodeAt(j))) {
            if (meter) meter.steps++
            j++
          }
          if (j < n && raw.charCodeAt(j) === GT) {
            ends.set(k, j + 1)
            return k
          }
        }
        k = read(k + 2, raw.indexOf('</', k + 2), 2)
      }
      return -1
    })
    return { find, ends }
  }
  const hidden = [
    { name: 'script', close: closingTag('script') },
    { name: 'style', close: closingTag('style') },
  ]

  /** Just after the markup that starts with the `<` at `i`, or -1 when that `<` is text. */
  const markupEnd = (i: number): number => {
    if (raw.charCodeAt(i + 1) === BANG && raw.charCodeAt(i + 2) === DASH && raw.charCodeAt(i + 3) === DASH) {
      const at = commentEnd(i + 4)
      return at < 0 ? -1 : at + 3
    }
    // The first `>` after the `<`: a tag name has none, so it is also the first one after `<script`.
    const gt = nextGt(i + 1)
    if (gt < 0) return -1
    for (const { name, close } of hidden) {
      const after = i + 1 + name.length
      if (!nameAt(i + 1, name) || (after < n && isWordChar(raw.charCodeAt(after)))) continue
      const at = close.find(gt + 1)
      const end = at < 0 ? undefined : close.ends.get(at)
      if (end !== undefined) return end
    }
    const j = raw.charCodeAt(i + 1) === SLASH ? i + 2 : i + 1
    if (!isAsciiLetter(raw.charCodeAt(j))) return -1
    // A plain tag runs to its first `>` with no `<` before it.
    const lt = nextLt(i + 1)
    return lt < 0 || gt < lt ? gt + 1 : -1
  }

  let out = ''
  let kept = 0
  let i = read(0, raw.indexOf('<'))
  while (i >= 0) {
    const end = markupEnd(i)
    if (end >= 0) {
      out += raw.slice(kept, i)
      kept = end
    }
    const from = end >= 0 ? end : i + 1
    i = from < n ? read(from, raw.indexOf('<', from)) : -1
  }
  return kept === 0 ? raw : out + raw.slice(kept)
}

/**
 * Characters that would break the text renderer or change what a viewer reads: C0 and C1 controls (not
 * newline, tab, carriage return), DEL; bidi embeddings, overrides, isolates and marks, which can show a
 * title backwards (U+202E); zero-width characters, which make two different titles look the same. This
 * set is also VISIBLE_TEXT_PATTERN's, so the JSON Schema says the same about a text that holds only these.
 */
const INVISIBLE = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF'
const INVISIBLE_CHARS = new RegExp(`[${INVISIBLE}]`, 'g')

/**
 * A JSON Schema `pattern` for "something is left once invisible characters and spaces are removed".
 * Written with \u escapes only, so it means the same with the `u` flag (JSON Schema tools) and without.
 */
export const VISIBLE_TEXT_PATTERN = `[^\\s${INVISIBLE}]`

// Chinese CMS output often carries entities: the named ones that occur, and any numeric one.
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
}

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  }
  return ENTITIES[name] ?? whole
}

/**
 * Feed text as it is drawn: markup removed, entities decoded once, invisible characters removed, spaces
 * trimmed. Linear in the length of `raw`; `meter` counts the markup pass's work for tests.
 */
export function toPlainText(raw: string, meter?: CleanerMeter): string {
  return stripMarkup(raw, meter)
    .replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-z]{2,6});/g, decodeEntity)
    .replace(INVISIBLE_CHARS, '')
    .trim()
}

type Issue = v.BaseIssue<unknown>

/** An issue as valibot's own actions write it, so problem texts and paths treat it the same. */
function issueOf(type: string, input: unknown, expected: string, received: string, requirement: unknown, config: v.Config<Issue>): Issue {
  return {
    kind: 'validation',
    type,
    input,
    expected,
    received,
    message: `Invalid ${type}: Expected ${expected} but received ${received}`,
    requirement,
    lang: config.lang,
    abortEarly: config.abortEarly,
    abortPipeEarly: config.abortPipeEarly,
  }
}

function withIssue<T>(dataset: v.OutputDataset<T, Issue>, issue: Issue): v.OutputDataset<T, Issue> {
  const issues: [Issue, ...Issue[]] = dataset.issues ? [...dataset.issues, issue] : [issue]
  return dataset.typed ? { typed: true, value: dataset.value, issues } : { typed: false, value: dataset.value, issues }
}

/**
 * valibot's `maxLength` with its own measure. Its issue and its JSON Schema (`maxLength`) stay those of
 * `maxLength`: the exporter keeps the smallest `maxLength` of a pipe.
 */
function maxLengthBy(max: number, measure: (s: string) => number) {
  const base = v.maxLength<string, number>(max)
  const action: typeof base = {
    ...base,
    '~run'(dataset, config) {
      if (!dataset.typed) return dataset
      const length = measure(dataset.value)
      return length > max ? withIssue(dataset, issueOf('max_length', dataset.value, `<=${max}`, `${length}`, max, config)) : dataset
    },
  }
  return action
}

/** A required human-readable text, markup removed, at most `max` characters. */
const text = (max: number) =>
  v.pipe(
    v.string(),
    // Before cleaning, by the cheap measure: a later step (transform) does not run once this fails.
    maxLengthBy(LIMITS.rawText, (s) => s.length),
    v.transform(toPlainText),
    v.minLength(1),
    // In code points, as JSON Schema's maxLength counts: a CJK Extension B place name is not twice as long.
    maxLengthBy(max, codePointLength),
  )

const optionalText = (max: number) => v.optional(text(max))

/** Ids appear in URLs (`notices/{id}.json`), so they are kept to URL-safe characters. */
export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'id'))

// A real calendar time as one regex, so the JSON Schema can carry the very same pattern: 30 February,
// 29 February outside leap years (1900 and 2100 are not, 2000 is), hour 24, second 60 and offsets outside
// -12:00…+14:00 do not match. No Date is involved, so no engine's date parsing decides either.
const DAY_OF_YEAR = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))'
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)'
const TIME_OF_DAY = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?'
const OFFSET = '(?:Z|\\+(?:(?:0\\d|1[0-3]):[0-5]\\d|14:00)|-(?:(?:0\\d|1[01]):[0-5]\\d|12:00))'

/** ISO 8601 date-time with an offset, seconds and up to nine fraction digits optional: 2026-11-20T09:30:00+08:00. */
export const TIMESTAMP_PATTERN = `^(?:\\d{4}-${DAY_OF_YEAR}|${LEAP_YEAR}-02-29)T${TIME_OF_DAY}${OFFSET}$`
const TIMESTAMP = new RegExp(TIMESTAMP_PATTERN)

export function isTimestamp(s: string): boolean {
  return TIMESTAMP.test(s)
}

/** ISO 8601 date-time with an offset, e.g. 2026-11-20T09:30:00+08:00. */
export const TimestampSchema = v.pipe(v.string(), v.regex(TIMESTAMP, 'timestamp'))

// The URL grammar of the contract, as regex source shared by the reader, the image policy and the JSON
// Schema: no engine's URL parser decides what is valid. WHATWG parsers accept `https:/h`, `http:h`, tabs,
// backslashes and user info, and an old engine's parser (or a polyfill) may differ again.
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
// A last label that starts with a letter: an all-digit one would be read as an IPv4 number.
const DOMAIN = `(?:${LABEL}\\.)*[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`
const PORT = '(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})'
// Path, query and fragment: anything but spaces, invisible characters and backslashes (which browsers
// read as `/`). Non-ASCII is allowed: it is percent-encoded as UTF-8 when the URL is used.
const REST = `[/?#][^\\s${INVISIBLE}\\\\]*`
const HTTP_URL_PARTS = new RegExp(`^([Hh][Tt][Tt][Pp][Ss]?)://(${IPV4}|${DOMAIN})(?::(${PORT}))?(?:${REST})?$`)

/**
 * An absolute http(s) URL: scheme in any case, a host of ASCII letters, digits, hyphens and dots (an
 * IDN host in its `xn--` form; `zwfw.gov.cn乀evil.com` is refused) or a dotted IPv4 address, an optional
 * port 1–65535, no user info, then a path, query or fragment without spaces or invisible characters.
 */
export const HTTP_URL_PATTERN = `^[Hh][Tt][Tt][Pp][Ss]?://(?:${IPV4}|${DOMAIN})(?::${PORT})?(?:${REST})?$`
const HTTP_URL = new RegExp(HTTP_URL_PATTERN)

/** The scheme (lower case), host and port of a URL that keeps the contract's grammar, else undefined. */
export function splitHttpUrl(s: string): { scheme: 'http' | 'https'; host: string; port?: string } | undefined {
  const m = HTTP_URL_PARTS.exec(s)
  if (!m) return undefined
  const scheme = (m[1] ?? '').toLowerCase() === 'https' ? 'https' : 'http'
  return m[3] ? { scheme, host: m[2] ?? '', port: m[3] } : { scheme, host: m[2] ?? '' }
}

/** Code points, as JSON Schema's `maxLength` counts them: 𠀀 (U+20000) is one, not two. */
export function codePointLength(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--
        i++
      }
    }
  }
  return n
}

/** Only http(s): `javascript:`, `data:` and `file:` URLs never reach a QR code or an image loader. */
export const HttpUrlSchema = v.pipe(v.string(), maxLengthBy(2000, codePointLength), v.regex(HTTP_URL, 'http-url'))

const PhoneSchema = v.pipe(v.string(), v.regex(/^[0-9+\-() ]{3,24}$/, 'phone'))

/**
 * valibot's `object`, refusing arrays as JSON Schema's `type: "object"` does: valibot alone takes `[]`
 * for an object whose fields are all optional (`"phones": []`).
 */
function plainObject<E extends v.ObjectEntries>(entries: E) {
  const base = v.object(entries)
  const noArrays: typeof base = {
    ...base,
    '~run'(dataset, config) {
      const input = dataset.value
      if (!Array.isArray(input)) return base['~run'](dataset, config)
      const issue: v.ObjectIssue = {
        kind: 'schema',
        type: 'object',
        input,
        expected: 'Object',
        received: 'Array',
        message: 'Invalid type: Expected Object but received Array',
        lang: config.lang,
        abortEarly: config.abortEarly,
        abortPipeEarly: config.abortPipeEarly,
      }
      return { typed: false, value: input, issues: [issue] }
    },
  }
  return noArrays
}

/**
 * An array of at most `max` items, its length checked before any item is: a list 100 times too long
 * costs one problem, not one per item. For the exporter it is an array with `maxItems`.
 */
const boundedArray = <T extends v.GenericSchema>(item: T, max: number) => {
  const base = v.array(item)
  const lengthFirst: typeof base = {
    ...base,
    '~run'(dataset, config) {
      const input = dataset.value
      if (Array.isArray(input) && input.length > max) {
        const issue = issueOf('max_length', input, `<=${max}`, `${input.length}`, max, config)
        return { typed: false, value: input, issues: [issue] }
      }
      return base['~run'](dataset, config)
    },
  }
  return v.pipe(lengthFirst, v.maxLength(max))
}

export const RegionSchema = plainObject({
  code: v.pipe(v.string(), v.regex(/^\d{6,12}$/, 'region-code')),
  name: text(40),
  /** From province down, e.g. ["湖南省", "郴州市", "临武县"]. */
  path: v.optional(boundedArray(text(40), 6), []),
})

/**
 * A page number printed in the monthly leaflet (teletext style): exactly three digits, unique in the
 * region across notices, guides and the other kinds that carry one (document.ts keeps the first).
 */
export const PageNoSchema = v.pipe(v.string(), v.regex(/^\d{3}$/, 'page-no'))

export const ALERT_LEVELS = ['red', 'orange', 'yellow', 'blue', 'info'] as const
export const AlertSchema = plainObject({
  id: IdSchema,
  level: v.picklist(ALERT_LEVELS),
  title: text(60),
  text: text(500),
  validUntil: TimestampSchema,
  /** Optional (a minor addition to v1): when the alert was issued and who issued it, shown on its detail page. */
  issuedAt: v.optional(TimestampSchema),
  source: optionalText(60),
})

export const NoticeSummarySchema = plainObject({
  id: IdSchema,
  title: text(200),
  category: text(20),
  publisher: text(60),
  publishedAt: TimestampSchema,
  docNo: optionalText(60),
  pinned: v.optional(v.boolean(), false),
  validUntil: v.optional(TimestampSchema),
  updatedAt: v.optional(TimestampSchema),
  pageNo: v.optional(PageNoSchema),
})

export const GuideSummarySchema = plainObject({
  id: IdSchema,
  code: text(40),
  name: text(100),
  category: text(20),
  /** A life event (人生事件) such as 养老 or 生育, when the county sorts guides that way. */
  lifeEvent: optionalText(20),
  department: text(60),
  tags: v.optional(boundedArray(text(10), LIMITS.tags), []),
  updatedAt: v.optional(TimestampSchema),
  pageNo: v.optional(PageNoSchema),
})

export const HotlineSchema = plainObject({
  name: text(40),
  phone: PhoneSchema,
  hours: optionalText(60),
})

/** What a collection may point at; an id the index does not hold is skipped when shown. */
export const COLLECTION_ITEM_KINDS = ['notice', 'guide'] as const
export const CollectionItemSchema = plainObject({
  kind: v.picklist(COLLECTION_ITEM_KINDS),
  id: IdSchema,
})

/** Optional (a minor addition to v1): a hand-picked list such as 本月政策, shown on Home until `validUntil`; pinned ones first. */
export const CollectionSchema = plainObject({
  id: IdSchema,
  title: text(20),
  description: optionalText(200),
  pinned: v.optional(v.boolean(), false),
  validUntil: v.optional(TimestampSchema),
  items: boundedArray(CollectionItemSchema, LIMITS.collectionItems),
})

// ---- 政策解读: explainer videos and replays (index.json `videos[]`, added in 1.x) --------------------------

export const VideoSchema = plainObject({
  id: IdSchema,
  title: text(100),
  publisher: text(60),
  publishedAt: TimestampSchema,
  /** Length in whole seconds, shown before the stream says it (a replay can be hours long). */
  duration: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(86400)),
  /** Shown while the stream loads; only from the operator's image hosts, as notice images. */
  poster: HttpUrlSchema,
  /** The HLS playlist (`.m3u8`) or an MP4 file. */
  stream: HttpUrlSchema,
  /** An MP4 copy, for boxes that cannot play HLS. */
  fallbackMp4: v.optional(HttpUrlSchema),
  /** WebVTT subtitles, shown by default (适老化). */
  subtitles: v.optional(HttpUrlSchema),
  /** Notices and guides that offer 看视频解读 for this video. */
  relatedNotices: v.optional(boundedArray(IdSchema, LIMITS.relatedIds), []),
  relatedGuides: v.optional(boundedArray(IdSchema, LIMITS.relatedIds), []),
  pageNo: v.optional(PageNoSchema),
})

export type VideoSummary = v.InferOutput<typeof VideoSchema>

// ---- end of videos ----------------------------------------------------------------------------------------

// ---- Polls (问卷调查, issue 13): a minor addition to v1; old boxes ignore `polls`. -------------------------

/** One answer a poll offers: its id is what the box sends, its label what the viewer reads. */
export const PollOptionSchema = plainObject({
  id: IdSchema,
  label: text(40),
})

/**
 * A poll on open-government day (政务公开主题日): answered from opensAt until closesAt (document.ts drops a
 * poll that closes before it opens, and one whose options repeat an id). `showResults`: the counts may be
 * shown to a viewer who has answered, and to everyone once the poll has closed.
 */
export const PollSchema = plainObject({
  id: IdSchema,
  question: text(200),
  options: v.pipe(boundedArray(PollOptionSchema, LIMITS.pollOptions), v.minLength(LIMITS.pollOptionsMin)),
  opensAt: TimestampSchema,
  closesAt: TimestampSchema,
  showResults: v.optional(v.boolean(), false),
  publisher: optionalText(60),
})

/**
 * The live results of one poll: `GET {pollApiUrl}/v1/polls/{pollId}/results`, and optionally the body of a
 * 201 to an answer. Counts per option id; an option the poll does not have is ignored when shown.
 */
export const PollResultsSchema = plainObject({
  pollId: IdSchema,
  counts: boundedArray(
    plainObject({
      optionId: IdSchema,
      count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.pollVotes)),
    }),
    LIMITS.pollOptions,
  ),
  updatedAt: v.optional(TimestampSchema),
})

/** What the box POSTs to `{pollApiUrl}/v1/polls/{pollId}/answers`: the option, and nothing about the viewer. */
export const PollAnswerSchema = plainObject({ optionId: IdSchema })

// ---- Townships and villages (村务公开, issue 13): a minor addition to v1; old boxes ignore `townships`. ------
// The county's places, for a place picker; `feed: true` says the place publishes its own index.json at
// v1/regions/{code}/index.json (usually notices[] only). Defined once here for both the village notices and
// the call-back form's place picker.

export const VillageSchema = plainObject({
  code: v.pipe(v.string(), v.regex(/^\d{12}$/, 'village-code')),
  name: text(40),
  feed: v.optional(v.boolean()),
})

export const TownshipSchema = plainObject({
  code: v.pipe(v.string(), v.regex(/^\d{9}$/, 'township-code')),
  name: text(40),
  feed: v.optional(v.boolean()),
  /** Optional; none means the picker offers the township only. */
  villages: v.optional(boundedArray(VillageSchema, LIMITS.villages), []),
})

export type Village = v.InferOutput<typeof VillageSchema>
export type Township = v.InferOutput<typeof TownshipSchema>

// ---- end of townships ---------------------------------------------------------------------------------------

/** The envelope of index.json; its arrays are validated item by item (see document.ts). */
export const IndexEnvelopeSchema = plainObject({
  schemaVersion: v.number(),
  generatedAt: TimestampSchema,
  region: RegionSchema,
})

export const BlockSchema = v.variant('type', [
  plainObject({ type: v.literal('paragraph'), text: text(5000) }),
  plainObject({ type: v.literal('heading'), text: text(200) }),
  plainObject({
    type: v.literal('image'),
    src: HttpUrlSchema,
    alt: text(200),
    width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096))),
    height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096))),
  }),
  plainObject({
    type: v.literal('list'),
    ordered: v.optional(v.boolean(), false),
    items: v.pipe(boundedArray(text(1000), LIMITS.listItems), v.minLength(1)),
  }),
])

export const AttachmentSchema = plainObject({ name: text(100), url: HttpUrlSchema })

/** A notice document: the summary fields plus `indexNo`, `body[]` and `attachments[]`. */
export const NoticeEnvelopeSchema = plainObject({
  ...NoticeSummarySchema.entries,
  schemaVersion: v.number(),
  indexNo: optionalText(60),
})

export const MaterialSchema = plainObject({
  name: text(100),
  form: v.optional(v.picklist(['original', 'copy', 'original-and-copy', 'electronic']), 'original'),
  copies: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20)), 1),
  note: optionalText(200),
  /** 免提交: the office gets it through data sharing, the applicant brings nothing. */
  shared: v.optional(v.boolean(), false),
})

export const StepSchema = plainObject({ title: text(40), text: optionalText(500) })

export const PlaceSchema = plainObject({
  name: text(60),
  address: text(120),
  hours: optionalText(80),
})

export const GuideDetailSchema = plainObject({
  ...GuideSummarySchema.entries,
  schemaVersion: v.number(),
  targets: text(200),
  conditions: v.optional(boundedArray(text(300), LIMITS.steps), []),
  materials: v.optional(boundedArray(MaterialSchema, LIMITS.materials), []),
  steps: v.optional(boundedArray(StepSchema, LIMITS.steps), []),
  legalDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3650))),
  promisedDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3650))),
  fee: v.optional(text(200), '不收费'),
  places: v.optional(boundedArray(PlaceSchema, LIMITS.places), []),
  phones: v.optional(
    plainObject({ consult: v.optional(PhoneSchema), complaint: v.optional(PhoneSchema) }),
    {},
  ),
  visits: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
  online: v.optional(plainObject({ url: HttpUrlSchema })),
  helpServices: optionalText(200),
})

export const PROGRESS_STATUSES = [
  'submitted',
  'accepted',
  'needs-supplement',
  'reviewing',
  'approved',
  'rejected',
  'completed',
  'delivered',
] as const

export const ProgressSchema = plainObject({
  applicationNo: v.pipe(v.string(), v.regex(/^[0-9A-Za-z-]{4,32}$/, 'application-no')),
  itemName: text(100),
  applicant: text(40),
  submittedAt: TimestampSchema,
  status: v.picklist(PROGRESS_STATUSES),
  steps: v.optional(
    boundedArray(
      plainObject({
        status: v.picklist(PROGRESS_STATUSES),
        at: TimestampSchema,
        office: text(60),
        note: optionalText(200),
      }),
      LIMITS.steps,
    ),
    [],
  ),
  expectedBy: v.optional(TimestampSchema),
  pickup: optionalText(100),
})

// ---------------------------------------------------------------------------------------------------------
// 常见问题 (the 12345 knowledge base, issue 12): a minor version of v1, so old boxes ignore `faq`.
// The index lists topics; `faq/topics/{id}.json` lists one topic's questions without answers;
// `faq/search.json` lists every topic's questions for search; `faq/entries/{id}.json` is one answer.

/** A short page number printed in the monthly leaflet: exactly three digits, unique in the region. */
export const FaqPageNoSchema = v.pipe(v.string(), v.regex(/^\d{3}$/, 'page-no'))

/**
 * A question's pinyin initials, as the remote's digits search them: one lower-case letter per Chinese
 * character (its pinyin's first letter) and one per run of Latin letters; digits and punctuation add
 * nothing. Computed on the editors' side (`npm run faq-initials`); the box never holds a dictionary.
 */
export const INITIALS_PATTERN = '^[a-z]{1,120}$'
const InitialsSchema = v.pipe(v.string(), v.regex(new RegExp(INITIALS_PATTERN), 'initials'))

const FAQ_QUESTION_MAX = 120

export const FaqTopicSchema = plainObject({
  id: IdSchema,
  name: text(20),
  /** Questions in the topic's shard, shown before the shard has arrived. */
  count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.faqQuestions)),
  pageNo: v.optional(FaqPageNoSchema),
  /** A newer value than the box's copy of the shard makes it fetch the shard again. */
  updatedAt: v.optional(TimestampSchema),
})

/** One question of a topic shard: no answer (that is its own document). */
export const FaqQuestionSchema = plainObject({
  id: IdSchema,
  question: text(FAQ_QUESTION_MAX),
  initials: v.optional(InitialsSchema),
  /** A newer value than the box's copy of the answer makes it fetch the answer again. */
  updatedAt: v.optional(TimestampSchema),
})

/** One question of the search shard: only what search and the list need. */
export const FaqSearchItemSchema = plainObject({
  id: IdSchema,
  topic: IdSchema,
  question: text(FAQ_QUESTION_MAX),
  initials: v.optional(InitialsSchema),
})

/** `faq/topics/{id}.json` without its `questions[]`, which are read one by one. */
export const FaqTopicEnvelopeSchema = plainObject({
  schemaVersion: v.number(),
  topic: IdSchema,
  name: text(20),
  updatedAt: v.optional(TimestampSchema),
})

/** `faq/search.json` without its `questions[]`. */
export const FaqSearchEnvelopeSchema = plainObject({
  schemaVersion: v.number(),
  updatedAt: v.optional(TimestampSchema),
})

/** `faq/entries/{id}.json` without its `answer[]` blocks (a notice body's blocks, read one by one). */
export const FaqEntryEnvelopeSchema = plainObject({
  schemaVersion: v.number(),
  id: IdSchema,
  topic: IdSchema,
  question: text(FAQ_QUESTION_MAX),
  /** 答复单位, e.g. 县医疗保障局. */
  department: optionalText(60),
  updatedAt: v.optional(TimestampSchema),
})

export type FaqTopic = v.InferOutput<typeof FaqTopicSchema>
export type FaqQuestion = v.InferOutput<typeof FaqQuestionSchema>
export type FaqSearchItem = v.InferOutput<typeof FaqSearchItemSchema>

export interface FaqTopicShard extends v.InferOutput<typeof FaqTopicEnvelopeSchema> {
  questions: FaqQuestion[]
}

export interface FaqSearchShard extends v.InferOutput<typeof FaqSearchEnvelopeSchema> {
  questions: FaqSearchItem[]
}

export interface FaqEntry extends v.InferOutput<typeof FaqEntryEnvelopeSchema> {
  answer: Block[]
}

// ---------------------------------------------------------------------------------------------------------
// 请工作人员联系我 (a call-back request for 帮代办 / 上门办), a minor addition to v1: the index's townships and
// villages for the place picker, and the live request's body and answers (feed.md, "The call-back request").

/** A division code below the county: 9 digits for a township, 12 for a village (the region's own rule). */
const DivisionCodeSchema = v.pipe(v.string(), v.regex(/^\d{6,12}$/, 'region-code'))

// The index's townships and villages are TownshipSchema above (村务公开), shared with the place picker.

export const ASSIST_TIMES = ['morning', 'afternoon', 'any'] as const
/** The fields of a request, as a 400 answer names the one it refuses. */
export const ASSIST_FIELDS = ['regionCode', 'guideId', 'phone', 'township', 'village', 'preferredTime'] as const

/**
 * What the box sends: `POST {assistApiUrl}/v1/assist-requests`. The phone as the box normalised it: a
 * mainland mobile (11 digits) or a landline with its area code and a dash (0735-6201234).
 */
export const AssistRequestSchema = plainObject({
  regionCode: DivisionCodeSchema,
  guideId: IdSchema,
  phone: v.pipe(v.string(), v.regex(/^(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/, 'assist-phone')),
  township: v.optional(DivisionCodeSchema),
  village: v.optional(DivisionCodeSchema),
  preferredTime: v.picklist(ASSIST_TIMES),
})

/** 201 (or 200): taken, with the reference number the person quotes and, in the service's words, what happens next. */
export const AssistAcceptedSchema = plainObject({
  status: v.optional(v.literal('accepted')),
  referenceNo: v.pipe(v.string(), v.regex(/^[0-9A-Za-z-]{4,32}$/, 'reference-no')),
  nextStep: optionalText(200),
})

/** 409 / 423, or a 200 / 201 with this body: no requests today (outside the service days, the office full). */
export const AssistClosedSchema = plainObject({
  status: v.literal('closed'),
  message: optionalText(200),
  reopensAt: v.optional(TimestampSchema),
})

/** 400: the request was refused; `field` names which part. */
export const AssistInvalidSchema = plainObject({
  error: v.optional(v.pipe(v.string(), v.maxLength(60))),
  field: v.optional(v.picklist(ASSIST_FIELDS)),
})

export type AssistTime = (typeof ASSIST_TIMES)[number]
export type AssistField = (typeof ASSIST_FIELDS)[number]
export type AssistRequest = v.InferOutput<typeof AssistRequestSchema>

export type Region = v.InferOutput<typeof RegionSchema>
export type AlertLevel = (typeof ALERT_LEVELS)[number]
export type Alert = v.InferOutput<typeof AlertSchema>
export type NoticeSummary = v.InferOutput<typeof NoticeSummarySchema>
export type GuideSummary = v.InferOutput<typeof GuideSummarySchema>
export type Hotline = v.InferOutput<typeof HotlineSchema>
export type CollectionItemKind = (typeof COLLECTION_ITEM_KINDS)[number]
export type CollectionItem = v.InferOutput<typeof CollectionItemSchema>
export type Collection = v.InferOutput<typeof CollectionSchema>
export type Block = v.InferOutput<typeof BlockSchema>
export type Attachment = v.InferOutput<typeof AttachmentSchema>
export type Material = v.InferOutput<typeof MaterialSchema>
export type GuideDetail = v.InferOutput<typeof GuideDetailSchema>
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number]
export type Progress = v.InferOutput<typeof ProgressSchema>
export type PollOption = v.InferOutput<typeof PollOptionSchema>
export type Poll = v.InferOutput<typeof PollSchema>
export type PollResults = v.InferOutput<typeof PollResultsSchema>
export type PollAnswer = v.InferOutput<typeof PollAnswerSchema>

export interface FeedIndex {
  schemaVersion: number
  generatedAt: string
  region: Region
  alerts: Alert[]
  notices: NoticeSummary[]
  guides: GuideSummary[]
  hotlines: Hotline[]
  /** A minor addition to v1; a copy stored by an older release has none (see storedIndex.ts). */
  collections: Collection[]
  /** A minor addition to v1; a copy stored by a version before videos has none (see storedIndex.ts). */
  videos: VideoSummary[]
  /** A minor addition to v1 (issue 13); a copy stored by an older release has none (see storedIndex.ts). */
  polls: Poll[]
  /** 常见问题 topics, a minor addition to v1; a copy stored by an older release has none (see storedIndex.ts). */
  faq: FaqTopic[]
  /** 村务公开 and the call-back form's place picker (a minor addition to v1); a stored copy from before has none. */
  townships: Township[]
}

export interface NoticeDetail extends NoticeSummary {
  schemaVersion: number
  indexNo?: string
  body: Block[]
  attachments: Attachment[]
}
