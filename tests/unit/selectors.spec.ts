/** Pure views over the index: live alerts, notice order, categories, hotlines. */
import { describe, expect, it } from 'vitest'
import {
  activeAlerts,
  categoriesOf,
  guideGroupOf,
  inCategory,
  newestNotices,
  orderHotlines,
  orderNotices,
} from '../../src/feed/selectors'
import type { Alert, FeedIndex, GuideSummary, Hotline, NoticeSummary } from '../../src/feed/schema'
import { FIXTURE_NOW, LINWU, YUELU } from '../../mocks/fixtures'
import { generateLargeIndex } from '../../mocks/largeFeed'

const NOW = Date.parse('2026-11-20T09:00:00+08:00')

const alert = (id: string, level: Alert['level'], validUntil: string): Alert => ({
  id,
  level,
  title: `预警${id}`,
  text: '请注意防范。',
  validUntil,
})

const notice = (id: string, publishedAt: string, extra: Partial<NoticeSummary> = {}): NoticeSummary => ({
  id,
  title: `通知${id}`,
  category: '通知公告',
  publisher: '县政府办',
  publishedAt,
  pinned: false,
  ...extra,
})

const indexWith = (parts: Partial<FeedIndex>): FeedIndex => ({
  schemaVersion: 1,
  generatedAt: '2026-11-20T08:00:00+08:00',
  region: { code: '431025', name: '临武县', path: [] },
  alerts: [],
  notices: [],
  guides: [],
  hotlines: [],
  collections: [],
  videos: [],
  polls: [],
  faq: [],
  townships: [],
  ...parts,
})

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id)

describe('activeAlerts', () => {
  it('hides alerts whose validUntil has passed, and one ending exactly now', () => {
    const index = indexWith({
      alerts: [
        alert('past', 'red', '2026-11-20T08:59:59+08:00'),
        alert('now', 'red', '2026-11-20T09:00:00+08:00'),
        alert('future', 'yellow', '2026-11-20T09:00:01+08:00'),
      ],
    })
    expect(ids(activeAlerts(index, NOW))).toEqual(['future'])
  })

  it('compares validUntil across time zones as instants', () => {
    // 01:30 UTC is 09:30 in Beijing: still valid at 09:00 Beijing time.
    const index = indexWith({ alerts: [alert('utc', 'blue', '2026-11-20T01:30:00Z'), alert('gone', 'blue', '2026-11-20T00:30:00Z')] })
    expect(ids(activeAlerts(index, NOW))).toEqual(['utc'])
  })

  it('sorts by severity: red, orange, yellow, blue, info', () => {
    const until = '2027-01-01T00:00:00+08:00'
    const index = indexWith({
      alerts: [alert('i', 'info', until), alert('y', 'yellow', until), alert('r', 'red', until), alert('b', 'blue', until), alert('o', 'orange', until)],
    })
    expect(activeAlerts(index, NOW).map((a) => a.level)).toEqual(['red', 'orange', 'yellow', 'blue', 'info'])
  })

  it('keeps the feed order among alerts of the same level', () => {
    const until = '2027-01-01T00:00:00+08:00'
    const index = indexWith({
      alerts: [alert('y1', 'yellow', until), alert('r1', 'red', until), alert('y2', 'yellow', until), alert('r2', 'red', until)],
    })
    expect(ids(activeAlerts(index, NOW))).toEqual(['r1', 'r2', 'y1', 'y2'])
  })

  it('does not reorder the index it was given', () => {
    const until = '2027-01-01T00:00:00+08:00'
    const alerts = [alert('b', 'blue', until), alert('r', 'red', until)]
    activeAlerts(indexWith({ alerts }), NOW)
    expect(ids(alerts)).toEqual(['b', 'r'])
  })

  it('shows the orange road closure before the yellow rain alert in 临武县 and hides the expired cold wave', () => {
    expect(activeAlerts(LINWU.index, Date.parse(FIXTURE_NOW)).map((a) => a.level)).toEqual(['orange', 'yellow'])
  })
})

