/** Every limit lives in src/feed/schema.ts and is written down in docs/feed.md, with the same number. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildFeedSchema } from '../../scripts/export-schema'
import { LIMITS, VISIBLE_TEXT_PATTERN } from '../../src/feed/schema'

const FEED_MD = readFileSync('docs/feed.md', 'utf8')
const section = (from: string, to: string): string => FEED_MD.slice(FEED_MD.indexOf(from), FEED_MD.indexOf(to))
const LIMITS_SECTION = section('## Limits', '## One contract')
const TEXT_TABLE = section('| Text | At most', '## One contract')

/** The maxLength of every text in the exported schema (a string with the visible-text pattern). */
function textLengths(node: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(node)) node.forEach((item) => textLengths(item, out))
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.pattern === VISIBLE_TEXT_PATTERN && typeof record.maxLength === 'number') out.add(record.maxLength)
    Object.values(record).forEach((value) => textLengths(value, out))
  }
  return out
}

describe('docs/feed.md lists every limit', () => {
  it.each(Object.entries(LIMITS))('LIMITS.%s = %s', (_key, value) => {
    expect(LIMITS_SECTION).toMatch(new RegExp(`(^|[^\\d])${value}([^\\d]|$)`))
  })

  it('names the document and problem limits by their LIMITS key', () => {
    for (const key of ['indexChars', 'detailChars', 'receivedChars', 'receivedDepth', 'rawText'] as const) {
      expect(LIMITS_SECTION).toContain(`\`${key}\``)
    }
  })

  it.each([...textLengths(buildFeedSchema())].sort((a, b) => a - b))('has a text of at most %s characters in its table', (max) => {
    expect(TEXT_TABLE).toMatch(new RegExp(`[| /]${max}( |$)`, 'm'))
  })
})
