/** `npm run validate` refuses what the box refuses for size: a notice or guide file the box would not read. */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/feed/schema'

const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
const SCRIPT = join(process.cwd(), 'scripts', 'validate-feed.ts')
const T = '2026-11-20T09:30:00+08:00'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'validate-limits-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A notice document padded with spaces to exactly `length` characters. */
function noticeText(length: number): string {
  const text = JSON.stringify({ schemaVersion: 1, id: 'n1', title: '通知', category: '通知公告', publisher: '县政府办', publishedAt: T, body: [] })
  return `${text.slice(0, -1)}${' '.repeat(length - text.length)}}`
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, SCRIPT, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
  return { status: result.status, lines: result.stdout.trim().split('\n').filter(Boolean) }
}

describe('validate-feed and the document size limits', { timeout: 60_000 }, () => {
  it(`rejects a notice longer than LIMITS.detailChars (${LIMITS.detailChars}) characters, as the box does`, () => {
    mkdirSync(join(dir, 'notices'), { recursive: true })
    writeFileSync(join(dir, 'notices', 'big.json'), noticeText(LIMITS.detailChars + 1))
    writeFileSync(join(dir, 'notices', 'ok.json'), noticeText(LIMITS.detailChars))
    const big = run('notices/big.json')
    expect(big.status).toBe(1)
    expect(big.lines[0]).toMatch(/^notices\/big\.json: \$: /)
    expect(big.lines[0]).toContain(String(LIMITS.detailChars))
    expect(big.lines.at(-1)).toContain('1 个文件不被采用')
    expect(run('notices/ok.json').status).toBe(0)
  })
})
