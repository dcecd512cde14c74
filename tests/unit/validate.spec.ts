/** `npm run validate`: spawned as editors run it, on feeds written to a temporary folder. */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
const SCRIPT = join(process.cwd(), 'scripts', 'validate-feed.ts')
const T = '2026-11-20T09:30:00+08:00'

let dir: string

function write(path: string, value: unknown): string {
  const full = join(dir, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  return full
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string; lines: string[] } {
  const result = spawnSync(process.execPath, [TSX, SCRIPT, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
  return { ...result, lines: result.stdout.trim().split('\n').filter(Boolean) }
}

const summary = (id: string) => ({ id, title: `通知 ${id}`, category: '通知公告', publisher: '县人社局', publishedAt: T })
const guideSummary = (id: string) => ({ id, code: `GG-${id}`, name: '参保登记', category: '社会保障', department: '社保中心' })
const index = (over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  generatedAt: T,
  region: { code: '431025', name: '临武县', path: ['湖南省', '郴州市', '临武县'] },
  alerts: [],
  notices: [summary('n1'), summary('n2')],
  guides: [guideSummary('g1')],
  hotlines: [{ name: '政务服务便民热线', phone: '12345', hours: '全天' }],
  ...over,
})
const notice = (id: string, over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  ...summary(id),
  body: [{ type: 'paragraph', text: '正文。' }],
  ...over,
})
const guide = (id: string, over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  ...guideSummary(id),
  targets: '城乡居民',
  materials: [{ name: '居民身份证' }],
  ...over,
})

