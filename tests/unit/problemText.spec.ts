import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseGuideDetail, parseIndex, parseNoticeDetail, parseProgress, type Problem } from '../../src/feed/document'
import { describeProblem, isBlocking, problemMessage, problemSeverity, uniqueProblems } from '../../src/editor/problemText'

const T = '2026-11-20T09:30:00+08:00'
const notice = (over: Record<string, unknown> = {}) => ({
  id: 'n1',
  title: '关于开展资格认证的通知',
  category: '通知公告',
  publisher: '县人社局',
  publishedAt: T,
  ...over,
})
const index = (over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  generatedAt: T,
  region: { code: '431025', name: '临武县' },
  ...over,
})

const line = (p: Problem) => describeProblem(p)
const only = (problems: Problem[]) => {
  expect(problems).toHaveLength(1)
  return line(problems[0] as Problem)
}

describe('describeProblem (Chinese, for editors)', () => {
  it('says a title is too long, with the limit', () => {
    const result = parseIndex(index({ notices: [notice(), notice({ id: 'n2' }), notice({ id: 'n3' }), notice({ id: 'n4', title: '长'.repeat(230) })] }))
    expect(only(result.problems)).toBe('$.notices[3].title：文字太长，最多 200 个字，实际 230 个字（这一条不显示，其余照常）')
  })

  it('says a timestamp has the wrong format and shows a good one', () => {
    const result = parseIndex(index({ notices: [notice({ publishedAt: '2026-11-20 09:30' })] }))
    const text = only(result.problems)
    expect(text).toContain('$.notices[0].publishedAt：时间格式不对，应为带时区的 ISO 8601，如 2026-11-20T09:30:00+08:00')
    expect(text).toContain('"2026-11-20 09:30"')
  })

  it('says the version is not supported', () => {
    expect(only(parseIndex(index({ schemaVersion: 2 })).problems)).toBe(
      '$.schemaVersion：版本不受支持，应为 1.x，实际为 2（整个文件不被采用，机顶盒继续显示上一次的内容）',
    )
    expect(only(parseIndex({ generatedAt: T }).problems)).toContain('缺少 schemaVersion，应为 1.x')
  })

  it('says the text is not JSON', () => {
    expect(only(parseIndex('{"schemaVersion": 1,}').problems)).toMatch(/^\$：不是有效的 JSON（.+）/)
  })

  it('says a document is not an object', () => {
    expect(only(parseIndex('[]').problems)).toContain('$：应为对象 { … }，实际为 Array')
  })

  it('names a missing required field', () => {
    expect(only(parseIndex(index({ notices: [{ id: 'n1', category: 'c', publisher: 'p', publishedAt: T }] })).problems)).toBe(
      '$.notices[0].title：缺少必填字段 title（这一条不显示，其余照常）',
    )
  })

  it('tells a skipped item from a rejected document', () => {
    const dropped = parseIndex(index({ alerts: [{ id: 'a', level: 'purple', title: 't', text: 't', validUntil: T }] }))
    expect(only(dropped.problems)).toBe(
      '$.alerts[0].level：取值不对，应为 red、orange、yellow、blue、info 之一，实际为 "purple"（这一条不显示，其余照常）',
    )
    const rejected = parseIndex(index({ region: { code: '12', name: '临武县' } }))
    expect(only(rejected.problems)).toBe(
      '$.region.code：地区编码不对，应为 6 到 12 位数字的行政区划代码，如 "431025"，实际为 "12"（整个文件不被采用，机顶盒继续显示上一次的内容）',
    )
  })

  it('covers the index-level checks: ids, duplicates, lists, limits', () => {
    const problems = parseIndex(
      index({
        notices: [notice(), notice(), notice({ id: 'bad id!' })],
        guides: { not: 'a list' },
        hotlines: [{ name: '热线', phone: 'call us' }],
        alerts: Array.from({ length: 21 }, (_, i) => ({ id: `a${i}`, level: 'info', title: 't', text: 't', validUntil: T })),
      }),
    ).problems.map(line)
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.alerts：条目太多，最多 20 条，实际 21 条（超出部分不显示）',
        expect.stringMatching(/^\$\.notices\[1\]\.id：编号 n1 重复，每条的 id 必须不同（后出现的一条不显示）$/),
        expect.stringMatching(/^\$\.notices\[2\]\.id：编号格式不对.*实际为 "bad id!"/),
        '$.guides：应为列表 [ … ]，实际为 object（这一组不显示）',
        expect.stringMatching(/^\$\.hotlines\[0\]\.phone：电话号码格式不对.*实际为 "call us"/),
      ]),
    )
    // A list-typed problem inside an item drops that item, not a whole list.
    const inItem = describeProblem({ path: '$.guides[1].tags', kind: 'array', expected: 'Array', received: '"免证办"', dropped: true })
    expect(inItem).toMatch(/^\$\.guides\[1\]\.tags：.*（这一条不显示，其余照常）$/)
    expect(problems.filter((l) => l.endsWith('（这一组不显示）'))).toEqual(['$.guides：应为列表 [ … ]，实际为 object（这一组不显示）'])
  })

  it('covers notice body blocks: variant, http-url, integer, max_value, min_length of a list', () => {
    const result = parseNoticeDetail({
      ...notice(),
      schemaVersion: 1,
      body: [
        { type: 'video', src: 'x' },
        { type: 'image', src: 'javascript:alert(1)', alt: '图' },
        { type: 'image', src: 'https://img.example.cn/a.png', alt: '图', width: 1.5 },
        { type: 'image', src: 'https://img.example.cn/a.png', alt: '图', height: 5000 },
        { type: 'list', items: [] },
        { type: 'paragraph', text: '<p></p>' },
        { text: 'no type' },
        42,
      ],
    })
    expect(result.ok).toBe(true)
    expect(result.problems.map(line)).toEqual([
      '$.body[0].type：type 不对，应为 paragraph、heading、image、list 之一，实际为 "video"（这一条不显示，其余照常）',
      '$.body[1].src：网址不对，应为 http:// 或 https:// 开头的完整网址，实际为 "javascript:alert(1)"（这一条不显示，其余照常）',
      '$.body[2].width：应为整数，实际为 1.5（这一条不显示，其余照常）',
      '$.body[3].height：数值太大，最大为 4096，实际为 5000（这一条不显示，其余照常）',
      '$.body[4].items：列表不能少于 1 条，实际 0 条（这一条不显示，其余照常）',
      '$.body[5].text：不能为空（去掉 HTML 标签和空白后没有文字）（这一条不显示，其余照常）',
      '$.body[6].type：缺少 type，应为 paragraph、heading、image、list 之一（这一条不显示，其余照常）',
      '$.body[7]：应为对象 { … }，实际为 42（这一条不显示，其余照常）',
    ])
  })

  it('covers guide fields: types, picklists, min/max values, list lengths', () => {
    const result = parseGuideDetail({
      schemaVersion: 1,
      id: 'g1',
      code: 'GG-1',
      name: '参保登记',
      category: '社会保障',
      department: '社保中心',
      targets: '城乡居民',
      tags: Array.from({ length: 11 }, () => '免证办'),
      materials: [{ name: '身份证', form: 'scan', copies: -1, shared: 'yes' }],
      visits: 11,
      fee: 0,
    })
    expect(result.ok).toBe(false)
    expect(result.problems.map(line).sort()).toEqual([
      '$.tags：条目太多，最多 10 条，实际 11 条（整个文件不被采用，机顶盒继续显示上一次的内容）',
      '$.materials[0].form：取值不对，应为 original、copy、original-and-copy、electronic 之一，实际为 "scan"（整个文件不被采用，机顶盒继续显示上一次的内容）',
      '$.materials[0].copies：数值太小，最小为 0，实际为 -1（整个文件不被采用，机顶盒继续显示上一次的内容）',
      '$.materials[0].shared：类型不对，应为布尔值 true 或 false（不加引号），实际为 "yes"（整个文件不被采用，机顶盒继续显示上一次的内容）',
      '$.visits：数值太大，最大为 10，实际为 11（整个文件不被采用，机顶盒继续显示上一次的内容）',
      '$.fee：类型不对，应为文字（字符串，加英文双引号），实际为 0（整个文件不被采用，机顶盒继续显示上一次的内容）',
    ].sort())
  })

  it('covers the progress answer: application-no and status', () => {
    const result = parseProgress({ applicationNo: '1', itemName: '事项', applicant: '张*三', submittedAt: T, status: 'lost' })
    expect(result.problems.map(line)).toEqual([
      '$.applicationNo：办件编号格式不对，应为 4 到 32 位字母、数字或 -，实际为 "1"（整个文件不被采用，机顶盒继续显示上一次的内容）',
      expect.stringContaining('$.status：取值不对，应为 submitted、accepted、needs-supplement'),
    ])
  })

  it('has a specific text for every kind the feed readers and the validator produce', () => {
    const kinds = [
      'not-json', 'too-large', 'version', 'too-many', 'duplicate-id', 'array', 'object', 'id', 'timestamp', 'http-url', 'phone',
      'region-code', 'application-no', 'string', 'number', 'boolean', 'picklist', 'literal', 'variant', 'min_length',
      'max_length', 'min_value', 'max_value', 'integer', 'missing-detail', 'id-mismatch', 'region-mismatch', 'orphan',
      'unknown-kind', 'record', 'union', 'regex', 'check', 'non_empty', 'length', 'null', 'enum',
    ]
    for (const kind of kinds) {
      const p: Problem = { path: '$.x', kind, expected: '<=5', received: '"y"', dropped: true }
      expect(problemMessage(p), kind).not.toContain('不符合要求')
      expect(problemMessage(p, 'en'), kind).not.toContain('invalid (')
    }
    expect(problemMessage({ path: '$', kind: 'too-large', expected: '<=2000000', received: '2500000', dropped: false })).toContain('最多 2000000 个字符')
    // Anything new still gets a readable line with the raw kind.
    expect(problemMessage({ path: '$.x', kind: 'emoji', received: '"y"', dropped: true })).toContain('不符合要求（emoji）')
  })

  it('says why a box refused a refresh that parsed: an emptied list, another region, an older copy', () => {
    expect(line({ path: '$.notices', kind: 'emptied-list', expected: '12', received: '0', dropped: false })).toBe(
      '$.notices：这一组原有 12 条，新文件里一条也没有：机顶盒不采用这个文件，继续显示上一次的内容',
    )
    expect(
      line({ path: '$.generatedAt', kind: 'older-than-held', expected: '2026-11-20T08:00:00+08:00', received: '2025-11-20T08:00:00+08:00', dropped: false }),
    ).toBe('$.generatedAt：生成时间 2025-11-20T08:00:00+08:00 早于机顶盒已有的 2026-11-20T08:00:00+08:00：机顶盒不采用这个旧文件，继续显示已有的内容')
    expect(
      describeProblem({ path: '$.notices', kind: 'emptied-list', expected: '12', received: '0', dropped: false }, 'en'),
    ).toBe('$.notices: the box held 12 items here and this file has none: boxes refuse it and keep their last good copy')
    expect(
      describeProblem({ path: '$.generatedAt', kind: 'older-than-held', expected: 'A', received: 'B', dropped: false }, 'en'),
    ).toBe('$.generatedAt: generated at B, before the copy boxes hold (A): boxes refuse this older file and keep theirs')
  })

  it('shortens very long received values', () => {
    const text = problemMessage({ path: '$.a', kind: 'timestamp', received: JSON.stringify('x'.repeat(500)), dropped: true })
    expect(text.length).toBeLessThan(200)
    expect(text).toContain('…')
  })
})

