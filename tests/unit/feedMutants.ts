/**
 * Seeded mutants of the fixture feed documents, for tests that compare two readers of the contract.
 * Mutations aim at the edges where readers tend to differ: lengths at their limits in ASCII, in CJK
 * Extension B (two UTF-16 units a character) and wrapped in markup; invisible characters; impossible
 * times and offsets; URLs that are nearly URLs; wrong types, missing keys, lists past their limits.
 */
import { LINWU, POLL_START_COUNTS, PROGRESS_FIXTURES, YUELU } from '../../mocks/fixtures'
import { seededRandom } from '../../mocks/seededRandom'
import {
  parseFaqEntry,
  parseFaqSearch,
  parseFaqTopic,
  parseGuideDetail,
  parseIndex,
  parseNoticeDetail,
  parsePollAnswer,
  parsePollResults,
  parseProgress,
  type Parsed,
} from '../../src/feed/document'

export type DocKind = 'index' | 'notice' | 'guide' | 'progress' | 'pollAnswer' | 'pollResults' | 'faq-topic' | 'faq-search' | 'faq-entry'
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }
/** A JSON Schema node, read loosely: only the keywords the mutator looks at. */
export interface SchemaNode {
  type?: string
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  oneOf?: SchemaNode[]
  const?: Json
  maxLength?: number
  maxItems?: number
  minItems?: number
  pattern?: string
}

/** The box's reader of each kind of document. */
export const READERS: Record<DocKind, (input: unknown) => Parsed<unknown>> = {
  index: parseIndex,
  notice: parseNoticeDetail,
  guide: parseGuideDetail,
  progress: parseProgress,
  // The box builds this body itself (feed/polls.ts); this reader is what a poll service may hold it to.
  pollAnswer: parsePollAnswer,
  pollResults: parsePollResults,
  'faq-topic': parseFaqTopic,
  'faq-search': parseFaqSearch,
  'faq-entry': parseFaqEntry,
}

export interface Mutant {
  kind: DocKind
  doc: Json
  /** What was done, for a failure message. */
  steps: string[]
}

const wire = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json

/** The fixture documents as they travel: every index, notice, guide and progress answer. */
export function fixtureDocuments(): { kind: DocKind; name: string; doc: Json }[] {
  const out: { kind: DocKind; name: string; doc: Json }[] = []
  for (const region of [LINWU, YUELU]) {
    const code = region.index.region.code
    out.push({ kind: 'index', name: `${code}/index.json`, doc: wire(region.index) })
    for (const [id, doc] of Object.entries(region.notices)) out.push({ kind: 'notice', name: `${code}/notices/${id}.json`, doc: wire(doc) })
    for (const [id, doc] of Object.entries(region.guides)) out.push({ kind: 'guide', name: `${code}/guides/${id}.json`, doc: wire(doc) })
    // 常见问题: every topic shard, the search shard, a few answers (of each kind of block).
    const faq = region.faq
    if (faq) {
      for (const [id, doc] of Object.entries(faq.shards)) out.push({ kind: 'faq-topic', name: `${code}/faq/topics/${id}.json`, doc: wire(doc) })
      out.push({ kind: 'faq-search', name: `${code}/faq/search.json`, doc: wire(faq.search) })
      for (const [id, doc] of Object.entries(faq.entries).slice(0, 8)) out.push({ kind: 'faq-entry', name: `${code}/faq/entries/${id}.json`, doc: wire(doc) })
    }
  }
  for (const fixture of PROGRESS_FIXTURES) out.push({ kind: 'progress', name: `progress ${fixture.record.applicationNo}`, doc: wire(fixture.record) })
  // The poll API's two bodies: each fixture poll's first answer, and its results as the mock service starts them.
  for (const poll of LINWU.index.polls) {
    out.push({ kind: 'pollAnswer', name: `poll ${poll.id} answer`, doc: { optionId: poll.options[0]?.id ?? 'x' } })
    const start = POLL_START_COUNTS[poll.id] ?? {}
    const counts = poll.options.map((o) => ({ optionId: o.id, count: start[o.id] ?? 0 }))
    out.push({ kind: 'pollResults', name: `poll ${poll.id} results`, doc: wire({ pollId: poll.id, counts, updatedAt: '2026-11-20T09:00:00+08:00' }) })
  }
  return out
}

/** The shared seeded generator (mocks/seededRandom.ts): a failing mutant is found again by its seed. */
export const rng = seededRandom

const EXT_B = '\u{20000}' // 𠀀, one character, two UTF-16 units

