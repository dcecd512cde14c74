/**
 * Page numbers from the monthly leaflet: three digits typed on the remote open the item that carries the
 * number, an unknown number says so, and a half-typed one is forgotten. Each number leads to one place.
 */
import { describe, expect, it } from 'vitest'
import { parseIndex } from '../../src/feed/document'
import { describeProblem } from '../../src/editor/problemText'
import { pageDirectory } from '../../src/feed/selectors'
import {
  deletePageDigit,
  idleEntry,
  PAGE_ENTRY_IDLE_MS,
  PAGE_UNKNOWN_SHOWN_MS,
  pageDigitsShown,
  settlePageEntry,
  typePageDigit,
  type PageEntry,
} from '../../src/layout/pageNumberEntry'
import { LINWU } from '../../mocks/fixtures'

const T = '2026-11-20T09:00:00+08:00'
const DIRECTORY = new Map([
  ['101', 'notices/n1'],
  ['201', 'guides/g1'],
])

function typeAll(digits: string, start = 0, entry: PageEntry = idleEntry): PageEntry {
  return digits.split('').reduce((e, d, i) => typePageDigit(e, d, start + i * 100, DIRECTORY), entry)
}

describe('typing a page number', () => {
  it('collects digits one by one and shows the ones still to come as blanks', () => {
    expect(typeAll('1')).toMatchObject({ state: 'typing', digits: '1' })
    expect(typeAll('10')).toMatchObject({ state: 'typing', digits: '10' })
    expect(pageDigitsShown('')).toBe('_ _ _')
    expect(pageDigitsShown('1')).toBe('1 _ _')
    expect(pageDigitsShown('10')).toBe('1 0 _')
  })

  it('opens the route that carries the third digit’s number', () => {
    expect(typeAll('101')).toEqual({ state: 'found', digits: '101', route: 'notices/n1' })
    expect(typeAll('201')).toEqual({ state: 'found', digits: '201', route: 'guides/g1' })
  })

  it('says there is no such page for a number nobody carries, then clears itself', () => {
    const unknown = typeAll('999', 1000)
    expect(unknown).toMatchObject({ state: 'unknown', digits: '999' })
    const shownAt = 1200
    expect(settlePageEntry(unknown, shownAt + PAGE_UNKNOWN_SHOWN_MS - 1).state).toBe('unknown')
    expect(settlePageEntry(unknown, shownAt + PAGE_UNKNOWN_SHOWN_MS)).toEqual(idleEntry)
  })

  it('forgets a half-typed number after a pause, so the next digit starts a new one', () => {
    const half = typeAll('10', 0)
    expect(settlePageEntry(half, 100 + PAGE_ENTRY_IDLE_MS - 1).state).toBe('typing')
    expect(settlePageEntry(half, 100 + PAGE_ENTRY_IDLE_MS)).toEqual(idleEntry)
    // A digit after the pause is the first of a new number, even without settling first.
    expect(typePageDigit(half, '2', 100 + PAGE_ENTRY_IDLE_MS, DIRECTORY)).toMatchObject({ state: 'typing', digits: '2' })
  })

  it('starts a new number over a "no such page" message', () => {
    const unknown = typeAll('999')
    expect(typePageDigit(unknown, '1', 300, DIRECTORY)).toMatchObject({ state: 'typing', digits: '1' })
  })

  it('takes the last digit away on Back, and closes when none is left', () => {
    const half = typeAll('10')
    expect(deletePageDigit(half, 500)).toMatchObject({ state: 'typing', digits: '1' })
    expect(deletePageDigit(deletePageDigit(half, 500), 600)).toEqual(idleEntry)
    expect(deletePageDigit(idleEntry, 0)).toEqual(idleEntry)
  })

  it('ignores anything that is not a digit', () => {
    expect(typePageDigit(idleEntry, 'x', 0, DIRECTORY)).toEqual(idleEntry)
    expect(typePageDigit(idleEntry, '12', 0, DIRECTORY)).toEqual(idleEntry)
  })
})