describe('orderNotices', () => {
  it('puts pinned notices first, then the rest newest first', () => {
    const notices = [
      notice('old', '2026-10-01T09:00:00+08:00'),
      notice('pinned-old', '2026-09-01T09:00:00+08:00', { pinned: true }),
      notice('new', '2026-11-19T09:00:00+08:00'),
      notice('pinned-new', '2026-11-01T09:00:00+08:00', { pinned: true }),
      notice('mid', '2026-11-10T09:00:00+08:00'),
    ]
    expect(ids(orderNotices(notices, NOW))).toEqual(['pinned-new', 'pinned-old', 'new', 'mid', 'old'])
  })

  it('treats a pinned notice past its validUntil as unpinned, sorted by date among the others', () => {
    const notices = [
      notice('new', '2026-11-19T09:00:00+08:00'),
      notice('expired-pin', '2026-11-15T09:00:00+08:00', { pinned: true, validUntil: '2026-11-18T00:00:00+08:00' }),
      notice('live-pin', '2026-10-01T09:00:00+08:00', { pinned: true, validUntil: '2026-12-31T23:59:59+08:00' }),
      notice('old', '2026-11-01T09:00:00+08:00'),
    ]
    expect(ids(orderNotices(notices, NOW))).toEqual(['live-pin', 'new', 'expired-pin', 'old'])
  })

  it('still lists an unpinned notice past its validUntil', () => {
    const notices = [notice('expired', '2026-11-19T09:00:00+08:00', { validUntil: '2026-11-19T12:00:00+08:00' })]
    expect(ids(orderNotices(notices, NOW))).toEqual(['expired'])
  })

  it('orders by instant, not by the text of the timestamp', () => {
    const notices = [
      notice('beijing-0830', '2026-11-19T08:30:00+08:00'),
      // 01:00 UTC is 09:00 Beijing: newer, though its text sorts lower.
      notice('utc-0100', '2026-11-19T01:00:00Z'),
    ]
    expect(ids(orderNotices(notices, NOW))).toEqual(['utc-0100', 'beijing-0830'])
  })

  it('keeps the feed order of notices published at the same moment, and leaves its input alone', () => {
    const same = '2026-11-19T09:00:00+08:00'
    const notices = [notice('a', same), notice('b', same), notice('c', same)]
    expect(ids(orderNotices(notices, NOW))).toEqual(['a', 'b', 'c'])
    const input = [notice('x', '2026-01-01T00:00:00+08:00'), notice('y', same)]
    orderNotices(input, NOW)
    expect(ids(input)).toEqual(['x', 'y'])
  })

  it('reproduces the published order of the fixture regions', () => {
    for (const region of [LINWU, YUELU]) {
      expect(orderNotices(region.index.notices, Date.parse(FIXTURE_NOW))).toEqual(region.index.notices)
    }
  })

  it('orders 10 000 notices: the two pinned first, then newest first', () => {
    const large = generateLargeIndex()
    const ordered = orderNotices(large.notices, Date.parse(FIXTURE_NOW))
    expect(ordered).toHaveLength(10_000)
    expect(ordered.slice(0, 2).every((n) => n.pinned)).toBe(true)
    for (let i = 3; i < ordered.length; i++) {
      expect(Date.parse(ordered[i - 1]!.publishedAt)).toBeGreaterThanOrEqual(Date.parse(ordered[i]!.publishedAt))
    }
  })
})

describe('categoriesOf and inCategory', () => {
  const items = [
    { id: '1', category: '政策解读' },
    { id: '2', category: '通知公告' },
    { id: '3', category: '政策解读' },
    { id: '4', category: '惠民补贴' },
    { id: '5', category: '通知公告' },
  ]

  it('lists each category once, in order of first appearance', () => {
    expect(categoriesOf(items)).toEqual(['政策解读', '通知公告', '惠民补贴'])
    expect(categoriesOf([])).toEqual([])
  })

  it('follows the order it is given, so ordered notices give categories by their newest notice', () => {
    const ordered = orderNotices(
      [
        notice('a', '2026-10-01T09:00:00+08:00', { category: '村务公开' }),
        notice('b', '2026-11-19T09:00:00+08:00', { category: '惠民补贴' }),
        notice('c', '2026-11-01T09:00:00+08:00', { category: '村务公开' }),
      ],
      NOW,
    )
    expect(categoriesOf(ordered)).toEqual(['惠民补贴', '村务公开'])
  })

  it('inCategory(null) returns everything, as a new array', () => {
    const all = inCategory(items, null)
    expect(all).toEqual(items)
    expect(all).not.toBe(items)
  })

  it('inCategory(name) keeps the items of that category in their order', () => {
    expect(ids(inCategory(items, '政策解读'))).toEqual(['1', '3'])
    expect(ids(inCategory(items, '通知公告'))).toEqual(['2', '5'])
    expect(inCategory(items, '招聘信息')).toEqual([])
  })
})