const TIMESTAMPS = [
  '2026-02-30T09:00:00+08:00',
  '2026-02-29T09:00:00+08:00',
  '2028-02-29T09:00:00+08:00',
  '2100-02-29T09:00:00+08:00',
  '2000-02-29T09:00:00+08:00',
  '0000-02-29T09:00:00Z',
  '1900-02-29T09:00:00Z',
  '2026-04-31T09:00:00+08:00',
  '2026-11-20T24:00:00+08:00',
  '2026-11-20T23:59:59+08:00',
  '2026-11-20T09:60+08:00',
  '2026-11-20T09:00:60+08:00',
  '2026-11-20T09:00+15:00',
  '2026-11-20T09:00+14:00',
  '2026-11-20T09:00+14:01',
  '2026-11-20T09:00-12:00',
  '2026-11-20T09:00-12:30',
  '2026-11-20T09:00+05:45',
  '2026-11-20T09:00:00.123456789Z',
  '2026-11-20T09:00:00.1234567890Z',
  '2026-11-20t09:00:00z',
  '2026-11-20T09:00:00+0800',
  '2026-11-20 09:00:00+08:00',
  '2026-13-01T09:00:00+08:00',
  '2026-00-10T09:00:00+08:00',
  '2026-11-20T09:00:00+08:00\n',
]

const URLS = [
  'https://',
  'https:/h',
  'http:h',
  'https://h',
  'https://zwfw.example.cn/a\tb',
  'https://zwfw.example.cn/a b',
  'https://zwfw.example.cn/事项/办理',
  'https://zwfw.gov.cn乀evil.com/',
  'https://zwfw.gov.cn@evil.com/',
  'https://user:pw@zwfw.gov.cn/',
  'HTTPS://ZWFW.EXAMPLE.CN/A',
  'https://zwfw.example.cn:443/a',
  'https://zwfw.example.cn:65535/a',
  'https://zwfw.example.cn:65536/a',
  'https://zwfw.example.cn:0/a',
  'https://zwfw.example.cn./a',
  'https://zwfw..example.cn/a',
  'https://-zwfw.example.cn/a',
  'https://zwfw.example.cn\\@evil.com/',
  'https://192.168.1.10/a.png',
  'https://999.1.1.1/a.png',
  'https://[::1]/a.png',
  'https://zwfw.example.cn?q=1',
  'https://zwfw.example.cn#top',
  'https://zwfw.example.cn/a\u0085b',
  'https://zwfw.example.cn/a\u202Eb',
  ' https://zwfw.example.cn/a',
  'javascript:alert(1)',
  'ftp://zwfw.example.cn/a',
  '//zwfw.example.cn/a',
]

const TEXTS = [
  '',
  ' ',
  '\u3000',
  '\u202E',
  '\u200B\u2060\uFEFF',
  '\u0085',
  '&#8238;',
  '&nbsp;',
  '<p></p>',
  '<!-- 注释 -->',
  '<script>x()</script>',
  '<b>临武县</b>',
  '临武&amp;县',
  '\u202E县武临',
  '临武\u200B县',
  'a\u0000b',
  `${EXT_B}${EXT_B}县`,
]

const OTHERS: Json[] = [null, true, 0, -1, 1.5, '1', [], {}, [[[]]], { a: { b: {} } }]
const NUMBERS: Json[] = [-1, 0, 1, 1.5, 2, 10, 11, 20, 21, 400, 3650, 3651, 4096, 4097, 1e21, 0.999, 1.999]

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

/** The schema node for a value at `path` below `node`, following properties, items and the block variants. */
function schemaAt(node: SchemaNode | undefined, doc: Json, path: readonly (string | number)[]): SchemaNode | undefined {
  let current = node
  let value: Json | undefined = doc
  for (const key of path) {
    if (!current) return undefined
    if (current.oneOf && value && typeof value === 'object' && !Array.isArray(value)) {
      const type = value.type
      current = current.oneOf.find((branch) => branch.properties?.type?.const === type)
      if (!current) return undefined
    }
    current = typeof key === 'number' ? current.items : current.properties?.[key]
    value = value && typeof value === 'object' ? (value as Record<string, Json>)[key as string] : undefined
  }
  if (current?.oneOf && value && typeof value === 'object' && !Array.isArray(value)) {
    const type = value.type
    return current.oneOf.find((branch) => branch.properties?.type?.const === type) ?? current
  }
  return current
}

/** Every path in the document, the root included. */
function pathsOf(doc: Json): (string | number)[][] {
  const out: (string | number)[][] = []
  const walk = (value: Json, path: (string | number)[]): void => {
    out.push(path)
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]))
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key])
  }
  walk(doc, [])
  return out
}

function getAt(doc: Json, path: readonly (string | number)[]): Json | undefined {
  let value: Json | undefined = doc
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, Json>)[key as string] : undefined
  return value
}

