/**
 * Pinyin initials on the editors' side: computeInitials (pinyin-pro), the fixtures written with it, the
 * publisher command that fills them in (`npm run faq-initials`), the validator that checks them, and the
 * box that never carries a dictionary (its bundles hold no pinyin-pro).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LINWU, YUELU } from '../../mocks/fixtures'
import { ASKS, largeFaqQuestion, TOPICS, TOWNS, WHO } from '../../mocks/largeFaq'
import { computeInitials, fillInitials, initialsProblems } from '../../scripts/faqInitials'
import { faqPaths, feedPaths } from '../../src/feed/feedUrls'

const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
const run = (script: string, args: string[], cwd: string) => {
  const result = spawnSync(process.execPath, [TSX, join(process.cwd(), 'scripts', script), ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
  return { ...result, lines: result.stdout.trim().split('\n').filter(Boolean) }
}

describe('computeInitials', () => {
  it.each([
    ['城乡居民医保怎么缴费？', 'cxjmybzmjf'],
    ['新生儿怎么落户？', 'xsezmlh'],
    // 多音字 read in context.
    ['银行卡丢了怎么办', 'yhkdlzmb'],
    ['行长还款', 'hzhk'],
    ['长沙市医保', 'cssyb'],
    // A run of Latin letters is one letter; digits and punctuation add nothing.
    ['医保App怎么用？', 'ybazmy'],
    ['2027年医保缴费标准', 'nybjfbz'],
    ['满60岁了，怎么申领养老金？', 'mslzmslylj'],
  ])('%s → %s', (question, initials) => {
    expect(computeInitials(question)).toBe(initials)
  })

  it('leaves out a character it has no reading for, and gives nothing for a question without one', () => {
    expect(computeInitials('\u{20000}县')).toBe('x')
    expect(computeInitials('12345？')).toBe('')
  })
})

describe('the fixtures carry the initials pinyin-pro computes', () => {
  it.each([
    ['临武县', LINWU],
    ['岳麓区', YUELU],
  ])('%s: every question of every shard', (_name, region) => {
    const faq = region.faq!
    const wrong: string[] = []
    for (const q of [...Object.values(faq.shards).flatMap((s) => s.questions), ...faq.search.questions]) {
      const want = computeInitials(q.question)
      if (q.initials !== want) wrong.push(`${q.id} ${q.question}: ${q.initials} should be ${want}`)
    }
    expect(wrong).toEqual([])
  })

  it('the generated 30 000: every phrase, and a sample of whole questions', () => {
    for (const [text, initials] of [...TOWNS, ...WHO, ...TOPICS.flatMap((t) => t.subjects), ...ASKS]) {
      expect(computeInitials(text), text).toBe(initials)
    }
    for (let i = 0; i < 30_000; i += 97) {
      const q = largeFaqQuestion(i)
      expect(computeInitials(q.question), q.question).toBe(q.initials)
    }
  })
})

describe('initialsProblems and fillInitials', () => {
  const shard = () => ({
    schemaVersion: 1,
    topic: 'yibao',
    name: '医保',
    questions: [
      { id: 'a', question: '城乡居民医保怎么缴费？', initials: 'cxjmybzmjf' },
      { id: 'b', question: '<b>新生儿</b>怎么参加医保？' },
      { id: 'c', question: '门诊慢特病怎么申请？', initials: 'mzmtbzm' },
      { id: 'd', question: '12345' },
    ],
  })

  it('says which are missing and which are wrong, with what they should be', () => {
    expect(initialsProblems(shard())).toEqual([
      { path: '$.questions[1].initials', kind: 'initials-missing', expected: 'xsezmcjyb', dropped: false },
      { path: '$.questions[2].initials', kind: 'initials-mismatch', expected: 'mzmtbzmsq', received: '"mzmtbzm"', dropped: false },
    ])
    expect(initialsProblems({ schemaVersion: 1, id: 'x', body: [] })).toEqual([])
  })

  it('fills in and corrects them in place', () => {
    const doc = shard()
    expect(fillInitials(doc)).toEqual({ filled: 1, corrected: 1 })
    expect(initialsProblems(doc)).toEqual([])
    expect(doc.questions.map((q) => (q as { initials?: string }).initials)).toEqual(['cxjmybzmjf', 'xsezmcjyb', 'mzmtbzmsq', undefined])
  })
})

describe('on a feed folder', { timeout: 120_000 }, () => {
  let dir: string
  const region = LINWU.index.region.code
  const files: Record<string, unknown> = {}

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'faq-initials-'))
    const paths = feedPaths(region)
    const faq = faqPaths(region)
    files[paths.index] = LINWU.index
    for (const [id, doc] of Object.entries(LINWU.notices)) files[paths.notice(id)] = doc
    for (const [id, doc] of Object.entries(LINWU.guides)) files[paths.guide(id)] = doc
    for (const [id, doc] of Object.entries(LINWU.faq!.shards)) files[faq.topic(id)] = doc
    for (const [id, doc] of Object.entries(LINWU.faq!.entries)) files[faq.entry(id)] = doc
    files[faq.search] = LINWU.faq!.search
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const writeAll = (root: string, change: (path: string, doc: unknown) => unknown = (_p, d) => d): void => {
    for (const [path, doc] of Object.entries(files)) {
      const next = change(path, JSON.parse(JSON.stringify(doc)))
      if (next === undefined) continue
      const full = join(root, path)
      mkdirSync(dirname(full), { recursive: true })
      writeFileSync(full, JSON.stringify(next, null, 2))
    }
  }

  it('the fixture feed of 临武县, 常见问题 included, passes the validator across files', () => {
    const root = join(dir, 'clean')
    writeAll(root)
    const result = run('validate-feed.ts', [root], dir)
    expect(result.lines.slice(0, -1)).toEqual([])
    expect(result.status).toBe(0)
  })

  it('the validator reports missing and wrong initials, a missing answer file and a topic shard named wrong', () => {
    const root = join(dir, 'broken')
    const faq = faqPaths(region)
    writeAll(root, (path, doc) => {
      if (path === faq.entry('lw-faq-hj-02')) return undefined
      if (path === faq.topic('huji')) {
        const shard = doc as { questions: { initials?: string }[] }
        delete shard.questions[0]!.initials
        shard.questions[2]!.initials = 'abc'
      }
      if (path === faq.topic('jiaoyu')) (doc as { topic: string }).topic = 'education'
      return doc
    })
    const result = run('validate-feed.ts', [root], dir)
    expect(result.status).toBe(1)
    const out = result.stdout
    expect(out).toContain('faq/topics/huji.json: $.questions[0].initials: 缺少拼音首字母 initials，应为 "xsezmlh"')
    expect(out).toContain('faq/topics/huji.json: $.questions[2].initials: 拼音首字母 "abc" 与问题不符，应为 "sfzdlzmbbkyzwdbm"')
    expect(out).toContain('faq/topics/huji.json: $.questions[1].id: 缺少详情文件 faq/entries/lw-faq-hj-02.json')
    expect(out).toContain('faq/topics/jiaoyu.json: $.topic: 文件名与 id 不一致')
    expect(result.lines.at(-1)).toContain('2 个问题的拼音首字母有误')
  })

  it('npm run faq-initials fills them in, and --check then passes', () => {
    const root = join(dir, 'fill')
    const faq = faqPaths(region)
    writeAll(root, (path, doc) => {
      if (!/\/faq\/(topics\/|search\.json)/.test(path)) return doc
      for (const q of (doc as { questions: { initials?: string }[] }).questions) delete q.initials
      return doc
    })
    expect(run('faqInitials.ts', [root, '--check'], dir).status).toBe(1)
    const filled = run('faqInitials.ts', [root], dir)
    expect(filled.status).toBe(0)
    expect(filled.stdout).toContain(`${LINWU.faq!.search.questions.length} filled in, 0 corrected`)
    expect(run('faqInitials.ts', [root, '--check'], dir).status).toBe(0)
    const written = JSON.parse(readFileSync(join(root, faq.topic('yibao')), 'utf8')) as unknown
    expect(written).toEqual(LINWU.faq!.shards.yibao)
  })
})

describe('the box never carries a dictionary', () => {
  it.each(['src/index.ts', 'src/legacy.ts', 'src/editor/previewPage.ts'])('%s bundles no pinyin-pro and nothing from scripts/', async (entry) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2019',
      logLevel: 'silent',
      define: { __MOCKS__: 'false', __VERSION__: '"test"' },
      // The feed's mocks are only in the mock build; they carry no dictionary either (checked below).
      external: ['msw', 'msw/*'],
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((p) => p.includes('src/search/t9.ts')) || entry !== 'src/index.ts').toBe(true)
    expect(inputs.filter((p) => /pinyin-pro|(^|\/)scripts\//.test(p))).toEqual([])
  })

  it('no module under src/ or mocks/ imports pinyin-pro or the editors’ scripts', () => {
    const grep = spawnSync('git', ['grep', '-l', '-E', "from '(pinyin-pro|(\\.\\./)+scripts/)", '--', 'src', 'mocks'], { encoding: 'utf8' })
    expect(grep.stdout.trim()).toBe('')
  })
})
