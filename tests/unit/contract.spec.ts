/**
 * One contract for every tool: docs/feed.schema.json, run by a second validator (ajv, as editors run it),
 * accepts exactly the documents the box reads without a problem. Where JSON Schema cannot say what the box
 * does, docs/feed.md ("What a JSON Schema validator cannot check") names the case, and this spec allows
 * those cases and nothing else.
 */
import { readFileSync } from 'node:fs'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { GuideDetailSchema, isTimestamp, NoticeSummarySchema, toPlainText, VISIBLE_TEXT_PATTERN } from '../../src/feed/schema'
import { fixtureDocuments, mutants, READERS, type DocKind, type Json, type SchemaNode } from './feedMutants'

const SCHEMA = JSON.parse(readFileSync('docs/feed.schema.json', 'utf8')) as { $id: string; $defs: Record<DocKind, SchemaNode> }
const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats(ajv)
ajv.addSchema(SCHEMA)
const KINDS: DocKind[] = ['index', 'notice', 'guide', 'progress', 'pollAnswer', 'pollResults', 'faq-topic', 'faq-search', 'faq-entry']
const VALIDATE = Object.fromEntries(
  KINDS.map((kind) => [kind, ajv.getSchema(`${SCHEMA.$id}#/$defs/${kind}`) as ValidateFunction]),
) as Record<DocKind, ValidateFunction>

const T = '2026-11-20T09:00:00+08:00'
const TIMESTAMP_PATTERN = new RegExp(SCHEMA.$defs.notice.properties?.publishedAt?.pattern ?? 'missing', 'u')
const VISIBLE = new RegExp(VISIBLE_TEXT_PATTERN)
const readerClean = (kind: DocKind, doc: unknown): boolean => {
  const parsed = READERS[kind](doc)
  return parsed.ok && parsed.problems.length === 0
}

type Path = (string | number)[]

/** The texts of a document: strings where the schema has the visible-text pattern, with their paths. */
function textsOf(node: SchemaNode | undefined, value: Json | undefined, path: Path = [], out: { path: Path; value: string }[] = []) {
  if (!node || value === undefined) return out
  if (node.oneOf && value && typeof value === 'object' && !Array.isArray(value)) {
    return textsOf(node.oneOf.find((b) => b.properties?.type?.const === value.type), value, path, out)
  }
  if (typeof value === 'string' && node.pattern === VISIBLE_TEXT_PATTERN) out.push({ path, value })
  if (Array.isArray(value)) value.forEach((item, i) => textsOf(node.items, item, [...path, i], out))
  else if (value && typeof value === 'object') for (const [key, sub] of Object.entries(node.properties ?? {})) textsOf(sub, value[key], [...path, key], out)
  return out
}

const jsonPath = (path: Path): string => `$${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`

function withTexts(doc: Json, texts: { path: Path; value: string }[]): Json {
  const copy = JSON.parse(JSON.stringify(doc)) as Json
  for (const { path, value } of texts) {
    let parent = copy as Record<string | number, Json>
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>
    parent[path[path.length - 1] as string | number] = value
  }
  return copy
}

/**
 * Which documented difference explains the two verdicts, or undefined when none does:
 * - `text measured after cleaning`: the schema measures a text as written, the box once markup, entities,
 *   invisible characters and surrounding spaces are gone; with every text cleaned the schema accepts.
 * - `text empty after markup`: the box refuses a text that only markup or entities made empty (`<p></p>`,
 *   `&nbsp;`, `&#8238;`), which the schema's pattern lets through.
 * - `duplicate id`: ids repeat within a list; JSON Schema cannot say "unique by one field".
 * - `cross-reference`: a page number repeats across lists, or a collection names an id the index does not
 *   hold; JSON Schema cannot compare one part of a document with another (both are in its descriptions).
 * - `poll rule`: a poll's options repeat an id, or it closes before it opens; JSON Schema cannot compare
 *   one field with another either (both are in the index's description).
 */
