import { describe, expect, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { compactNotices } from '../../src/feed/compactNotices'
import { parseIndex } from '../../src/feed/document'
import { NoticeSummarySchema, type NoticeSummary } from '../../src/feed/schema'
import { upgradeStoredIndex } from '../../src/feed/storedIndex'

describe('notice summaries held compactly (heap at rest with 10 000 notices)', () => {
  it('keeps every field the contract defines, so a field added to the schema cannot be lost here', () => {
    const full: NoticeSummary = {
      id: 'n1',
      title: '关于冬季用电安全的通知',
      category: '通知公告',
      publisher: '临武县应急管理局',
      publishedAt: '2026-11-30T09:00:00+08:00',
      docNo: '临应急〔2026〕12号',
      pinned: true,
      validUntil: '2027-03-01T00:00:00+08:00',
      updatedAt: '2026-12-01T09:00:00+08:00',
      pageNo: '123',
    }
    expect(Object.keys(full).sort()).toEqual(Object.keys(NoticeSummarySchema.entries).sort())
    expect(compactNotices([full])).toStrictEqual([full])
  })

  it('adds no key a notice does not have (no undefined slots in 10 000 objects)', () => {
    const bare: NoticeSummary = { id: 'n2', title: '停水通知', category: '通知公告', publisher: '县水务局', publishedAt: '2026-11-30T09:00:00+08:00', pinned: false }
    const [kept] = compactNotices([bare])
    expect(Object.keys(kept!)).toEqual(['id', 'title', 'category', 'publisher', 'publishedAt', 'pinned'])
  })

  it('leaves a parsed index and a stored copy read back equal to the feed', () => {
    const parsed = parseIndex(JSON.parse(JSON.stringify(LINWU.index)))
    if (!parsed.ok) throw new Error('the fixture index must parse')
    expect(parsed.value.notices).toStrictEqual(LINWU.index.notices)
    expect(upgradeStoredIndex(structuredClone(LINWU.index)).notices).toStrictEqual(LINWU.index.notices)
  })
})
