/**
 * Properties of the feed reader over generated input (fast-check, fixed seeds): whatever JSON arrives,
 * as a value or as text, however deep, the reader returns a verdict and never throws; every problem it
 * reports has a JSON path into the document it read, a kind, and a short received value.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Parsed, Problem } from '../../src/feed/document'
import { LIMITS } from '../../src/feed/schema'
import { fixtureDocuments, READERS, type DocKind, type Json } from './feedMutants'
const KINDS = Object.keys(READERS) as DocKind[]
const REASONS = ['not-json', 'not-object', 'version', 'envelope']
const RUNS = { seed: 20261120, numRuns: 400 }

/** `$`, `$.notices[3].title` … as segments, or undefined when the path is not one. */
function segments(path: string): (string | number)[] | undefined {
  if (path[0] !== '$') return undefined
  const out: (string | number)[] = []
  const re = /\.([^.[\]]+)|\[(\d+)\]/g
  let at = 1
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m.index !== at) return undefined
    out.push(m[1] !== undefined ? m[1] : Number(m[2]))
    at = re.lastIndex
  }
  return at === path.length ? out : undefined
}

/** The value a path names in `doc`: a missing last key is fine (a missing field), a missing parent is not. */
function parentExists(doc: unknown, path: (string | number)[]): boolean {
  let value: unknown = doc
  for (const key of path.slice(0, -1)) {
    if (value === null || typeof value !== 'object') return false
    value = (value as Record<string | number, unknown>)[key]
  }
  return path.length === 0 || (value !== null && typeof value === 'object')
}

/** What every verdict of the reader must look like, for the document it was given. */
function expectWellFormed(kind: DocKind, doc: unknown, parsed: Parsed<unknown>): void {
  expect(Array.isArray(parsed.problems)).toBe(true)
  if (!parsed.ok) {
    expect(REASONS).toContain(parsed.reason)
    expect(parsed.problems.length).toBeGreaterThan(0)
    for (const p of parsed.problems) expect(p.dropped).toBe(false)
  } else if (kind === 'guide' || kind === 'progress' || kind === 'pollAnswer' || kind === 'pollResults') {
    expect(parsed.problems).toEqual([])
  } else {
    for (const p of parsed.problems) expect(p.dropped).toBe(true)
  }
  for (const p of parsed.problems as Problem[]) {
    const path = segments(p.path)
    expect(path, p.path).toBeDefined()
    expect(parentExists(doc, path ?? []), `${p.path} in the document`).toBe(true)
    expect(typeof p.kind).toBe('string')
    expect(p.kind.length).toBeGreaterThan(0)
    expect((p.received ?? '').length).toBeLessThanOrEqual(LIMITS.receivedChars + 1)
  }
}

/** A value as it arrives on the wire: what JSON.stringify keeps (no -0, no undefined). */
const wire = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json

/** A value nested `depth` levels deep in arrays and objects, built without recursion. */
const deep = fc
  .record({ depth: fc.integer({ min: 500, max: 20_000 }), inner: fc.jsonValue({ maxDepth: 2 }), objects: fc.boolean() })
  .map(({ depth, inner, objects }) => {
    let value: unknown = inner
    for (let i = 0; i < depth; i++) value = objects && i % 2 === 0 ? { title: value } : [value]
    return value
  })

/** The paths of a document down to `maxDepth`, for choosing where to put something (a deep value has too many). */
function pathsOf(doc: unknown, maxDepth = 8): (string | number)[][] {
  const out: (string | number)[][] = [[]]
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (path.length >= maxDepth || value === null || typeof value !== 'object') return
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value)
    for (const [key, item] of entries) {
      out.push([...path, key])
      walk(item, [...path, key])
    }
  }
  walk(doc, [])
  return out
}

/** `doc` with the value at `path` replaced, copying only the containers on the way (values may be deep). */
function replaced(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const [key, ...rest] = path
  if (key === undefined || doc === null || typeof doc !== 'object') return key === undefined ? value : doc
  const copy = (Array.isArray(doc) ? [...(doc as unknown[])] : { ...(doc as Record<string, unknown>) }) as Record<string | number, unknown>
  copy[key] = replaced(copy[key], rest, value)
  return copy
}

const FIXTURES = fixtureDocuments()

/** A fixture document with one to four of its values replaced by arbitrary JSON (or a deep value). */
const mutatedFixture = fc
  .record({
    fixture: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
    changes: fc.array(fc.record({ at: fc.nat(), value: fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: deep }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map(({ fixture, changes }) => {
    const { kind, doc } = FIXTURES[fixture] as (typeof FIXTURES)[number]
    let current: unknown = doc
    for (const { at, value } of changes) {
      const paths = pathsOf(current)
      current = replaced(current, paths[at % paths.length] as (string | number)[], value)
    }
    return { kind, doc: current }
  })

describe('the feed reader never throws and always says where', () => {
  it.each(KINDS)('reads any JSON value as a %s document', (kind) => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const doc = wire(value)
        expectWellFormed(kind, doc, READERS[kind](doc))
      }),
      RUNS,
    )
  })

  it.each(['index', 'notice', 'guide'] as const)('reads any JSON text as a %s document, as it reads the value', (kind) => {
    fc.assert(
      // A string handed to the reader is the document's text, not a JSON string value.
      fc.property(fc.jsonValue().filter((value) => typeof value !== 'string'), (value) => {
        const doc = wire(value)
        const fromText = READERS[kind](JSON.stringify(doc))
        expectWellFormed(kind, doc, fromText)
        expect(fromText).toEqual(READERS[kind](doc))
      }),
      RUNS,
    )
  })

  it.each(['index', 'notice', 'guide'] as const)('reads any text at all as a %s document', (kind) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectWellFormed(kind, undefined, READERS[kind](text))
      }),
      RUNS,
    )
  })

  it.each(KINDS)('reads a value nested thousands deep in any place of a %s fixture', (kind) => {
    const fixtures = FIXTURES.filter((f) => f.kind === kind)
    fc.assert(
      // -1: the version, the first thing every reader looks at and describes in its problem.
      fc.property(fc.integer({ min: 0, max: fixtures.length - 1 }), fc.oneof(fc.constant(-1), fc.nat()), deep, (which, at, value) => {
        const { doc } = fixtures[which] as (typeof fixtures)[number]
        const paths = pathsOf(doc)
        const path = at < 0 ? ['schemaVersion'] : (paths[at % paths.length] as (string | number)[])
        const mutated = replaced(doc, path, value)
        expectWellFormed(kind, mutated, READERS[kind](mutated))
      }),
      { ...RUNS, numRuns: 100 },
    )
  })

  it('reads mutated fixture documents of every kind', () => {
    fc.assert(
      fc.property(mutatedFixture, ({ kind, doc }) => {
        expectWellFormed(kind, doc, READERS[kind](doc))
      }),
      { ...RUNS, numRuns: 1000 },
    )
  })

  it('accepts every fixture document untouched, with no problem', () => {
    for (const { kind, name, doc } of FIXTURES) {
      const parsed = READERS[kind](doc)
      expect(parsed.problems, name).toEqual([])
      expect(parsed.ok, name).toBe(true)
    }
  })
})