function documentedCase(kind: DocKind, doc: Json): string | undefined {
  const parsed = READERS[kind](doc)
  const clean = parsed.ok && parsed.problems.length === 0
  const texts = textsOf(SCHEMA.$defs[kind], doc)
  if (clean) {
    const cleaned = withTexts(doc, texts.map(({ path, value }) => ({ path, value: toPlainText(value) })))
    return VALIDATE[kind](cleaned) ? 'text measured after cleaning' : undefined
  }
  const emptiedByMarkup = new Set(texts.filter(({ value }) => VISIBLE.test(value) && toPlainText(value) === '').map(({ path }) => jsonPath(path)))
  const cases = parsed.problems.map((p) => {
    if (p.kind === 'duplicate-id') return 'duplicate id'
    if (p.kind === 'duplicate-page-no' || p.kind === 'unknown-item') return 'cross-reference'
    if (p.kind === 'duplicate-option' || p.kind === 'closes-before-opens') return 'poll rule'
    if (p.kind === 'min_length' && emptiedByMarkup.has(p.path)) return 'text empty after markup'
    return undefined
  })
  return cases.every((c) => c !== undefined) ? [...new Set(cases)].join(' + ') : undefined
}

describe('the box and the JSON Schema agree on each rule the review found them split on', () => {
  it.each([
    ['30 February', '2026-02-30T09:00:00+08:00', false],
    ['29 February of a common year', '2026-02-29T09:00:00+08:00', false],
    ['29 February of a leap year', '2028-02-29T09:00:00+08:00', true],
    ['29 February 2100 (not a leap year)', '2100-02-29T09:00:00+08:00', false],
    ['29 February 2000 (a leap year)', '2000-02-29T09:00:00+08:00', true],
    ['29 February of year 0000 (a leap year)', '0000-02-29T09:00:00Z', true],
    ['31 April', '2026-04-31T09:00:00+08:00', false],
    ['hour 24', '2026-11-20T24:00:00+08:00', false],
    ['the last second of a day', '2026-11-20T23:59:59+08:00', true],
    ['offset +15:00', '2026-11-20T09:00+15:00', false],
    ['offset +14:00', '2026-11-20T09:00+14:00', true],
    ['offset +14:01', '2026-11-20T09:00+14:01', false],
    ['offset -12:00', '2026-11-20T09:00-12:00', true],
    ['offset -13:00', '2026-11-20T09:00-13:00', false],
    ['offset +05:45', '2026-11-20T09:00+05:45', true],
    ['nine fraction digits', '2026-11-20T09:00:00.123456789Z', true],
    ['ten fraction digits', '2026-11-20T09:00:00.1234567890Z', false],
    ['a lower-case t and z', '2026-11-20t09:00:00z', false],
    ['a trailing newline', '2026-11-20T09:00:00+08:00\n', false],
  ])('time: %s', (_name, time, valid) => {
    expect(isTimestamp(time)).toBe(valid)
    expect(TIMESTAMP_PATTERN.test(time)).toBe(valid)
  })

  it('counts text lengths in code points, as JSON Schema does: 200 CJK Extension B characters fit a title', () => {
    const extB = (n: number) => '\u{20000}'.repeat(n)
    for (const [title, valid] of [
      [extB(200), true],
      [extB(201), false],
    ] as const) {
      const doc = { schemaVersion: 1, ...notice(title) }
      expect(v.safeParse(NoticeSummarySchema, notice(title)).success).toBe(valid)
      expect(readerClean('notice', doc)).toBe(valid)
      expect(VALIDATE.notice(doc)).toBe(valid)
    }
  })

  it('refuses a text of only invisible characters or spaces in both', () => {
    for (const title of ['\u202E', '\u200B\u2060\uFEFF', '\u0085', ' \u3000 ', '\t\n']) {
      const doc = { schemaVersion: 1, ...notice(title) }
      expect(readerClean('notice', doc), JSON.stringify(title)).toBe(false)
      expect(VALIDATE.notice(doc), JSON.stringify(title)).toBe(false)
    }
  })

  it('refuses a list where an object belongs in both (valibot alone took [] for an object of optional fields)', () => {
    const guide = { schemaVersion: 1, id: 'g1', code: 'G-1', name: '参保登记', category: '社会保障', department: '社保中心', targets: '居民', phones: [] }
    expect(v.safeParse(GuideDetailSchema, guide).success).toBe(false)
    expect(readerClean('guide', guide)).toBe(false)
    expect(VALIDATE.guide(guide)).toBe(false)
  })

  it.each([
    ['no host', 'https://'],
    ['one slash', 'https:/h'],
    ['no slashes', 'http:h'],
    ['a tab inside', 'https://zwfw.example.cn/a\tb'],
  ])('refuses the URL with %s in both', (_name, url) => {
    const doc = { schemaVersion: 1, ...notice('通知'), attachments: [{ name: '附件', url }] }
    expect(readerClean('notice', doc)).toBe(false)
    expect(VALIDATE.notice(doc)).toBe(false)
  })

  it('accepts a Chinese path in both', () => {
    const doc = { schemaVersion: 1, ...notice('通知'), attachments: [{ name: '附件', url: 'https://zwfw.example.cn/事项/办理' }] }
    expect(readerClean('notice', doc)).toBe(true)
    expect(VALIDATE.notice(doc)).toBe(true)
  })
})