describe('guideGroupOf', () => {
  const guide = (extra: Partial<GuideSummary>): GuideSummary => ({
    id: 'g',
    code: 'GG-1',
    name: '事项',
    category: '社会保障',
    department: '县人社局',
    tags: [],
    ...extra,
  })

  it('groups by life event where the feed gives one, else by category', () => {
    expect(guideGroupOf(guide({ lifeEvent: '养老' }))).toBe('养老')
    expect(guideGroupOf(guide({}))).toBe('社会保障')
  })
})

describe('orderHotlines', () => {
  const line = (name: string, phone: string): Hotline => ({ name, phone })

  it('puts 12345 first and keeps the rest in the feed order', () => {
    const hotlines = [line('社保', '12333'), line('医保', '12393'), line('政务服务便民热线', '12345'), line('中心', '0735-6201234')]
    expect(orderHotlines(hotlines).map((h) => h.phone)).toEqual(['12345', '12333', '12393', '0735-6201234'])
  })

  it('recognises 12345 written with blanks or dashes, but not a number that merely contains it', () => {
    const hotlines = [line('中心', '0735-12345'), line('便民', '123 45'), line('社保', '12333')]
    expect(orderHotlines(hotlines).map((h) => h.name)).toEqual(['便民', '中心', '社保'])
  })

  it('keeps every hotline exactly once, several 12345 entries in their order', () => {
    const hotlines = [line('a', '12333'), line('b', '12345'), line('c', '12345'), line('d', '12393')]
    expect(orderHotlines(hotlines).map((h) => h.name)).toEqual(['b', 'c', 'a', 'd'])
    expect(orderHotlines([])).toEqual([])
  })

  it('leaves a list without 12345 as it is, and its input untouched', () => {
    const hotlines = [line('a', '12333'), line('b', '12393')]
    expect(orderHotlines(hotlines)).toEqual(hotlines)
    const input = [line('x', '12333'), line('y', '12345')]
    orderHotlines(input)
    expect(input.map((h) => h.name)).toEqual(['x', 'y'])
  })
})

describe('newestNotices', () => {
  it('returns the first `count` notices in list order: live pins, then newest', () => {
    const index = indexWith({
      notices: [
        notice('old', '2026-10-01T09:00:00+08:00'),
        notice('pin', '2026-09-01T09:00:00+08:00', { pinned: true }),
        notice('new', '2026-11-19T09:00:00+08:00'),
        notice('mid', '2026-11-10T09:00:00+08:00'),
      ],
    })
    expect(ids(newestNotices(index, NOW, 3))).toEqual(['pin', 'new', 'mid'])
  })

  it('returns all notices when there are fewer than `count`, and none for 0', () => {
    const index = indexWith({ notices: [notice('a', '2026-11-01T09:00:00+08:00'), notice('b', '2026-11-02T09:00:00+08:00')] })
    expect(ids(newestNotices(index, NOW, 10))).toEqual(['b', 'a'])
    expect(newestNotices(index, NOW, 0)).toEqual([])
    expect(newestNotices(indexWith({}), NOW, 5)).toEqual([])
  })

  it('gives 临武县 its two pinned notices first on Home', () => {
    const first = newestNotices(LINWU.index, Date.parse(FIXTURE_NOW), 5)
    expect(first).toHaveLength(5)
    expect(first.slice(0, 2).every((n) => n.pinned)).toBe(true)
  })
})
