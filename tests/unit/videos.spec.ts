/**
 * 政策解读 in the feed: `videos[]` of index.json is read item by item like notices (same bad-input rules,
 * same text cleaning, lengths in code points); an index without the list, or a copy stored before it
 * existed, reads as no videos; the selectors order them and find the one a notice or guide offers.
 */
import { describe, expect, it } from 'vitest'
import { LINWU, YUELU } from '../../mocks/fixtures'
import { parseIndex, type Problem } from '../../src/feed/document'
import { LIMITS, type FeedIndex } from '../../src/feed/schema'
import { relatedVideo, videoById, videosOf } from '../../src/feed/selectors'
import { upgradeStoredIndex } from '../../src/feed/storedIndex'

type Json = Record<string, unknown>
const T = '2026-11-20T09:00:00+08:00'

const video = (over: Json = {}): Json => ({
  id: 'v1',
  title: '城乡居民基本医疗保险政策解读直播回放',
  publisher: '临武县医疗保障局',
  publishedAt: T,
  duration: 2730,
  poster: 'https://img.gov.example.cn/linwu/2026/yibao.jpg',
  stream: 'https://media.gov.example.cn/linwu/2026/yibao/index.m3u8',
  ...over,
})

const index = (videos: unknown, over: Json = {}): Json => ({
  schemaVersion: 1.1,
  generatedAt: T,
  region: { code: '431025', name: '临武县' },
  notices: [{ id: 'n1', title: '通知', category: '通知公告', publisher: '县政府办', publishedAt: T }],
  videos,
  ...over,
})

function read(videos: unknown): { value: FeedIndex; problems: Problem[] } {
  const parsed = parseIndex(JSON.stringify(index(videos)))
  if (!parsed.ok) throw new Error(`rejected: ${parsed.reason}`)
  return { value: parsed.value, problems: parsed.problems }
}

const paths = (problems: readonly Problem[]) => problems.map((p) => p.path)

