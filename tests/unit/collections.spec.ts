/**
 * Collections (本月政策 …): hand-picked lists on Home until they expire, pinned first, showing the notices
 * and guides the index holds. An index stored by an older release, without collections, still reads.
 */
import { describe, expect, it } from 'vitest'
import { parseIndex } from '../../src/feed/document'
import type { FeedIndex } from '../../src/feed/schema'
import { activeCollections, collectionEntries } from '../../src/feed/selectors'
import { upgradeStoredIndex } from '../../src/feed/storedIndex'
import { FIXTURE_NOW, LINWU } from '../../mocks/fixtures'

const T = '2026-11-20T09:00:00+08:00'
const NOW = Date.parse(FIXTURE_NOW)

const index = (collections: unknown) => ({
  schemaVersion: 1,
  generatedAt: T,
  region: { code: '431025', name: '临武县' },
  notices: [{ id: 'n1', title: '通知一', category: '通知公告', publisher: '县政府办', publishedAt: T }],
  guides: [{ id: 'g1', code: 'C1', name: '事项一', category: '社会保障', department: '县人社局' }],
  collections,
})

function read(collections: unknown) {
  const parsed = parseIndex(index(collections))
  if (!parsed.ok) throw new Error('rejected')
  return parsed
}

describe('collections in the index', () => {
  it('reads a collection with its defaults', () => {
    const parsed = read([{ id: 'c1', title: '本月政策', items: [{ kind: 'notice', id: 'n1' }] }])
    expect(parsed.problems).toEqual([])
    expect(parsed.value.collections).toEqual([{ id: 'c1', title: '本月政策', pinned: false, items: [{ kind: 'notice', id: 'n1' }] }])
  })

  it('drops a broken collection on its own and reports it by path', () => {
    const parsed = read([
      { id: 'c1', title: '本月政策', items: [{ kind: 'video', id: 'v1' }] },
      { id: 'c2', title: '', items: [] },
      { id: 'c3', title: '冬季安全', items: [] },
    ])
    expect(parsed.value.collections.map((c) => c.id)).toEqual(['c3'])
    expect(parsed.problems.map((p) => p.path)).toEqual(['$.collections[0].items[0].kind', '$.collections[1].title'])
  })

  it('leaves out and reports an item naming an id the index does not hold (or holds as the other kind)', () => {
    const parsed = read([
      {
        id: 'c1',
        title: '本月政策',
        items: [
          { kind: 'notice', id: 'n1' },
          { kind: 'notice', id: 'gone' },
          { kind: 'notice', id: 'g1' },
        ],
      },
    ])
    expect(parsed.value.collections[0]?.items).toEqual([{ kind: 'notice', id: 'n1' }])
    expect(parsed.problems).toEqual([
      { path: '$.collections[0].items[1].id', kind: 'unknown-item', expected: 'notices', received: 'gone', dropped: true },
      { path: '$.collections[0].items[2].id', kind: 'unknown-item', expected: 'notices', received: 'g1', dropped: true },
    ])
  })

  it('leaves out without a second report an item whose notice the reader dropped (that notice is reported once)', () => {
    const parsed = parseIndex({
      ...index([{ id: 'c1', title: '本月政策', items: [{ kind: 'notice', id: 'n2' }, { kind: 'notice', id: 'n1' }] }]),
      notices: [
        { id: 'n1', title: '通知一', category: '通知公告', publisher: '县政府办', publishedAt: T },
        { id: 'n2', title: '', category: '通知公告', publisher: '县政府办', publishedAt: T },
      ],
    })
    if (!parsed.ok) throw new Error('rejected')
    expect(parsed.value.collections[0]?.items).toEqual([{ kind: 'notice', id: 'n1' }])
    expect(parsed.problems.map((p) => p.path)).toEqual(['$.notices[1].title'])
  })

  it('drops a repeated collection id and reads no collections from an index without any', () => {
    const dup = read([
      { id: 'c1', title: '一', items: [] },
      { id: 'c1', title: '二', items: [] },
    ])
    expect(dup.value.collections.map((c) => c.title)).toEqual(['一'])
    expect(dup.problems[0]).toMatchObject({ path: '$.collections[1].id', kind: 'duplicate-id' })
    expect(read(undefined).value.collections).toEqual([])
  })
})

describe('collections on Home', () => {
  const at = (collections: FeedIndex['collections']): FeedIndex => ({ ...read([]).value, collections })

  it('shows those not yet expired, pinned first, otherwise in the feed’s order', () => {
    const live = activeCollections(
      at([
        { id: 'a', title: 'A', pinned: false, items: [] },
        { id: 'old', title: 'Old', pinned: true, validUntil: '2026-11-01T00:00:00+08:00', items: [] },
        { id: 'b', title: 'B', pinned: true, validUntil: '2026-12-01T00:00:00+08:00', items: [] },
        { id: 'c', title: 'C', pinned: false, items: [] },
      ]),
      NOW,
    )
    expect(live.map((c) => c.id)).toEqual(['b', 'a', 'c'])
  })

  it('lists the notices and guides the index holds, in the collection’s order, skipping unknown ids', () => {
    const idx = read([]).value
    const entries = collectionEntries(idx, {
      id: 'c',
      title: 'C',
      pinned: false,
      items: [
        { kind: 'guide', id: 'g1' },
        { kind: 'notice', id: 'gone' },
        { kind: 'notice', id: 'n1' },
        { kind: 'guide', id: 'n1' },
      ],
    })
    expect(entries.map((e) => `${e.kind}:${e.item.id}`)).toEqual(['guide:g1', 'notice:n1'])
  })

  it('the fixture region has a pinned 本月政策 whose every item resolves, and an expired one not shown', () => {
    const live = activeCollections(LINWU.index, NOW)
    expect(live[0]?.title).toBe('本月政策')
    expect(collectionEntries(LINWU.index, live[0]!)).toHaveLength(live[0]!.items.length)
    expect(live.some((c) => c.id === 'lw-c-2025-12')).toBe(false)
  })
})

describe('an index stored by an older release', () => {
  it('is completed with an empty list of collections, keeping everything it had', () => {
    const { collections: _dropped, ...old } = LINWU.index
    const upgraded = upgradeStoredIndex(old as FeedIndex)
    expect(upgraded.collections).toEqual([])
    expect(upgraded.notices).toEqual(LINWU.index.notices)
    expect(upgradeStoredIndex(LINWU.index).collections).toBe(LINWU.index.collections)
  })
})
