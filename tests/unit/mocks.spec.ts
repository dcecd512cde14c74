/**
 * The mock feed is what every screen, e2e test and benchmark is developed against, so it has to be
 * right: every fixture must pass the contract with nothing to report, and every broken scenario must
 * break in exactly the way it promises.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseGuideDetail, parseIndex, parseNoticeDetail, parseProgress, type Problem } from '../../src/feed/document'
import { GuideDetailSchema, PROGRESS_STATUSES, type Block, type NoticeDetail } from '../../src/feed/schema'
import {
  FIXTURE_NOW,
  IMAGE_HOST,
  LINWU,
  PROGRESS_FIXTURES,
  REGIONS,
  UNMASKED_APPLICATION_NO,
  YUELU,
  type RegionFixture,
} from '../../mocks/fixtures'
import { createHandlers, etagOf, LOCK_SECONDS, MAX_WRONG_CODES, matchesIfNoneMatch } from '../../mocks/handlers'
import { generateLargeIndex, generateNoticeDetail, largeNoticeId } from '../../mocks/largeFeed'
import { NODE_API_BASE, NODE_FEED_BASE, resetMocks, server, useScenario } from '../../mocks/node'
import {
  MIXED_HTML_NOTICE,
  mixedHtmlTitleStripped,
  SCENARIOS,
  scenarioFromSearch,
  TRUNCATED_INDEX,
} from '../../mocks/scenarios'

const regions: [string, RegionFixture][] = Object.entries(REGIONS)
const allNotices = regions.flatMap(([, r]) => Object.values(r.notices).map((n): [string, NoticeDetail] => [n.id, n]))
const allGuides = regions.flatMap(([, r]) => Object.values(r.guides).map((g) => [g.id, g] as const))
const now = Date.parse(FIXTURE_NOW)

/** Fixtures are JSON on the wire: test them as a reader sees them, not as TypeScript objects. */
const wire = (doc: unknown): unknown => JSON.parse(JSON.stringify(doc))
const paragraphs = (body: readonly Block[]) => body.filter((b) => b.type === 'paragraph').length
const paths = (problems: readonly Problem[]) => problems.map((p) => p.path)

describe('fixture documents pass the feed contract with nothing to report', () => {
  it.each(regions)('index.json of %s', (_code, region) => {
    const parsed = parseIndex(wire(region.index))
    expect(parsed.problems).toEqual([])
    expect(parsed.ok).toBe(true)
    // Already in normal form: nothing is trimmed, stripped or defaulted on the way in.
    if (parsed.ok) expect(parsed.value).toEqual(region.index)
  })

  it.each(allNotices)('notice %s', (_id, notice) => {
    const parsed = parseNoticeDetail(wire(notice))
    expect(parsed.problems).toEqual([])
    expect(parsed.ok && parsed.value).toEqual(notice)
  })

  it.each(allGuides)('guide %s', (_id, guide) => {
    const parsed = parseGuideDetail(wire(guide))
    expect(parsed.problems).toEqual([])
    expect(parsed.ok && parsed.value).toEqual(guide)
  })

  it.each(PROGRESS_FIXTURES.map((f) => [f.record.applicationNo, f] as const))('progress %s', (_no, fixture) => {
    const parsed = parseProgress(wire(fixture.record))
    expect(parsed.problems).toEqual([])
    expect(parsed.ok && parsed.value).toEqual(fixture.record)
  })
})

