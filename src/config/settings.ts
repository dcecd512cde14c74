/**
 * The operator's settings file (static/settings.json): schema, defaults and a reader whose every
 * error names the field and the value it expects. No Lightning imports.
 */
import * as v from 'valibot'
import { HttpUrlSchema } from '../feed/schema'
import { DEFAULT_FONT_STACK } from '../theme/fonts'
import { KEY_PRESET_NAMES } from './keyPresets'

const KeyActionSchema = v.picklist([
  'Back',
  'Enter',
  'Menu',
  'Left',
  'Up',
  'Right',
  'Down',
  'PageUp',
  'PageDown',
  'Home',
  'Exit',
  'Info',
])
export type KeyAction = v.InferOutput<typeof KeyActionSchema>

/** A base URL may be absolute or relative to the page (the mocked feed is served from the same host). */
const BaseUrlSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.check((s) => {
    try {
      const u = new URL(s, 'http://relative.invalid/')
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, 'an http(s) URL, absolute or relative to the page, e.g. "https://feed.example.cn/gov"'),
)

const FontFamilySchema = v.pipe(v.string(), v.regex(/^[^"'\\;{}<>]{1,80}$/, 'a font family name (1 to 80 characters, no quotes), e.g. "Noto Sans CJK SC"'))

const HostSchema = v.pipe(v.string(), v.regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name'))

const SettingsFields = v.object({
  feedBaseUrl: BaseUrlSchema,
  progressApiUrl: BaseUrlSchema,
  /** Polls (问卷调查): where answers are POSTed and results read. Unset: no polls anywhere, never a broken screen. */
  pollApiUrl: v.optional(BaseUrlSchema),
  /**
   * The call-back request service (请工作人员联系我, feed.md "The call-back request"). Optional: without it the
   * feature is not offered at all (no Home tile, no button on a guide, no route).
   */
  assistApiUrl: v.optional(BaseUrlSchema),
  regionCode: v.pipe(v.string(), v.regex(/^\d{6,12}$/, 'a 6- to 12-digit division code, e.g. "431025"')),
  /** The most pixels the canvas is drawn with; the design always fits the window (src/platform/stageFit.ts). */
  resolution: v.optional(v.picklist([720, 1080]), 1080),
  /** 'auto' tries a WebGL context before Launch and falls back to canvas2d (src/platform/renderer.ts). */
  renderer: v.optional(v.picklist(['auto', 'webgl', 'canvas2d']), 'auto'),
  language: v.optional(v.picklist(['zh-CN', 'en']), 'zh-CN'),
  operator: v.optional(
    v.object({
      name: v.optional(v.pipe(v.string(), v.maxLength(40)), ''),
      logo: v.optional(v.pipe(v.string(), v.maxLength(300))),
      accentColor: v.optional(
        v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'a colour as "#RRGGBB", e.g. "#C8102E"')),
      ),
    }),
    {},
  ),
  keyPreset: v.optional(v.picklist(KEY_PRESET_NAMES), 'generic'),
  /** keyCode → action, merged over the preset: { "461": "Back" }. */
  keys: v.optional(
    v.record(v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'a numeric keyCode such as "461"')), KeyActionSchema),
    {},
  ),
  portalUrl: v.optional(HttpUrlSchema),
  refreshIntervalMinutes: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(1440)), 30),
  requestTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(60000)), 8000),
  /** Feed images load only from these hosts (exact host names), over https. Empty: no feed images. */
  imageHosts: v.optional(v.array(HostSchema), []),
  /** Of imageHosts, those whose images may also load over plain http (an intranet server without TLS). */
  imageHttpHosts: v.optional(v.array(HostSchema), []),
  /** Font families in order: one, a CSS list ("A, B") or an array; the default names CJK fonts first (src/theme/fonts.ts). */
  fontFace: v.optional(
    v.union([FontFamilySchema, v.pipe(v.array(FontFamilySchema), v.minLength(1), v.maxLength(8))]),
    () => DEFAULT_FONT_STACK.slice(),
  ),
  /**
   * How a text's canvas becomes a WebGL texture: 'direct' uploads the canvas itself (Lightning's
   * forceTxCanvasSource: no getImageData copy per text, about 12 ms per list key at 4× CPU, and the same
   * pixels: tests/e2e/text-upload.spec.ts); 'copy' reads its pixels back first, Lightning's default, for
   * engines that upload a canvas wrongly (Lightning names Tizen).
   */
  textUpload: v.optional(v.picklist(['copy', 'direct']), 'direct'),
})

const sameHost = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

// A host allowed over http but not at all would be a typo the operator should hear about, not a silent no-op.
export const SettingsSchema = v.pipe(
  SettingsFields,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const { imageHosts, imageHttpHosts } = dataset.value
    imageHttpHosts.forEach((host, i) => {
      if (imageHosts.some((listed) => sameHost(listed, host))) return
      addIssue({
        message: 'a host also listed in imageHosts',
        input: host,
        path: [
          { type: 'object', origin: 'value', input: dataset.value, key: 'imageHttpHosts', value: imageHttpHosts },
          { type: 'array', origin: 'value', input: imageHttpHosts, key: i, value: host },
        ],
      })
    })
  }),
)

export type Settings = v.InferOutput<typeof SettingsSchema>

export class SettingsError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`settings.json: "${field}" should be ${expected}; got ${received}`)
    this.name = 'SettingsError'
  }
}

function describeExpected(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'check' || issue.type === 'regex' || issue.type === 'raw_check') return issue.message
  if (issue.type === 'picklist') return `one of ${issue.expected ?? ''}`
  if (issue.type === 'min_value' || issue.type === 'max_value') return `a number ${issue.expected ?? ''}`
  return issue.expected ?? issue.type
}

/** Validates parsed settings; throws SettingsError naming the first wrong field. */
export function readSettings(raw: unknown): Settings {
  // valibot's object() takes an array for an object with no keys; say what is really wrong.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const received = Array.isArray(raw) ? 'a list [ … ]' : raw === null ? 'null' : JSON.stringify(raw) ?? 'nothing'
    throw new SettingsError('(the whole file)', 'a JSON object { … }', received)
  }
  const result = v.safeParse(SettingsSchema, raw)
  if (result.success) return result.output
  const issue = result.issues[0]
  const field = (issue.path ?? []).map((p) => String(p.key)).join('.') || '(the whole file)'
  const received = issue.path?.length ? JSON.stringify(issue.input) ?? 'nothing' : issue.received
  throw new SettingsError(field, describeExpected(issue), received)
}

/** Settings text → Settings; a file that is not JSON is also a clear SettingsError. */
export function parseSettingsText(text: string): Settings {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new SettingsError('(the whole file)', 'valid JSON', error instanceof Error ? error.message : 'unreadable')
  }
  return readSettings(raw)
}
