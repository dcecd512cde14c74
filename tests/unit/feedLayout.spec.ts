/** Where each feed document lives: one layout for the box, the preview, the validator and the mocks. */
import { describe, expect, it } from 'vitest'
import { feedRoutes, progressRoute } from '../../mocks/handlers'
import { feedPaths, feedUrl, progressLookupUrl } from '../../src/feed/feedUrls'

describe('the feed URL layout', () => {
  it('puts the index, notices and guides under v1/regions/{code}', () => {
    const p = feedPaths('431025')
    expect(p.index).toBe('v1/regions/431025/index.json')
    expect(p.notice('n-2026-001')).toBe('v1/regions/431025/notices/n-2026-001.json')
    expect(p.guide('g1')).toBe('v1/regions/431025/guides/g1.json')
  })

  it('joins a base with or without trailing slashes the same way', () => {
    for (const base of ['https://feed.example.cn/gov', 'https://feed.example.cn/gov/', 'https://feed.example.cn/gov///']) {
      expect(feedUrl(base, feedPaths('431025').index)).toBe('https://feed.example.cn/gov/v1/regions/431025/index.json')
      expect(progressLookupUrl(base)).toBe('https://feed.example.cn/gov/v1/applications/lookup')
    }
  })

  it('encodes what the schema should never let through, so it cannot change the path', () => {
    expect(feedPaths('43/10').notice('a/../b')).toBe('v1/regions/43%2F10/notices/a%2F..%2Fb.json')
  })

  it('gives the mocks the same layout as route patterns', () => {
    expect(feedRoutes('https://feed.example.cn/gov/')).toEqual({
      index: 'https://feed.example.cn/gov/v1/regions/:region/index.json',
      notice: 'https://feed.example.cn/gov/v1/regions/:region/notices/:id.json',
      guide: 'https://feed.example.cn/gov/v1/regions/:region/guides/:id.json',
    })
    expect(progressRoute('https://api.example.cn/')).toBe('https://api.example.cn/v1/applications/lookup')
  })
})