describe('fixture regions are complete', () => {
  it('has 临武县 and 岳麓区 with their division paths', () => {
    expect(LINWU.index.region).toEqual({ code: '431025', name: '临武县', path: ['湖南省', '郴州市', '临武县'] })
    expect(YUELU.index.region).toEqual({ code: '430104', name: '岳麓区', path: ['湖南省', '长沙市', '岳麓区'] })
    expect(Object.keys(REGIONS).sort()).toEqual(['430104', '431025'])
  })

  it.each(regions)('%s: every notice in the index has a detail that repeats its summary', (_code, region) => {
    for (const summary of region.index.notices) {
      const detail = region.notices[summary.id]
      expect(detail, summary.id).toBeDefined()
      expect(detail).toMatchObject(summary)
    }
    expect(Object.keys(region.notices).sort()).toEqual(region.index.notices.map((n) => n.id).sort())
  })

  it.each(regions)('%s: every guide in the index has a guide detail that repeats its summary', (_code, region) => {
    for (const summary of region.index.guides) {
      const detail = region.guides[summary.id]
      expect(detail, summary.id).toBeDefined()
      expect(detail).toMatchObject(summary)
    }
    expect(Object.keys(region.guides).sort()).toEqual(region.index.guides.map((g) => g.id).sort())
  })

  it.each(regions)('%s: ids are unique and notices are listed pinned first, then newest first', (_code, region) => {
    const ids = region.index.notices.map((n) => n.id)
    expect(new Set(ids).size).toBe(ids.length)
    const pinned = region.index.notices.filter((n) => n.pinned)
    expect(region.index.notices.slice(0, pinned.length)).toEqual(pinned)
  })

  it.each(regions)('%s: lists 12345 first among its hotlines, then 12333 and 12393', (_code, region) => {
    expect(region.index.hotlines[0]).toMatchObject({ name: '政务服务便民热线', phone: '12345' })
    expect(region.index.hotlines.map((h) => h.phone)).toEqual(expect.arrayContaining(['12333', '12393']))
  })

  it('gives 岳麓区 at least 10 notices and 8 guides', () => {
    expect(YUELU.index.notices.length).toBeGreaterThanOrEqual(10)
    expect(YUELU.index.guides.length).toBeGreaterThanOrEqual(8)
  })
})

describe('临武县 content covers what the screens need', () => {
  const notices = Object.values(LINWU.notices)
  const guides = Object.values(LINWU.guides)

  it('has 32+ notices in the five categories, two of them pinned', () => {
    expect(notices.length).toBeGreaterThanOrEqual(32)
    expect(new Set(notices.map((n) => n.category))).toEqual(
      new Set(['通知公告', '政策解读', '惠民补贴', '村务公开', '招聘信息']),
    )
    expect(notices.filter((n) => n.pinned)).toHaveLength(2)
  })

  it('dates every notice in 2026, before the fixture day, in Beijing time', () => {
    for (const n of notices) {
      expect(n.publishedAt).toMatch(/^2026-.*\+08:00$/)
      expect(Date.parse(n.publishedAt)).toBeLessThan(now)
    }
  })

  it('carries 文号 such as 临政办发〔2026〕12号', () => {
    const docNos = notices.flatMap((n) => (n.docNo ? [n.docNo] : []))
    expect(docNos).toContain('临政办发〔2026〕12号')
    for (const docNo of docNos) expect(docNo).toMatch(/^临\S+〔2026〕\d+号$/)
  })

  it('includes this year’s 耕地地力保护补贴 and the pension certification notice', () => {
    expect(notices.some((n) => n.title.includes('2026年耕地地力保护补贴'))).toBe(true)
    expect(notices.some((n) => n.title.includes('养老保险待遇领取资格认证'))).toBe(true)
  })

  it('has long notices that need paging', () => {
    expect(notices.filter((n) => paragraphs(n.body) >= 8).length).toBeGreaterThanOrEqual(3)
  })

  it('has two notices with images on the image host, each with alt text', () => {
    const withImages = notices.filter((n) => n.body.some((b) => b.type === 'image'))
    expect(withImages).toHaveLength(2)
    for (const block of withImages.flatMap((n) => n.body)) {
      if (block.type !== 'image') continue
      expect(new URL(block.src).protocol).toBe('https:')
      expect(new URL(block.src).host).toBe(IMAGE_HOST)
      expect(block.alt.length).toBeGreaterThan(4)
    }
  })

  it('has attachments with https links', () => {
    const attachments = notices.flatMap((n) => n.attachments)
    expect(attachments.length).toBeGreaterThanOrEqual(5)
    for (const a of attachments) expect(a.url).toMatch(/^https:\/\//)
  })

  it('has 20+ guides with every field of the guide contract filled', () => {
    expect(guides.length).toBeGreaterThanOrEqual(20)
    for (const guide of guides) {
      // A page number is given to a few guides only: the leaflet prints the ones people ask for.
      for (const key of Object.keys(GuideDetailSchema.entries).filter((k) => k !== 'pageNo')) {
        expect(guide[key as keyof typeof guide], `${guide.id}.${key}`).toBeDefined()
      }
      expect(guide.tags.length, guide.id).toBeGreaterThan(0)
      expect(guide.conditions.length, guide.id).toBeGreaterThan(0)
      expect(guide.materials.length, guide.id).toBeGreaterThan(0)
      expect(guide.steps.length, guide.id).toBeGreaterThan(0)
      expect(guide.places.length, guide.id).toBeGreaterThan(0)
      expect(guide.phones.consult && guide.phones.complaint, guide.id).toBeTruthy()
      for (const place of guide.places) expect(place.hours, guide.id).toBeTruthy()
      for (const material of guide.materials) expect(material.note, `${guide.id} ${material.name}`).toBeTruthy()
    }
  })

  it('sorts guides by the usual categories and tags', () => {
    const categories = new Set(guides.map((g) => g.category))
    for (const c of ['社会保障', '医疗保障', '养老', '低保救助', '残疾人服务', '户籍', '农业补贴']) {
      expect(categories.has(c), c).toBe(true)
    }
    const tags = new Set(guides.flatMap((g) => g.tags))
    expect(tags).toEqual(new Set(['免证办', '帮代办', '上门办', '免申办', '一次不跑']))
    expect(guides.some((g) => g.name === '城乡居民养老保险待遇资格认证')).toBe(true)
  })

  it('has a yellow rain alert and an orange road closure still valid, and a blue one already expired', () => {
    const byLevel = Object.fromEntries(LINWU.index.alerts.map((a) => [a.level, a]))
    expect(byLevel.yellow?.title).toContain('暴雨')
    expect(byLevel.orange?.title).toContain('封闭')
    expect(byLevel.yellow?.validUntil.startsWith('2027')).toBe(true)
    expect(byLevel.orange?.validUntil.startsWith('2027')).toBe(true)
    expect(byLevel.blue?.validUntil.startsWith('2025')).toBe(true)
    expect(Date.parse(byLevel.blue?.validUntil ?? '')).toBeLessThan(now)
  })
})

describe('progress records', () => {
  const records = PROGRESS_FIXTURES.map((f) => f.record)

  it('cover every status, each with steps, an office and a way to receive the result', () => {
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(PROGRESS_STATUSES))
    for (const r of records) {
      expect(r.steps.at(-1)?.status, r.applicationNo).toBe(r.status)
      expect(r.pickup, r.applicationNo).toBeTruthy()
    }
  })

  it('have unique numbers and 6-digit codes kept beside the record', () => {
    expect(new Set(records.map((r) => r.applicationNo)).size).toBe(records.length)
    for (const f of PROGRESS_FIXTURES) {
      expect(f.code).toMatch(/^\d{6}$/)
      expect(JSON.stringify(f.record)).not.toContain(f.code)
    }
  })

  it('come masked from the server, except one the app has to mask itself', () => {
    const unmasked = records.filter((r) => !r.applicant.includes('*'))
    expect(unmasked.map((r) => r.applicationNo)).toEqual([UNMASKED_APPLICATION_NO])
  })
})