function setAt(doc: Json, path: readonly (string | number)[], next: Json | undefined): Json {
  if (path.length === 0) return next === undefined ? null : next
  const parent = getAt(doc, path.slice(0, -1))
  const key = path[path.length - 1] as string | number
  if (Array.isArray(parent) && typeof key === 'number') {
    if (next === undefined) parent.splice(key, 1)
    else parent[key] = next
  } else if (parent && typeof parent === 'object') {
    const record = parent as JsonObject
    if (next === undefined) delete record[key]
    else record[key] = next
  }
  return doc
}

/** A string near a limit: exactly at it and one past, in ASCII, in Extension B, with markup or spaces around. */
function boundaryString(random: () => number, max: number): string {
  const n = pick(random, [max, max + 1, Math.max(1, max - 1)])
  switch (pick(random, ['ascii', 'extb', 'markup', 'spaces', 'invisible', 'entity'] as const)) {
    case 'ascii':
      return 'a'.repeat(n)
    case 'extb':
      return EXT_B.repeat(n)
    case 'markup':
      return `<b>${'县'.repeat(n)}</b>`
    case 'spaces':
      return ` ${'县'.repeat(n)} `
    case 'invisible':
      return `\u200B${'县'.repeat(n)}`
    case 'entity':
      return `${'县'.repeat(n - 1)}&amp;`
  }
}

function mutateOnce(random: () => number, doc: Json, schema: SchemaNode, steps: string[]): Json {
  const paths = pathsOf(doc)
  const path = pick(random, paths)
  const value = getAt(doc, path)
  const node = schemaAt(schema, doc, path)
  const where = `$${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`
  const roll = random()
  let next: Json | undefined
  if (roll < 0.08 && path.length > 0) {
    steps.push(`delete ${where}`)
    return setAt(doc, path, undefined)
  }
  if (roll < 0.16) {
    next = wire(pick(random, OTHERS))
  } else if (typeof value === 'string') {
    const looksLike = /^\d{4}-\d\d-\d\dT/.test(value) ? 'time' : /^https?:/i.test(value) ? 'url' : 'text'
    const r = random()
    if (node?.maxLength !== undefined && r < 0.35) next = boundaryString(random, node.maxLength)
    else if (looksLike === 'time' && r < 0.85) next = pick(random, TIMESTAMPS)
    else if (looksLike === 'url' && r < 0.85) next = pick(random, URLS)
    else if (r < 0.6) next = pick(random, TEXTS)
    else if (r < 0.7) next = `<p>${value}</p>`
    else if (r < 0.8) next = `${pick(random, ['\u202E', '\u200B', '\u0085', ' ', '&#8238;'])}${value}`
    else next = pick(random, [...TIMESTAMPS, ...URLS, ...TEXTS])
  } else if (typeof value === 'number') {
    next = pick(random, NUMBERS)
  } else if (typeof value === 'boolean') {
    next = pick(random, ['true', 0, null, !value])
  } else if (Array.isArray(value)) {
    const r = random()
    if (r < 0.3 && value.length > 0) {
      next = [...value, value[Math.floor(random() * value.length)] as Json]
    } else if (r < 0.5 && node?.maxItems !== undefined && node.maxItems <= 200 && value.length > 0) {
      const count = pick(random, [node.maxItems, node.maxItems + 1])
      next = Array.from({ length: count }, (_, i) => wire(value[i % value.length]))
    } else if (r < 0.65) {
      next = []
    } else if (r < 0.8 && value.length > 0) {
      next = value.slice(1)
    } else {
      next = wire(pick(random, OTHERS))
    }
  } else if (value && typeof value === 'object') {
    const keys = Object.keys(value)
    if (random() < 0.5 && keys.length > 0) {
      const key = pick(random, keys)
      steps.push(`delete ${where}.${key}`)
      return setAt(doc, [...path, key], undefined)
    }
    next = { ...value, [pick(random, ['x-cms', 'layout', 'type', 'extra'])]: wire(pick(random, OTHERS)) }
  } else {
    next = wire(pick(random, [...OTHERS, 'x']))
  }
  steps.push(`${where} = ${JSON.stringify(next)?.slice(0, 60)}`)
  return setAt(doc, path, next)
}

/** `count` mutants, the same ones for the same seed, one to three mutations each. */
export function mutants(seed: number, count: number, schemas: Record<DocKind, SchemaNode>): Mutant[] {
  const random = rng(seed)
  const bases = fixtureDocuments()
  const out: Mutant[] = []
  for (let i = 0; i < count; i++) {
    const base = pick(random, bases)
    let doc = wire(base.doc)
    const steps = [base.name]
    const times = 1 + Math.floor(random() * 3)
    for (let k = 0; k < times; k++) doc = mutateOnce(random, doc, schemas[base.kind], steps)
    out.push({ kind: base.kind, doc, steps })
  }
  return out
}