const index = (over: Record<string, unknown>) => ({
  schemaVersion: 1,
  generatedAt: T,
  region: { code: '431025', name: '临武县' },
  notices: [],
  guides: [],
  ...over,
})
const notice = (id: string, pageNo?: string) => ({
  id,
  title: `通知${id}`,
  category: '通知公告',
  publisher: '县政府办',
  publishedAt: T,
  ...(pageNo === undefined ? {} : { pageNo }),
})
const guide = (id: string, pageNo?: string) => ({
  id,
  code: `C-${id}`,
  name: `事项${id}`,
  category: '社会保障',
  department: '县人社局',
  ...(pageNo === undefined ? {} : { pageNo }),
})

describe('page numbers in the feed', () => {
  it('leads each number to its notice or guide', () => {
    const parsed = parseIndex(index({ notices: [notice('n1', '101'), notice('n2')], guides: [guide('g1', '201')] }))
    if (!parsed.ok) throw new Error('rejected')
    expect(parsed.problems).toEqual([])
    expect([...pageDirectory(parsed.value)]).toEqual([
      ['101', 'notices/n1'],
      ['201', 'guides/g1'],
    ])
  })

  it('gives a repeated number to the first item only: the later one stays listed without it, and is reported', () => {
    const parsed = parseIndex(index({ notices: [notice('n1', '101'), notice('n2', '101')], guides: [guide('g1', '101')] }))
    if (!parsed.ok) throw new Error('rejected')
    expect(parsed.value.notices.map((n) => n.id)).toEqual(['n1', 'n2'])
    expect(parsed.value.notices[1]).not.toHaveProperty('pageNo')
    expect(parsed.value.guides[0]).not.toHaveProperty('pageNo')
    expect(parsed.problems).toEqual([
      { path: '$.notices[1].pageNo', kind: 'duplicate-page-no', expected: 'notices/n1', received: '101', dropped: true },
      { path: '$.guides[0].pageNo', kind: 'duplicate-page-no', expected: 'notices/n1', received: '101', dropped: true },
    ])
    expect(pageDirectory(parsed.value).get('101')).toBe('notices/n1')
  })

  it.each([['12'], ['1234'], ['１０１'], ['10a'], [101]])('drops an item whose page number is not three digits (%s)', (pageNo) => {
    const parsed = parseIndex(index({ notices: [{ ...notice('n1'), pageNo }, notice('n2')] }))
    if (!parsed.ok) throw new Error('rejected')
    expect(parsed.value.notices.map((n) => n.id)).toEqual(['n2'])
    expect(parsed.problems[0]).toMatchObject({ path: '$.notices[0].pageNo', dropped: true })
  })

  it('the fixture region numbers its leaflet without repeats', () => {
    const parsed = parseIndex(JSON.parse(JSON.stringify(LINWU.index)))
    if (!parsed.ok) throw new Error('rejected')
    expect(parsed.problems).toEqual([])
    const pages = pageDirectory(parsed.value)
    expect(pages.get('102')).toBe('notices/lw-n002')
    expect(pages.get('204')).toBe('guides/lw-g12')
    expect(pages.size).toBeGreaterThanOrEqual(8)
  })
})

describe('what editors read about page numbers and collections', () => {
  it('says which item already has a repeated number, that the later one still shows, and that the number will not open it', () => {
    const parsed = parseIndex(index({ notices: [notice('n1', '101'), notice('n2', '101')] }))
    const [problem] = parsed.problems
    expect(describeProblem(problem!)).toBe('$.notices[1].pageNo：页码 101 已经给了 notices/n1，每个页码只能对应一条：这一条照常显示，但输入 101 不会打开它')
    expect(describeProblem(problem!, 'en')).toContain('page number 101 already leads to notices/n1')
  })

  it('names the three-digit form for a bad page number, and that the item is skipped', () => {
    const parsed = parseIndex(index({ notices: [notice('n1', '12')] }))
    expect(describeProblem(parsed.problems[0]!)).toBe('$.notices[0].pageNo：页码应为 3 位数字（加引号），如 "101"，实际为 "12"（这一条不显示，其余照常）')
  })

  it('says a collection entry the index does not hold is left out', () => {
    const parsed = parseIndex(index({ notices: [notice('n1')], collections: [{ id: 'c1', title: '本月政策', items: [{ kind: 'notice', id: 'nx' }] }] }))
    expect(describeProblem(parsed.problems[0]!)).toBe('$.collections[0].items[0].id：专题里的 nx 在索引的 notices 里找不到：这一项不显示，专题其余照常')
  })
})