describe('the 10 000-notice generator', () => {
  const index = generateLargeIndex()

  it('yields exactly 10 000 valid notices and nothing to report', () => {
    const parsed = parseIndex(wire(index))
    expect(parsed.problems).toEqual([])
    expect(parsed.ok && parsed.value.notices).toHaveLength(10_000)
    expect(new Set(index.notices.map((n) => n.id)).size).toBe(10_000)
  })

  it('is deterministic and honours count and region', () => {
    expect(generateLargeIndex()).toEqual(index)
    const small = generateLargeIndex(25, '430104')
    expect(small.notices).toHaveLength(25)
    expect(small.region.name).toBe('岳麓区')
    expect(parseIndex(wire(small)).problems).toEqual([])
  })

  it('gives each generated notice a valid detail that matches the index entry', () => {
    for (const i of [0, 1, 4999, 9999]) {
      const detail = generateNoticeDetail(largeNoticeId(i))
      const parsed = parseNoticeDetail(wire(detail))
      expect(parsed.problems).toEqual([])
      expect(detail).toMatchObject(index.notices[i] ?? {})
    }
    expect(parseNoticeDetail(wire(generateNoticeDetail('anything-else'))).problems).toEqual([])
  })
})

describe('ETag helpers', () => {
  it('hash a body stably and compare If-None-Match weakly', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'))
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'))
    const tag = etagOf('x')
    expect(matchesIfNoneMatch(tag, tag)).toBe(true)
    expect(matchesIfNoneMatch(`"other", W/${tag}`, tag)).toBe(true)
    expect(matchesIfNoneMatch('*', tag)).toBe(true)
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false)
    expect(matchesIfNoneMatch(null, tag)).toBe(false)
  })
})