describe('the box and ajv over docs/feed.schema.json', () => {
  it('accept every fixture document', () => {
    for (const { kind, name, doc } of fixtureDocuments()) {
      expect(readerClean(kind, doc), name).toBe(true)
      expect(VALIDATE[kind](doc), `${name}: ${ajv.errorsText(VALIDATE[kind].errors)}`).toBe(true)
    }
  })

  it('give the same verdict on 3 000 seeded mutants, but for the documented cases', () => {
    const explained: Record<string, number> = {}
    const unexplained: string[] = []
    let agreed = 0
    for (const mutant of mutants(1, 3000, SCHEMA.$defs)) {
      const box = readerClean(mutant.kind, mutant.doc)
      const schema = VALIDATE[mutant.kind](mutant.doc)
      if (box === schema) {
        agreed++
        continue
      }
      const why = documentedCase(mutant.kind, mutant.doc)
      if (why) explained[why] = (explained[why] ?? 0) + 1
      else unexplained.push(`${box ? 'box accepts, schema refuses' : 'box refuses, schema accepts'}: ${mutant.steps.join(' | ')}`)
    }
    expect(unexplained).toEqual([])
    // The documented cases do occur (the mutants aim at them), and they are the only disagreements.
    expect(Object.keys(explained).sort()).toEqual(expect.arrayContaining(['text empty after markup', 'text measured after cleaning']))
    expect(agreed + Object.values(explained).reduce((a, b) => a + b, 0)).toBe(3000)
  })

  it('name no case that does not happen: a markup-free document disagrees on nothing', () => {
    // Mutants whose texts hold no markup, entity, invisible character or surrounding space must agree exactly.
    for (const mutant of mutants(2, 1500, SCHEMA.$defs)) {
      const texts = textsOf(SCHEMA.$defs[mutant.kind], mutant.doc)
      if (texts.some(({ value }) => toPlainText(value) !== value)) continue
      const box = readerClean(mutant.kind, mutant.doc)
      const schema = VALIDATE[mutant.kind](mutant.doc)
      if (box !== schema) expect(documentedCase(mutant.kind, mutant.doc), mutant.steps.join(' | ')).toMatch(/^(duplicate id|cross-reference|poll rule)( \+ (duplicate id|cross-reference|poll rule))*$/)
    }
  })
})

function notice(title: string) {
  return { id: 'n1', title, category: '通知公告', publisher: '县政府办', publishedAt: T }
}