describe('describeProblem in English', () => {
  it('writes the same facts in English', () => {
    const result = parseIndex(index({ notices: [notice({ title: 'x'.repeat(201) })] }))
    expect(describeProblem(result.problems[0] as Problem, 'en')).toBe(
      '$.notices[0].title: text too long: at most 200 characters, got 201 [this item is skipped, the rest is shown]',
    )
    expect(describeProblem(parseIndex(index({ schemaVersion: 3 })).problems[0] as Problem, 'en')).toBe(
      '$.schemaVersion: unsupported version: expected 1.x, got 3 [whole file rejected; boxes keep the last good copy]',
    )
  })
})

describe('helpers', () => {
  it('counts orphans as notes, everything else as blocking', () => {
    expect(isBlocking({ path: '$', kind: 'orphan', dropped: true })).toBe(false)
    expect(isBlocking({ path: '$', kind: 'max_length', dropped: true })).toBe(true)
  })

  it('sorts problems by what they cost', () => {
    expect(problemSeverity({ path: '$', kind: 'version', dropped: false })).toBe('rejected')
    expect(problemSeverity({ path: '$.notices[0].id', kind: 'id', dropped: true })).toBe('dropped')
    expect(problemSeverity({ path: '$.notices[0].id', kind: 'missing-detail', dropped: true })).toBe('cross-file')
    expect(problemSeverity({ path: '$', kind: 'orphan', dropped: true })).toBe('note')
  })

  it('keeps one of two identical problems', () => {
    const p: Problem = { path: '$.a', kind: 'timestamp', received: '"x"', dropped: false }
    expect(uniqueProblems([p, { ...p, expected: 'something' }, { ...p, path: '$.b' }])).toHaveLength(2)
  })
})

describe('every message as editors read it before problem texts were rewritten (characterisation)', () => {
  // See "about" in the file for where the problems came from. A message changed on purpose is changed there too.
  const corpus = JSON.parse(readFileSync(new URL('./problemText.characterisation.json', import.meta.url), 'utf8')) as {
    cases: Array<{ source: string; problem: Problem; zh: string; en: string }>
  }

  it('covers the specs, the fixtures, the mutants and every kind', () => {
    const sources = new Set(corpus.cases.map((c) => c.source))
    expect([...sources].sort()).toEqual(['fixtures', 'matrix', 'mutants', 'tests'])
    expect(corpus.cases.length).toBeGreaterThan(600)
  })

  it('says exactly the same, in Chinese and in English, for every recorded problem', () => {
    const changed: string[] = []
    for (const { problem, zh, en } of corpus.cases) {
      const nowZh = describeProblem(problem)
      const nowEn = describeProblem(problem, 'en')
      if (nowZh !== zh) changed.push(`${JSON.stringify(problem)}\n  was ${zh}\n  now ${nowZh}`)
      if (nowEn !== en) changed.push(`${JSON.stringify(problem)}\n  was ${en}\n  now ${nowEn}`)
    }
    expect(changed).toEqual([])
  })
})