// ---- over HTTP, through msw's node server ----

const feed = (path: string) => `${NODE_FEED_BASE}/v1/regions/${path}`
/** A progress lookup as the box sends it: both fields in a JSON body; `undefined` leaves a field out. */
const lookupPost = (no: string | undefined, code?: string) =>
  fetch(`${NODE_API_BASE}/v1/applications/lookup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ applicationNo: no, code }),
  })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => resetMocks())
afterAll(() => server.close())

describe('the published feed answers like a CDN', () => {
  it('serves index.json with an ETag and max-age=300', async () => {
    const res = await fetch(feed('431025/index.json'))
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('max-age=300')
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{8}-[0-9a-f]+"$/)
    const parsed = parseIndex(await res.text())
    expect(parsed.problems).toEqual([])
    expect(parsed.ok && parsed.value).toEqual(LINWU.index)
  })

  it('answers 304 without a body when If-None-Match matches, 200 when it does not', async () => {
    const first = await fetch(feed('431025/index.json'))
    const etag = first.headers.get('ETag') ?? ''
    const again = await fetch(feed('431025/index.json'))
    expect(again.headers.get('ETag')).toBe(etag)

    const notModified = await fetch(feed('431025/index.json'), { headers: { 'If-None-Match': etag } })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    expect(notModified.headers.get('ETag')).toBe(etag)

    const weak = await fetch(feed('431025/index.json'), { headers: { 'If-None-Match': `W/${etag}` } })
    expect(weak.status).toBe(304)
    const stale = await fetch(feed('431025/index.json'), { headers: { 'If-None-Match': '"00000000-0"' } })
    expect(stale.status).toBe(200)
  })

  it('gives different documents different ETags', async () => {
    const a = await fetch(feed('431025/index.json'))
    const b = await fetch(feed('430104/index.json'))
    expect(a.headers.get('ETag')).not.toBe(b.headers.get('ETag'))
  })

  it('serves notice and guide details that pass the contract', async () => {
    const notice = await fetch(feed('431025/notices/lw-n001.json'))
    expect(notice.status).toBe(200)
    expect(notice.headers.get('ETag')).toBeTruthy()
    expect(parseNoticeDetail(await notice.text()).problems).toEqual([])

    const guide = await fetch(feed('430104/guides/yl-g01.json'))
    expect(guide.status).toBe(200)
    const parsed = parseGuideDetail(await guide.text())
    expect(parsed.ok && parsed.value.name).toBe('城乡居民养老保险待遇资格认证')
  })

  it('answers 404 for an unknown region, notice or guide', async () => {
    expect((await fetch(feed('999999/index.json'))).status).toBe(404)
    expect((await fetch(feed('431025/notices/no-such.json'))).status).toBe(404)
    expect((await fetch(feed('431025/guides/no-such.json'))).status).toBe(404)
    // A guide id is not a notice id, and one region's ids are not another's.
    expect((await fetch(feed('431025/notices/lw-g01.json'))).status).toBe(404)
    expect((await fetch(feed('430104/notices/lw-n001.json'))).status).toBe(404)
    expect((await fetch(feed('constructor/index.json'))).status).toBe(404)
    expect((await fetch(feed('431025/notices/constructor.json'))).status).toBe(404)
  })
})

describe('the progress lookup guards its verification codes', () => {
  const [first, second] = PROGRESS_FIXTURES
  if (!first || !second) throw new Error('need two progress fixtures')
  const no = first.record.applicationNo
  const wrongCode = first.code === '000000' ? '111111' : '000000'

  it('answers 200 with the record, never the code, and forbids caching it', async () => {
    const res = await lookupPost(no, first.code)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const text = await res.text()
    expect(text).not.toContain(first.code)
    const parsed = parseProgress(JSON.parse(text) as unknown)
    expect(parsed.ok && parsed.value).toEqual(first.record)
  })

  it('sends the unmasked applicant as the server has it', async () => {
    const fixture = PROGRESS_FIXTURES.find((f) => f.record.applicationNo === UNMASKED_APPLICATION_NO)
    const res = await lookupPost(UNMASKED_APPLICATION_NO, fixture?.code)
    const body = (await res.json()) as { applicant: string }
    expect(body.applicant).not.toContain('*')
  })

  it('answers 400 without a code, 404 for an unknown number, 403 for a wrong code', async () => {
    expect((await lookupPost(no)).status).toBe(400)
    expect((await lookupPost(no, '')).status).toBe(400)
    expect((await lookupPost(no, '12ab')).status).toBe(400)
    expect((await lookupPost('2099010100000', '123456')).status).toBe(404)
    expect((await lookupPost(no, wrongCode)).status).toBe(403)
  })

  it('answers 400 to a body that is not JSON or has no application number', async () => {
    const post = (body: string) => fetch(`${NODE_API_BASE}/v1/applications/lookup`, { method: 'POST', body })
    expect((await post('applicationNo=1&code=2')).status).toBe(400)
    expect((await post('null')).status).toBe(400)
    expect((await lookupPost(undefined, first.code)).status).toBe(400)
  })

  it('refuses the old GET with the code in the query string (405, Allow: POST), and counts it as no guess', async () => {
    for (let i = 0; i < MAX_WRONG_CODES + 1; i++) {
      const old = await fetch(`${NODE_API_BASE}/v1/applications/${no}?code=${wrongCode}`)
      expect(old.status).toBe(405)
      expect(old.headers.get('Allow')).toBe('POST')
    }
    expect((await fetch(`${NODE_API_BASE}/v1/applications/lookup`)).status).toBe(405)
    expect((await lookupPost(no, first.code)).status).toBe(200)
  })

  it(`locks a number with 429 and Retry-After: 60 after ${MAX_WRONG_CODES} wrong codes`, async () => {
    for (let i = 0; i < MAX_WRONG_CODES; i++) {
      expect((await lookupPost(no, wrongCode)).status).toBe(403)
    }
    const locked = await lookupPost(no, wrongCode)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('Retry-After')).toBe(String(LOCK_SECONDS))
    // Even the right code waits: otherwise the lock would not stop guessing.
    expect((await lookupPost(no, first.code)).status).toBe(429)
    // Other numbers are not affected.
    expect((await lookupPost(second.record.applicationNo, second.code)).status).toBe(200)
  })

  it('forgets wrong codes when reset, and after a right code', async () => {
    for (let i = 0; i < MAX_WRONG_CODES; i++) await lookupPost(no, wrongCode)
    resetMocks()
    expect((await lookupPost(no, first.code)).status).toBe(200)

    for (let i = 0; i < MAX_WRONG_CODES - 1; i++) await lookupPost(no, wrongCode)
    expect((await lookupPost(no, first.code)).status).toBe(200)
    for (let i = 0; i < MAX_WRONG_CODES - 1; i++) await lookupPost(no, wrongCode)
    expect((await lookupPost(no, wrongCode)).status).toBe(403)
  })

  it('lets the lock run out after Retry-After', async () => {
    let clock = Date.parse(FIXTURE_NOW)
    server.use(...createHandlers({ baseUrl: NODE_FEED_BASE, progressBaseUrl: NODE_API_BASE, now: () => clock }))
    for (let i = 0; i < MAX_WRONG_CODES; i++) await lookupPost(no, wrongCode)
    clock += 30_000
    const locked = await lookupPost(no, first.code)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('Retry-After')).toBe('30')
    clock += 30_000
    expect((await lookupPost(no, first.code)).status).toBe(200)
  })
})

describe('scenarios', () => {
  it('are named and chosen from the page address', () => {
    expect(SCENARIOS).toEqual(['slow', 'offline', 'server-error', 'malformed', 'not-modified', 'mixed'])
    expect(scenarioFromSearch('?scenario=slow')).toBe('slow')
    expect(scenarioFromSearch('?mock=1&scenario=mixed')).toBe('mixed')
    expect(scenarioFromSearch('?scenario=nonsense')).toBeUndefined()
    expect(scenarioFromSearch('')).toBeUndefined()
  })

  it('slow: answers normally, late', async () => {
    useScenario('slow', { latencyMs: 150 })
    const started = performance.now()
    const res = await fetch(feed('431025/index.json'))
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(res.status).toBe(200)
  })

  it('offline: every feed and progress request fails as a network error', async () => {
    useScenario('offline')
    await expect(fetch(feed('431025/index.json'))).rejects.toThrow(TypeError)
    await expect(lookupPost('2026112000001', '482913')).rejects.toThrow(TypeError)
  })

  it('server-error: feed documents answer 500', async () => {
    useScenario('server-error')
    for (const path of ['431025/index.json', '431025/notices/lw-n001.json', '431025/guides/lw-g01.json']) {
      expect((await fetch(feed(path))).status, path).toBe(500)
    }
  })

  it('malformed: index.json is cut-off JSON with status 200, and is rejected as not JSON', async () => {
    useScenario('malformed')
    const res = await fetch(feed('431025/index.json'))
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toBe(TRUNCATED_INDEX)
    const parsed = parseIndex(text)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.reason).toBe('not-json')
  })

  it('not-modified: answers 304 even to a box with nothing cached', async () => {
    useScenario('not-modified')
    const res = await fetch(feed('431025/index.json'))
    expect(res.status).toBe(304)
    expect(await res.text()).toBe('')
  })

  describe('mixed', () => {
    it.each(regions)('%s: keeps the good items and reports each bad one by its path', async (_code, region) => {
      useScenario('mixed')
      const res = await fetch(feed(`${region.index.region.code}/index.json`))
      const parsed = parseIndex(await res.text())
      if (!parsed.ok) throw new Error(`rejected: ${parsed.reason}`)
      const { value, problems } = parsed

      expect(paths(problems)).toEqual(
        expect.arrayContaining([
          '$.notices[1].title',
          '$.notices[3].title',
          '$.notices[5].id',
          '$.notices[7].publishedAt',
          '$.notices[8].pinned',
          '$.notices[10]',
          '$.notices[6].id',
          '$.guides[1].tags',
          '$.guides[3].code',
          '$.guides[4].id',
          '$.alerts[1].level',
          '$.alerts[2].validUntil',
          '$.hotlines[1].phone',
        ]),
      )
      expect(problems.every((p) => p.dropped)).toBe(true)
      expect(problems.find((p) => p.path === '$.notices[3].title')?.kind).toBe('max_length')
      expect(problems.find((p) => p.path === '$.notices[7].publishedAt')?.kind).toBe('timestamp')
      expect(problems.find((p) => p.path === '$.notices[6].id')).toMatchObject({ kind: 'duplicate-id' })
      expect(problems.find((p) => p.path === '$.alerts[1].level')?.kind).toBe('picklist')

      // Seven notices are broken (1, 3, 5, 6, 7, 8, 10); the rest, including the HTML one, stay.
      expect(value.notices).toHaveLength(region.index.notices.length - 7)
      const original = region.index.notices[MIXED_HTML_NOTICE]
      const html = value.notices.find((n) => n.id === original?.id)
      expect(html?.title).toBe(mixedHtmlTitleStripped(original?.title ?? ''))
      expect(value.guides).toHaveLength(region.index.guides.length - 3)
      expect(value.guides.some((g) => g.name.includes('<'))).toBe(false)
      expect(value.alerts).toHaveLength(region.index.alerts.length)
      expect(value.hotlines).toHaveLength(region.index.hotlines.length)
    })

    it('drops a javascript: image and a data: attachment from the HTML notice’s detail', async () => {
      useScenario('mixed')
      const id = LINWU.index.notices[MIXED_HTML_NOTICE]?.id ?? ''
      const parsed = parseNoticeDetail(await (await fetch(feed(`431025/notices/${id}.json`))).text())
      if (!parsed.ok) throw new Error(`rejected: ${parsed.reason}`)
      expect(parsed.problems.find((p) => p.path === '$.body[1].src')?.kind).toBe('http-url')
      expect(paths(parsed.problems)).toEqual(
        expect.arrayContaining(['$.body[1].src', '$.body[3].text', '$.attachments[1].url']),
      )
      expect(parsed.problems.some((p) => p.path.startsWith('$.body[4]'))).toBe(true)
      expect(parsed.value.body.some((b) => b.type === 'image' && b.src.startsWith('javascript:'))).toBe(false)
      expect(parsed.value.body).toContainEqual({ type: 'heading', text: '正文' })
      expect(parsed.value.attachments).toHaveLength(1)
      expect(parsed.value.title).not.toContain('<')
      // Other notices are untouched by the scenario.
      const other = await fetch(feed('431025/notices/lw-n003.json'))
      expect(parseNoticeDetail(await other.text()).problems).toEqual([])
    })
  })
})
