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
  bodyBlocks: 400,
  listItems: 100,
  attachments: 20,
  tags: 10,
  materials: 60,
  steps: 40,
  places: 20,
} as const

// Tags are removed because every text is drawn as plain text on the TV: markup would show literally.
// Script and style contents and comments go with their tags; they are never meant to be read.
const HIDDEN_MARKUP = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi
const MARKUP = /<\/?[A-Za-z][^<>]*>/g
// Control characters (other than newline and tab) can break the text renderer.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
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

export function toPlainText(raw: string): string {
  return raw
    .replace(HIDDEN_MARKUP, '')
    .replace(MARKUP, '')
    .replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-z]{2,6});/g, decodeEntity)
    .replace(CONTROL, '')
    .trim()
}

/** A required human-readable text, markup removed, at most `max` characters. */
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.transform(toPlainText),
    v.minLength(1),
    v.maxLength(max),
  )

const optionalText = (max: number) => v.optional(text(max))

/** Ids appear in URLs (`notices/{id}.json`), so they are kept to URL-safe characters. */
export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'id'))

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/

/** A real calendar time: Date.parse would roll 2026-02-30 over to March, so each part is checked. */
export function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s)
  if (!m) return false
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [m[1], m[2], m[3], m[4], m[5], m[7] ?? '0', m[10] ?? '0', m[11] ?? '0'].map(Number) as number[]
  const daysInMonth = new Date(Date.UTC(year as number, month as number, 0)).getUTCDate()
  return (
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= daysInMonth &&
    (hour as number) < 24 &&
    (minute as number) < 60 &&
    (second as number) < 60 &&
    // Real offsets run from -12:00 to +14:00.
    (offsetHours as number) <= 14 &&
    (offsetMinutes as number) < 60
  )
}

/** ISO 8601 date-time with an offset, e.g. 2026-11-20T09:30:00+08:00. */
export const TimestampSchema = v.pipe(v.string(), v.check(isTimestamp, 'timestamp'))

/** Only http(s): `javascript:`, `data:` and `file:` URLs never reach a QR code or an image loader. */
export const HttpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2000),
  v.check((s) => {
    try {
      const u = new URL(s)
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, 'http-url'),
)

const PhoneSchema = v.pipe(v.string(), v.regex(/^[0-9+\-() ]{3,24}$/, 'phone'))

const boundedArray = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max))

export const RegionSchema = v.object({
  code: v.pipe(v.string(), v.regex(/^\d{6,12}$/, 'region-code')),
  name: text(40),
  /** From province down, e.g. ["湖南省", "郴州市", "临武县"]. */
  path: v.optional(boundedArray(text(40), 6), []),
})

export const ALERT_LEVELS = ['red', 'orange', 'yellow', 'blue', 'info'] as const
export const AlertSchema = v.object({
  id: IdSchema,
  level: v.picklist(ALERT_LEVELS),
  title: text(60),
  text: text(500),
  validUntil: TimestampSchema,
})

export const NoticeSummarySchema = v.object({
  id: IdSchema,
  title: text(200),
  category: text(20),
  publisher: text(60),
  publishedAt: TimestampSchema,
  docNo: optionalText(60),
  pinned: v.optional(v.boolean(), false),
  validUntil: v.optional(TimestampSchema),
  updatedAt: v.optional(TimestampSchema),
})

export const GuideSummarySchema = v.object({
  id: IdSchema,
  code: text(40),
  name: text(100),
  category: text(20),
  /** A life event (人生事件) such as 养老 or 生育, when the county sorts guides that way. */
  lifeEvent: optionalText(20),
  department: text(60),
  tags: v.optional(boundedArray(text(10), LIMITS.tags), []),
  updatedAt: v.optional(TimestampSchema),
})

export const HotlineSchema = v.object({
  name: text(40),
  phone: PhoneSchema,
  hours: optionalText(60),
})

/** The envelope of index.json; its arrays are validated item by item (see document.ts). */
export const IndexEnvelopeSchema = v.object({
  schemaVersion: v.number(),
  generatedAt: TimestampSchema,
  region: RegionSchema,
})

export const BlockSchema = v.variant('type', [
  v.object({ type: v.literal('paragraph'), text: text(5000) }),
  v.object({ type: v.literal('heading'), text: text(200) }),
  v.object({
    type: v.literal('image'),
    src: HttpUrlSchema,
    alt: text(200),
    width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096))),
    height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096))),
  }),
  v.object({
    type: v.literal('list'),
    ordered: v.optional(v.boolean(), false),
    items: v.pipe(boundedArray(text(1000), LIMITS.listItems), v.minLength(1)),
  }),
])

export const AttachmentSchema = v.object({ name: text(100), url: HttpUrlSchema })

/** A notice document: the summary fields plus `indexNo`, `body[]` and `attachments[]`. */
export const NoticeEnvelopeSchema = v.object({
  ...NoticeSummarySchema.entries,
  schemaVersion: v.number(),
  indexNo: optionalText(60),
})

export const MaterialSchema = v.object({
  name: text(100),
  form: v.optional(v.picklist(['original', 'copy', 'original-and-copy', 'electronic']), 'original'),
  copies: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20)), 1),
  note: optionalText(200),
  /** 免提交: the office gets it through data sharing, the applicant brings nothing. */
  shared: v.optional(v.boolean(), false),
})

export const StepSchema = v.object({ title: text(40), text: optionalText(500) })

export const PlaceSchema = v.object({
  name: text(60),
  address: text(120),
  hours: optionalText(80),
})

export const GuideDetailSchema = v.object({
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
    v.object({ consult: v.optional(PhoneSchema), complaint: v.optional(PhoneSchema) }),
    {},
  ),
  visits: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
  online: v.optional(v.object({ url: HttpUrlSchema })),
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

export const ProgressSchema = v.object({
  applicationNo: v.pipe(v.string(), v.regex(/^[0-9A-Za-z-]{4,32}$/, 'application-no')),
  itemName: text(100),
  applicant: text(40),
  submittedAt: TimestampSchema,
  status: v.picklist(PROGRESS_STATUSES),
  steps: v.optional(
    boundedArray(
      v.object({
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

export type Region = v.InferOutput<typeof RegionSchema>
export type AlertLevel = (typeof ALERT_LEVELS)[number]
export type Alert = v.InferOutput<typeof AlertSchema>
export type NoticeSummary = v.InferOutput<typeof NoticeSummarySchema>
export type GuideSummary = v.InferOutput<typeof GuideSummarySchema>
export type Hotline = v.InferOutput<typeof HotlineSchema>
export type Block = v.InferOutput<typeof BlockSchema>
export type Attachment = v.InferOutput<typeof AttachmentSchema>
export type Material = v.InferOutput<typeof MaterialSchema>
export type GuideDetail = v.InferOutput<typeof GuideDetailSchema>
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number]
export type Progress = v.InferOutput<typeof ProgressSchema>

export interface FeedIndex {
  schemaVersion: number
  generatedAt: string
  region: Region
  alerts: Alert[]
  notices: NoticeSummary[]
  guides: GuideSummary[]
  hotlines: Hotline[]
}

export interface NoticeDetail extends NoticeSummary {
  schemaVersion: number
  indexNo?: string
  body: Block[]
  attachments: Attachment[]
}
