import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildFeedSchema, renderFeedSchema, SCHEMA_FILE } from '../../scripts/export-schema'
import { readSettings } from '../../src/config/settings'
import { parseGuideDetail } from '../../src/feed/document'
import { describeProblem } from '../../src/editor/problemText'
import { HTTP_URL_PATTERN, LIMITS } from '../../src/feed/schema'
import { checkDraft, detectKind } from '../../src/editor/draftFiles'
import { READERS, type DocKind } from './feedMutants'

type Node = Record<string, any>

describe('docs/feed.schema.json', () => {
  it('is up to date with src/feed/schema.ts (run `npm run export-schema` when this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderFeedSchema())
  })

  const schema = buildFeedSchema() as Node
  const defs = schema.$defs as Record<string, Node>

  it('has one definition per document', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(Object.keys(defs)).toEqual(['index', 'notice', 'guide', 'progress', 'pollAnswer', 'pollResults', 'faq-topic', 'faq-search', 'faq-entry', 'assistRequest', 'assistAccepted', 'assistClosed', 'assistInvalid'])
    for (const def of Object.values(defs)) {
      expect(def.type).toBe('object')
      expect(def.description).toEqual(expect.any(String))
    }
  })

  it('lists the required fields and leaves unknown fields allowed', () => {
    expect(defs.index?.required).toEqual(['schemaVersion', 'generatedAt', 'region'])
    expect(defs.notice?.required).toEqual(expect.arrayContaining(['id', 'title', 'category', 'publisher', 'publishedAt', 'schemaVersion']))
    expect(defs.guide?.required).toEqual(expect.arrayContaining(['id', 'code', 'name', 'department', 'targets']))
    expect(defs.progress?.required).toEqual(expect.arrayContaining(['applicationNo', 'status']))
    for (const def of Object.values(defs)) expect(def.additionalProperties).not.toBe(false)
  })

  it('carries the limits', () => {
    const props = defs.index?.properties as Record<string, Node>
    expect(props.notices?.maxItems).toBe(LIMITS.notices)
    expect(props.guides?.maxItems).toBe(LIMITS.guides)
    expect(props.alerts?.maxItems).toBe(LIMITS.alerts)
    expect(props.hotlines?.maxItems).toBe(LIMITS.hotlines)
    expect(props.polls?.maxItems).toBe(LIMITS.polls)
    expect(props.polls?.items.properties.options).toMatchObject({ minItems: LIMITS.pollOptionsMin, maxItems: LIMITS.pollOptions })
    expect(defs.pollAnswer?.required).toEqual(['optionId'])
    expect(props.notices?.items.properties.title.maxLength).toBe(200)
    expect(defs.notice?.properties.body.maxItems).toBe(LIMITS.bodyBlocks)
    expect(defs.guide?.properties.materials.maxItems).toBe(LIMITS.materials)
  })

  it('writes what the custom checks mean', () => {
    const publishedAt = defs.notice?.properties.publishedAt as Node
    expect(new RegExp(publishedAt.pattern).test('2026-11-20T09:30:00+08:00')).toBe(true)
    expect(new RegExp(publishedAt.pattern).test('2026-11-20 09:30')).toBe(false)
    expect(defs.index?.properties.schemaVersion).toMatchObject({ minimum: 1, exclusiveMaximum: 2 })
    const block = defs.notice?.properties.body.items.oneOf.find((b: Node) => b.properties.type.const === 'image')
    expect(block.properties.src.pattern).toBe(HTTP_URL_PATTERN)
    expect(block.properties.src.format).toBeUndefined()
    expect(defs.index?.properties.region.properties.code.pattern).toBe('^\\d{6,12}$')
  })
})

/** The ```json examples of a Markdown file, with the `<!-- file: PATH -->` note before each, if any. */
function examples(path: string): { file?: string; text: string }[] {
  const markdown = readFileSync(path, 'utf8')
  const out: { file?: string; text: string }[] = []
  for (const match of markdown.matchAll(/(?:<!-- file: (\S+) -->\s*)?```json\n([\s\S]*?)```/g)) {
    out.push({ file: match[1], text: match[2] ?? '' })
  }
  return out
}

describe('the examples in the docs', () => {
  it('docs/feed.md: every document example is valid and complete', () => {
    const found = examples('docs/feed.md')
    expect(found.length).toBeGreaterThanOrEqual(7)
    const kinds: string[] = []
    for (const { text } of found) {
      const value = JSON.parse(text) as Record<string, unknown>
      const kind = 'applicationNo' in value ? 'progress' : 'counts' in value ? 'pollResults' : (detectKind(value) ?? 'unknown')
      kinds.push(kind)
      const parsed = (READERS[kind as DocKind] ?? parseGuideDetail)(value)
      expect(parsed.problems.map((p) => describeProblem(p)), text.slice(0, 80)).toEqual([])
      expect(parsed.ok).toBe(true)
    }
    expect(kinds.sort()).toEqual(['faq-entry', 'faq-search', 'faq-topic', 'guide', 'index', 'notice', 'pollResults', 'progress'])
  })

  it('docs/editors.md: the small feed passes the validator, across files too', () => {
    const files = examples('docs/editors.md')
      .filter((e) => e.file)
      .map((e) => ({ name: e.file as string, feedPath: e.file as string, text: e.text }))
    expect(files.map((f) => f.feedPath)).toEqual([
      'v1/regions/431025/index.json',
      'v1/regions/431025/notices/n-2026-015.json',
      'v1/regions/431025/guides/g-sb-0102.json',
    ])
    for (const report of checkDraft(files)) {
      expect(report.problems.map((p) => describeProblem(p)), report.name).toEqual([])
      expect(report.ok).toBe(true)
    }
  })

  it('docs/operators.md: the settings example is valid', () => {
    const found = examples('docs/operators.md')
    expect(found.length).toBeGreaterThanOrEqual(1)
    for (const { text } of found) expect(() => readSettings(JSON.parse(text))).not.toThrow()
  })
})
