import { describe, expect, it } from 'vitest'
import type { Block } from '../../src/feed/schema'
import { charWidthEm, fitLines, joinParts, paginate, textWidthEm, wrapText, type PageMetrics } from '../../src/layout/textLayout'

const metrics: PageMetrics = {
  width: 360,
  height: 300,
  bodySize: 36,
  headingSize: 48,
  lineHeightRatio: 1.5,
  imageHeight: 120,
  gap: 20,
}

describe('line breaking for Chinese text', () => {
  it('counts Chinese characters as one em and Latin letters and digits as narrower', () => {
    expect(charWidthEm('通')).toBe(1)
    expect(charWidthEm('，')).toBe(1)
    expect(charWidthEm('a')).toBeLessThan(1)
    expect(textWidthEm('2026年')).toBeCloseTo(4 * 0.62 + 1)
  })

  it('breaks text without spaces at the width, never over it', () => {
    const text = '为切实保障城乡居民基本医疗需求现就我县城乡居民基本医疗保险集中参保缴费工作通告如下'
    const lines = wrapText(text, 10)
    expect(lines.length).toBe(Math.ceil(Array.from(text).length / 10))
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(10)
    expect(lines.join('')).toBe(text)
  })

  it('never starts a line with closing punctuation: the character before it moves down too', () => {
    const lines = wrapText('一二三四五六七八九十，之后', 10)
    expect(lines[0]).toBe('一二三四五六七八九')
    expect(lines[1]?.startsWith('十，')).toBe(true)
    for (const line of lines) expect('，。、；：？！）'.includes(line[0] ?? '')).toBe(false)
  })

  it('keeps explicit newlines as breaks', () => {
    expect(wrapText('第一行\n第二行', 20)).toEqual(['第一行', '第二行'])
  })

  it('drops the space at a break between Latin words', () => {
    const lines = wrapText('aaaa bbbb cccc', 3)
    expect(lines.every((l) => !l.startsWith(' '))).toBe(true)
  })

  it('fits a long title to two lines ending in an ellipsis', () => {
    const lines = fitLines('关于开展二〇二六年度城乡居民基本养老保险待遇领取资格认证工作的通知', 8, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1]?.endsWith('…')).toBe(true)
    expect(textWidthEm(lines[1] ?? '')).toBeLessThanOrEqual(8)
  })

  it('keeps labelled parts whole when joining them into lines', () => {
    const lines = joinParts(['发布机构：临武县人力资源和社会保障局', '发布日期：2026-11-18', '索引号：431025000/2026-00035'], 30)
    expect(lines).toEqual(['发布机构：临武县人力资源和社会保障局', '发布日期：2026-11-18\u3000索引号：431025000/2026-00035'])
  })

  it('leaves a short text whole', () => {
    expect(fitLines('通知公告', 8, 1)).toEqual(['通知公告'])
  })
})

describe('paging a notice body to the screen', () => {
  const paragraph = (n: number): Block => ({ type: 'paragraph', text: '字'.repeat(n) })

  it('puts a short body on one page', () => {
    const pages = paginate([paragraph(5)], metrics)
    expect(pages).toHaveLength(1)
    expect(pages[0]?.items[0]).toMatchObject({ kind: 'text', style: 'body', y: 0 })
  })

  it('splits a long body into pages that each fit the height', () => {
    // 10 characters per line at 36 px in 360 px; 54 px per line; 5 lines per 300 px page.
    const pages = paginate([paragraph(200)], metrics)
    expect(pages.length).toBeGreaterThan(3)
    for (const page of pages) {
      for (const item of page.items) expect(item.y + item.h).toBeLessThanOrEqual(metrics.height)
    }
    const text = pages.flatMap((p) => p.items.map((i) => (i.kind === 'text' ? i.text.replace(/\n/g, '') : ''))).join('')
    expect(text).toBe('\u3000\u3000' + '字'.repeat(200))
  })

  it('merges the lines of one paragraph on a page into one text (one texture)', () => {
    const pages = paginate([paragraph(30)], metrics)
    expect(pages[0]?.items).toHaveLength(1)
    expect(pages[0]?.items[0]?.kind === 'text' && pages[0].items[0].text.split('\n').length).toBe(4)
  })

  it('gives an image a slot of its own and moves it to the next page when it does not fit', () => {
    const pages = paginate([paragraph(40), { type: 'image', src: 'https://img.example.cn/a.png', alt: '示意图' }], metrics)
    const image = pages.flatMap((p) => p.items).find((i) => i.kind === 'image')
    expect(image).toMatchObject({ kind: 'image', alt: '示意图', h: 120 })
    expect(pages[pages.length - 1]?.items.some((i) => i.kind === 'image')).toBe(true)
  })

  it('numbers ordered list items and bullets unordered ones', () => {
    const pages = paginate(
      [
        { type: 'list', ordered: true, items: ['身份证', '户口簿'] },
        { type: 'list', ordered: false, items: ['免证办'] },
      ],
      { ...metrics, width: 1000 },
    )
    const text = pages[0]?.items.map((i) => (i.kind === 'text' ? i.text : '')).join('\n') ?? ''
    expect(text).toContain('1. 身份证')
    expect(text).toContain('2. 户口簿')
    expect(text).toContain('• 免证办')
  })

  it('always returns at least one page, even for an empty body', () => {
    expect(paginate([], metrics)).toHaveLength(1)
  })
})