/** A complete, clean feed folder: v1/regions/431025/{index.json, notices/, guides/}. */
function writeFeed(root: string, changes: { index?: unknown; skip?: string[] } = {}): string {
  const base = `${root}/v1/regions/431025`
  const files: Record<string, unknown> = {
    [`${base}/index.json`]: changes.index ?? index(),
    [`${base}/notices/n1.json`]: notice('n1'),
    [`${base}/notices/n2.json`]: notice('n2'),
    [`${base}/guides/g1.json`]: guide('g1'),
  }
  for (const [path, value] of Object.entries(files)) if (!changes.skip?.some((s) => path.endsWith(s))) write(path, value)
  return join(dir, root)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-feed-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('validate-feed', { timeout: 60_000 }, () => {
  it('passes a clean feed folder with exit 0', () => {
    writeFeed('clean')
    const result = run('clean')
    expect(result.status).toBe(0)
    expect(result.lines).toEqual(['检查了 4 个文件，没有发现问题'])
  })

  it('reports a dropped item as FILE: path: message, in Chinese, with exit 1', () => {
    write('one/index.json', index({ notices: [summary('n1'), { ...summary('n2'), title: '长'.repeat(201) }] }))
    const result = run('one/index.json')
    expect(result.status).toBe(1)
    expect(result.lines[0]).toBe('one/index.json: $.notices[1].title: 文字太长，最多 200 个字，实际 201 个字（这一条不显示，其余照常）')
    expect(result.lines.at(-1)).toBe('检查了 1 个文件：0 个文件不被采用，1 条内容被跳过，0 处文件之间对不上')
  })

  it('reports a rejected document with exit 1, and English with --lang en', () => {
    write('bad/version.json', index({ schemaVersion: 2 }))
    write('bad/broken.json', '{ "schemaVersion": 1, ')
    const zh = run('bad/version.json', 'bad/broken.json')
    expect(zh.status).toBe(1)
    expect(zh.stdout).toContain('bad/version.json: $.schemaVersion: 版本不受支持，应为 1.x，实际为 2')
    expect(zh.stdout).toMatch(/bad\/broken\.json: \$: 不是有效的 JSON/)
    expect(zh.lines.at(-1)).toContain('2 个文件不被采用')
    const en = run('--lang', 'en', 'bad/version.json')
    expect(en.status).toBe(1)
    expect(en.lines[0]).toBe(
      'bad/version.json: $.schemaVersion: unsupported version: expected 1.x, got 2 [whole file rejected; boxes keep the last good copy]',
    )
    expect(en.lines.at(-1)).toBe('1 file(s) checked: 1 file(s) rejected, 0 item(s) dropped, 0 cross-file problem(s)')
  })

  it('tells notices and guides by their content', () => {
    write('loose/a.json', notice('a', { body: [{ type: 'image', src: 'ftp://x', alt: '图' }] }))
    write('loose/b.json', guide('b', { materials: [{ name: '身份证', copies: 100 }] }))
    const result = run('loose/a.json', 'loose/b.json')
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('loose/a.json: $.body[0].src: 网址不对')
    expect(result.stdout).toContain('loose/b.json: $.materials[0].copies: 数值太大，最大为 20，实际为 100')
  })

  it('needs --kind for a document it cannot tell, and obeys it', () => {
    write('kind/x.json', { schemaVersion: 1, id: 'x', title: '标题' })
    const unknown = run('kind/x.json')
    expect(unknown.status).toBe(1)
    expect(unknown.stdout).toContain('kind/x.json: $: 看不出是哪种文件')
    const asNotice = run('--kind', 'notice', 'kind/x.json')
    expect(asNotice.status).toBe(1)
    expect(asNotice.stdout).toContain('kind/x.json: $.category: 缺少必填字段 category')
  })

  it('checks across files in a feed folder: missing detail, wrong id, wrong region', () => {
    const root = writeFeed('cross', { skip: ['notices/n2.json'], index: index({ region: { code: '431026', name: '临武县' } }) })
    write('cross/v1/regions/431025/guides/g1.json', guide('g9'))
    const result = run(root)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('cross/v1/regions/431025/index.json: $.region.code: 地区编码 431026 与所在文件夹 431025 不一致')
    expect(result.stdout).toContain('cross/v1/regions/431025/index.json: $.notices[1].id: 缺少详情文件 notices/n2.json')
    expect(result.stdout).toContain('cross/v1/regions/431025/guides/g1.json: $.id: 文件名与 id 不一致：id 为 g9，文件名应为 guides/g9.json')
    expect(result.lines.at(-1)).toContain('3 处文件之间对不上')
  })

  it('reports a list whose every item is dropped: boxes that hold a copy refuse the whole file', () => {
    const bad = (id: string) => ({ ...summary(id), publishedAt: '2026/11/20 09:30' })
    write('emptied/index.json', index({ notices: [bad('n1'), bad('n2')] }))
    const result = run('emptied/index.json')
    expect(result.status).toBe(1)
    expect(result.lines).toContain(
      'emptied/index.json: $.notices: 这一组的条目全部被跳过，一条不剩：已有内容的机顶盒不采用这个文件，继续显示上一次的内容',
    )
    expect(result.lines.at(-1)).toBe('检查了 1 个文件：1 个文件不被采用，2 条内容被跳过，0 处文件之间对不上')
  })

  it('reports notices that are not a list ("notices": "oops") the same way', () => {
    write('oops/index.json', index({ notices: 'oops' }))
    const result = run('--lang', 'en', 'oops/index.json')
    expect(result.status).toBe(1)
    expect(result.lines).toContain(
      'oops/index.json: $.notices: every item of this list was dropped: boxes that already have it refuse this file and keep their last good copy',
    )
  })

  it('says boxes refuse an index whose region is not its folder’s', () => {
    const root = writeFeed('foreign', { index: index({ region: { code: '430104', name: '岳麓区' } }) })
    const result = run(root)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(
      'foreign/v1/regions/431025/index.json: $.region.code: 地区编码 430104 与所在文件夹 431025 不一致：机顶盒不采用这个文件，继续显示上一次的内容',
    )
  })

  it('checks a single file of a feed folder on its own', () => {
    writeFeed('single', { skip: ['notices/n1.json', 'notices/n2.json', 'guides/g1.json'] })
    const result = run('single/v1/regions/431025/index.json')
    expect(result.status).toBe(0)
    expect(result.lines).toEqual(['检查了 1 个文件，没有发现问题'])
  })

  it('notes detail files that no index lists without failing', () => {
    const root = writeFeed('orphan')
    write('orphan/v1/regions/431025/notices/old.json', notice('old'))
    const result = run(root)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('notices/old.json: $: 索引里没有这一条')
    expect(result.lines.at(-1)).toBe('检查了 5 个文件，没有发现问题（另有 1 条提示）')
  })

  it('reads files saved with a byte-order mark, as browsers do', () => {
    write('bom/index.json', `\uFEFF${JSON.stringify(index())}`)
    expect(run('bom/index.json').status).toBe(0)
  })

  it('exits 2 for usage errors and unreadable files', () => {
    const none = run()
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('usage:')
    expect(run('--kind', 'video', 'clean').status).toBe(2)
    expect(run('--lang', 'fr', 'clean').status).toBe(2)
    const missing = run('does-not-exist.json')
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('无法读取 does-not-exist.json')
  })
})