describe('videos[] in index.json', () => {
  it('reads a complete item, defaults the related lists, keeps the optional fields it was given', () => {
    const full = video({
      id: 'v2',
      fallbackMp4: 'https://media.gov.example.cn/linwu/2026/yibao.mp4',
      subtitles: 'https://media.gov.example.cn/linwu/2026/yibao.zh.vtt',
      relatedNotices: ['n1'],
      relatedGuides: ['g1', 'g2'],
      pageNo: '201',
    })
    const { value, problems } = read([video(), full])
    expect(problems).toEqual([])
    expect(value.videos).toEqual([
      { ...video(), relatedNotices: [], relatedGuides: [] },
      { ...full },
    ])
    // Absent optionals stay absent: nothing is invented for fallbackMp4, subtitles or pageNo.
    expect(Object.keys(value.videos?.[0] ?? {}).sort()).toEqual(
      ['duration', 'id', 'poster', 'publishedAt', 'publisher', 'relatedGuides', 'relatedNotices', 'stream', 'title'],
    )
  })

  it('cleans texts as notices are cleaned and measures them in code points', () => {
    const extB = '\u{20000}'.repeat(100)
    const { value, problems } = read([
      video({ id: 'a', title: '<p>医保<b>政策</b>&ldquo;解读&rdquo;</p>\u200B', publisher: ' 县医保局 ' }),
      video({ id: 'b', title: extB }),
      video({ id: 'c', title: `${extB}字` }),
    ])
    expect(value.videos?.map((v) => v.id)).toEqual(['a', 'b'])
    expect(value.videos?.[0]).toMatchObject({ title: '医保政策“解读”', publisher: '县医保局' })
    expect(problems).toEqual([expect.objectContaining({ path: '$.videos[2].title', kind: 'max_length', dropped: true })])
  })

  it.each([
    ['no stream', video({ stream: undefined }), '$.videos[0].stream'],
    ['a javascript: poster', video({ poster: 'javascript:alert(1)' }), '$.videos[0].poster'],
    ['a data: stream', video({ stream: 'data:video/mp4;base64,AAAA' }), '$.videos[0].stream'],
    ['a subtitles URL with a space', video({ subtitles: 'https://m.example.cn/a b.vtt' }), '$.videos[0].subtitles'],
    ['a duration of 1.5 s', video({ duration: 1.5 }), '$.videos[0].duration'],
    ['a duration of 0', video({ duration: 0 }), '$.videos[0].duration'],
    ['a duration over a day', video({ duration: 86401 }), '$.videos[0].duration'],
    ['a duration as text', video({ duration: '45:30' }), '$.videos[0].duration'],
    ['a date without offset', video({ publishedAt: '2026-11-20 09:00' }), '$.videos[0].publishedAt'],
    ['a title of markup only', video({ title: '<p></p>&nbsp;' }), '$.videos[0].title'],
    ['a page number of 2 digits', video({ pageNo: '12' }), '$.videos[0].pageNo'],
    ['a page number of 4 digits', video({ pageNo: '1234' }), '$.videos[0].pageNo'],
    ['a page number as a number', video({ pageNo: 201 }), '$.videos[0].pageNo'],
    ['full-width page digits', video({ pageNo: '２０１' }), '$.videos[0].pageNo'],
    ['a related id with a slash', video({ relatedNotices: ['../n1'] }), '$.videos[0].relatedNotices[0]'],
    ['related notices as text', video({ relatedNotices: 'n1' }), '$.videos[0].relatedNotices'],
    ['an array for an item', [], '$.videos[0]'],
  ])('drops an item with %s and keeps the next one', (_name, bad, path) => {
    const { value, problems } = read([bad, video({ id: 'ok' })])
    expect(value.videos?.map((v) => v.id)).toEqual(['ok'])
    expect(paths(problems)).toContain(path)
    expect(problems.every((p) => p.dropped)).toBe(true)
  })

  it('drops a repeated id, a list past its limit, and too many related ids', () => {
    const many = Array.from({ length: LIMITS.videos + 3 }, (_, i) => video({ id: `v${i}` }))
    const { value, problems } = read([...many.slice(0, 2), video({ id: 'v0', title: '重复' }), ...many.slice(2)])
    expect(value.videos).toHaveLength(LIMITS.videos - 1)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.videos', kind: 'too-many', received: String(LIMITS.videos + 4) }),
        expect.objectContaining({ path: '$.videos[2].id', kind: 'duplicate-id', received: 'v0' }),
      ]),
    )
    const ids = Array.from({ length: LIMITS.relatedIds + 1 }, (_, i) => `n${i}`)
    expect(paths(read([video({ relatedGuides: ids })]).problems)).toEqual(['$.videos[0].relatedGuides'])
  })

  it('reads an index without videos (an older feed) as none, and a list that is not a list as a problem', () => {
    const parsed = parseIndex(JSON.stringify(index(undefined)))
    expect(parsed.ok && parsed.value.videos).toEqual([])
    expect(parsed.problems).toEqual([])
    const notList = read({ id: 'v1' })
    expect(notList.value.videos).toEqual([])
    expect(notList.problems).toEqual([expect.objectContaining({ path: '$.videos', kind: 'array', dropped: true })])
    // The notices of the same index are not touched by anything wrong with its videos.
    expect(notList.value.notices).toHaveLength(1)
  })

  it('has realistic fixtures in both regions, each related id naming a notice or guide of its region', () => {
    for (const region of [LINWU, YUELU]) {
      const videos = region.index.videos ?? []
      expect(videos.length).toBeGreaterThanOrEqual(2)
      for (const v of videos) {
        for (const id of v.relatedNotices) expect(region.notices[id], `${v.id} → ${id}`).toBeDefined()
        for (const id of v.relatedGuides) expect(region.guides[id], `${v.id} → ${id}`).toBeDefined()
      }
    }
    expect(LINWU.index.videos?.map((v) => v.title)).toEqual(
      expect.arrayContaining(['城乡居民基本医疗保险政策解读直播回放', '2026年耕地地力保护补贴怎么领']),
    )
  })
})

describe('video selectors', () => {
  const held = LINWU.index

  it('lists the newest first and reads a copy stored before videos existed as none', () => {
    const ordered = videosOf(held)
    const times = ordered.map((v) => Date.parse(v.publishedAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    // A copy stored before videos existed is completed on reading (storedIndex.ts), so it has none.
    const { videos: _gone, ...older } = held
    const upgraded = upgradeStoredIndex(older as typeof held)
    expect(videosOf(upgraded)).toEqual([])
    expect(videosOf(undefined)).toEqual([])
    expect(videoById(upgraded, 'lw-v-yibao-2027')).toBeUndefined()
    expect(videoById(held, 'lw-v-yibao-2027')?.title).toBe('城乡居民基本医疗保险政策解读直播回放')
  })

  it('finds the video a notice or a guide offers, the newest when several name it', () => {
    expect(relatedVideo(held, 'notice', 'lw-n019')?.id).toBe('lw-v-yibao-2027')
    expect(relatedVideo(held, 'guide', 'lw-g15')?.id).toBe('lw-v-gengdi-2026')
    expect(relatedVideo(held, 'notice', 'lw-n011')).toBeUndefined()
    // A notice id is not a guide id.
    expect(relatedVideo(held, 'guide', 'lw-n019')).toBeUndefined()
    const twice: FeedIndex = {
      ...held,
      videos: [
        { ...(held.videos?.[1] as NonNullable<FeedIndex['videos']>[number]), id: 'old', publishedAt: '2025-01-01T00:00:00+08:00', relatedNotices: ['lw-n001'] },
        { ...(held.videos?.[1] as NonNullable<FeedIndex['videos']>[number]), id: 'new', publishedAt: '2026-12-01T00:00:00+08:00', relatedNotices: ['lw-n001'] },
      ],
    }
    expect(relatedVideo(twice, 'notice', 'lw-n001')?.id).toBe('new')
  })
})
