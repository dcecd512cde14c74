/**
 * A hostile or broken feed costs the box a bounded amount of work and memory, and the reader answers with
 * problems, never with an exception: documents too large to read, values nested thousands deep, huge
 * values echoed into problems, lists far past their limits.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeValue, parseGuideDetail, parseIndex, parseJson, parseNoticeDetail, type Problem } from '../../src/feed/document'
import { LIMITS } from '../../src/feed/schema'

type Json = Record<string, unknown>

const T = '2026-11-20T09:00:00+08:00'
const notice = (over: Json = {}): Json => ({ id: 'n1', title: '通知', category: '通知公告', publisher: '县政府办', publishedAt: T, ...over })
const index = (over: Json = {}): Json => ({ schemaVersion: 1, generatedAt: T, region: { code: '431025', name: '临武县' }, notices: [notice()], ...over })
const noticeDoc = (over: Json = {}): Json => ({ schemaVersion: 1, ...notice(), body: [{ type: 'paragraph', text: '正文' }], ...over })
const guideDoc = (over: Json = {}): Json => ({
  schemaVersion: 1,
  id: 'g1',
  code: 'GG-1',
  name: '城乡居民养老保险待遇资格认证',
  category: '社会保障',
  department: '县社保中心',
  targets: '本县居民',
  ...over,
})

/** A JSON value nested `depth` arrays deep around `inner`, built without recursion. */
function nested(depth: number, inner: unknown = 1): unknown {
  let value = inner
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** Text of `doc` padded with spaces inside the object to exactly `length` characters. */
function paddedText(doc: Json, length: number): string {
  const text = JSON.stringify(doc)
  return `${text.slice(0, -1)}${' '.repeat(Math.max(0, length - text.length))}}`
}

afterEach(() => vi.restoreAllMocks())

describe('a document too large to read is refused before it is parsed', () => {
  it(`refuses an index longer than LIMITS.indexChars (${LIMITS.indexChars}) without calling JSON.parse`, () => {
    const text = paddedText(index(), LIMITS.indexChars + 1)
    const parse = vi.spyOn(JSON, 'parse')
    const parsed = parseIndex(text)
    expect(parse).not.toHaveBeenCalled()
    expect(parsed.ok).toBe(false)
    // A refused document: the repository keeps showing its last good copy, as for any unreadable one.
    expect(!parsed.ok && parsed.reason).toBe('not-json')
    expect(parsed.problems).toEqual([
      { path: '$', kind: 'too-large', expected: `<=${LIMITS.indexChars}`, received: String(LIMITS.indexChars + 1), dropped: false },
    ])
  })

  it('reads an index of exactly LIMITS.indexChars characters', () => {
    const parsed = parseIndex(paddedText(index(), LIMITS.indexChars))
    expect(parsed.ok).toBe(true)
  })

  it(`refuses notice and guide documents longer than LIMITS.detailChars (${LIMITS.detailChars})`, () => {
    for (const parsed of [
      parseNoticeDetail(paddedText(noticeDoc(), LIMITS.detailChars + 1)),
      parseGuideDetail(paddedText(guideDoc(), LIMITS.detailChars + 1)),
    ]) {
      expect(parsed.ok).toBe(false)
      expect(parsed.problems).toEqual([
        { path: '$', kind: 'too-large', expected: `<=${LIMITS.detailChars}`, received: String(LIMITS.detailChars + 1), dropped: false },
      ])
    }
    expect(parseNoticeDetail(paddedText(noticeDoc(), LIMITS.detailChars)).ok).toBe(true)
  })

  it('says the same through parseJson, with the limit of the document kind', () => {
    const text = paddedText(noticeDoc(), LIMITS.detailChars + 1)
    expect(parseJson(text, LIMITS.detailChars)).toMatchObject({ ok: false, problem: { kind: 'too-large' } })
    expect(parseJson(text).ok).toBe(true)
  })
})

describe('problems never carry a huge value', () => {
  const short = (p: Problem) => (p.received ?? '').length <= LIMITS.receivedChars + 1

  it(`cuts a received value to LIMITS.receivedChars (${LIMITS.receivedChars}) characters and an ellipsis`, () => {
    const id = `x${'y'.repeat(1_000_000)} bad`
    const parsed = parseIndex(index({ notices: [notice({ id })] }))
    expect(parsed.problems).toHaveLength(1)
    const problem = parsed.problems[0] as Problem
    expect(problem).toMatchObject({ path: '$.notices[0].id', kind: 'id' })
    expect(problem.received).toBe(`${`"x${'y'.repeat(1_000_000)}`.slice(0, LIMITS.receivedChars)}…`)
  })

  it('cuts received values of every kind of problem', () => {
    const huge = 'z'.repeat(100_000)
    const parsed = parseIndex(
      index({
        generatedAt: T,
        notices: [notice({ publishedAt: huge }), notice({ id: 'n2', pinned: huge }), notice({ id: 'n3', docNo: { a: huge } })],
        hotlines: [{ name: '热线', phone: huge }],
        alerts: [{ id: 'a1', level: huge, title: 't', text: 't', validUntil: T }],
      }),
    )
    expect(parsed.problems.length).toBeGreaterThanOrEqual(5)
    for (const p of parsed.problems) expect(short(p), p.path).toBe(true)
  })

  it('describes a version that is a large object briefly', () => {
    const parsed = parseIndex(index({ schemaVersion: { v: 'x'.repeat(10_000), list: Array.from({ length: 10_000 }, (_, i) => i) } }))
    expect(parsed.problems).toHaveLength(1)
    expect(short(parsed.problems[0] as Problem)).toBe(true)
    expect(parsed.problems[0]?.received).toMatch(/^\{"v":"xxx/)
  })
})

describe('values nested thousands deep', () => {
  it('reports a schemaVersion nested 5 000 deep as a version problem instead of overflowing the stack', () => {
    // As text too: JSON.parse reads this depth; JSON.stringify of it is what overflowed.
    const text = JSON.stringify(index({ schemaVersion: 0 })).replace('"schemaVersion":0', `"schemaVersion":${'['.repeat(5000)}1${']'.repeat(5000)}`)
    for (const input of [index({ schemaVersion: nested(5000) }), text]) {
      const parsed = parseIndex(input)
      expect(parsed.ok).toBe(false)
      expect(parsed.problems).toEqual([{ path: '$.schemaVersion', kind: 'version', expected: '1.x', received: '[[[[…]]]]', dropped: false }])
    }
  })

  it('reads deep values in every place of every document without throwing', () => {
    const deep = nested(100_000, { title: 'x' })
    const inputs: [string, () => unknown][] = [
      ['index region', () => parseIndex(index({ region: deep }))],
      ['index notice', () => parseIndex(index({ notices: [deep, notice()] }))],
      ['index title', () => parseIndex(index({ notices: [notice({ title: deep })] }))],
      ['index unknown field', () => parseIndex(index({ cms: deep }))],
      ['notice body', () => parseNoticeDetail(noticeDoc({ body: [deep] }))],
      ['notice version', () => parseNoticeDetail(noticeDoc({ schemaVersion: deep }))],
      ['guide materials', () => parseGuideDetail(guideDoc({ materials: deep }))],
      ['guide version', () => parseGuideDetail(guideDoc({ schemaVersion: deep }))],
    ]
    for (const [name, read] of inputs) expect(read, name).not.toThrow()
  })

  it('describes any value in a bounded string, however deep or wide', () => {
    expect(describeValue(nested(100_000))).toBe('[[[[…]]]]')
    expect(describeValue(undefined)).toBe('undefined')
    expect(describeValue('1')).toBe('"1"')
    expect(describeValue(2.5)).toBe('2.5')
    expect(describeValue(null)).toBe('null')
    expect(describeValue({ a: [1, { b: 2 }] })).toBe('{"a":[1,{"b":2}]}')
    expect(describeValue(Array.from({ length: 1_000_000 }, () => 0)).length).toBeLessThanOrEqual(LIMITS.receivedChars + 1)
  })
})

describe('lists far past their limits are not read to the end', () => {
  it('validates only the first LIMITS.notices notices of an index', () => {
    const many = Array.from({ length: LIMITS.notices * 10 }, (_, i) => (i < LIMITS.notices ? notice({ id: `n${i}` }) : 'not a notice'))
    const parsed = parseIndex(index({ notices: many }))
    expect(parsed.ok && parsed.value.notices).toHaveLength(LIMITS.notices)
    expect(parsed.problems).toEqual([
      { path: '$.notices', kind: 'too-many', expected: String(LIMITS.notices), received: String(LIMITS.notices * 10), dropped: true },
    ])
  })

  it('refuses a list inside a guide by its length, without one problem per item', () => {
    const conditions = Array.from({ length: LIMITS.steps * 100 }, () => 0)
    const parsed = parseGuideDetail(guideDoc({ conditions }))
    expect(parsed.problems).toEqual([
      { path: '$.conditions', kind: 'max_length', expected: `<=${LIMITS.steps}`, received: String(LIMITS.steps * 100), dropped: false },
    ])
  })

  it('drops a list block with too many items with one problem', () => {
    const items = Array.from({ length: LIMITS.listItems * 100 }, () => null)
    const parsed = parseNoticeDetail(noticeDoc({ body: [{ type: 'list', items }, { type: 'paragraph', text: '留下' }] }))
    expect(parsed.ok && parsed.value.body).toEqual([{ type: 'paragraph', text: '留下' }])
    expect(parsed.problems).toEqual([
      { path: '$.body[0].items', kind: 'max_length', expected: `<=${LIMITS.listItems}`, received: String(LIMITS.listItems * 100), dropped: true },
    ])
  })
})
