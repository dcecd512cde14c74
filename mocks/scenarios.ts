/**
 * Named ways for the feed to go wrong. Each scenario is a list of handlers placed in front of the
 * normal ones (`server.use(...)` in node, prepended in the browser worker); whatever a scenario does
 * not answer falls through to the normal handlers.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import type { NoticeDetail, NoticeSummary } from '../src/feed/schema'
import type { RegionFixture } from './fixtures'
import {
  DEFAULT_API_BASE,
  DEFAULT_FEED_BASE,
  documentResponse,
  errorJson,
  faqRoutes,
  feedRoutes,
  lookup,
  regionFixture,
  trimBase,
  type HandlerOptions,
} from './handlers'

export const SCENARIOS = ['slow', 'offline', 'server-error', 'malformed', 'not-modified', 'mixed'] as const
export type ScenarioName = (typeof SCENARIOS)[number]

export interface ScenarioOptions extends HandlerOptions {
  /** Latency of the `slow` scenario, default 3000 ms; tests shorten it. */
  latencyMs?: number
}

export function isScenarioName(name: unknown): name is ScenarioName {
  return typeof name === 'string' && (SCENARIOS as readonly string[]).includes(name)
}

/** `?scenario=slow` in the page address; unknown names are ignored so a typo shows the normal feed. */
export function scenarioFromSearch(search: string): ScenarioName | undefined {
  const name = new URLSearchParams(search).get('scenario')
  return isScenarioName(name) ? name : undefined
}

/** The body the `malformed` scenario sends: JSON cut off mid-document, as after an interrupted upload. */
export const TRUNCATED_INDEX = '{"schemaVersion":1, "region": '

type Json = Record<string, unknown>

function without(item: object, key: string): Json {
  const copy: Json = { ...item }
  delete copy[key]
  return copy
}

/** Position in the mixed index's notices of the item whose title carries markup, and whose detail is broken. */
export const MIXED_HTML_NOTICE = 4

/**
 * An index where a few items are broken in the ways a careless or hostile CMS breaks them, between
 * valid ones. The positions are fixed so tests can name the JSON paths that must be reported:
 *
 * - notices[1].title is a number; notices[3].title is 100 000 characters; notices[5] has no id;
 *   notices[6] repeats the id of notices[0]; notices[7].publishedAt is not ISO 8601;
 *   notices[8].pinned is a string; notices[10] is not an object
 * - notices[4].title and guides[5].name carry HTML tags, which must be stripped and the item kept
 * - notices[9] carries a field the reader does not know, which must be ignored
 * - guides[1].tags is a string; guides[3] has no code; guides[4] repeats the id of guides[0]
 * - alerts[1].level is not a level; alerts[2] has no validUntil
 * - hotlines[1].phone is not a phone number
 */
export function mixedIndex(fixture: RegionFixture): Json {
  const { index } = fixture
  const first = index.notices[0]
  const firstGuide = index.guides[0]
  if (!first || !firstGuide || index.notices.length < 12 || index.guides.length < 6) {
    throw new Error(`mixed scenario: region ${index.region.code} has too few notices or guides`)
  }
  const noticeBreakers: Record<number, (n: NoticeSummary) => unknown> = {
    1: (n) => ({ ...n, title: 20261120 }),
    3: (n) => ({ ...n, title: '关'.repeat(100_000) }),
    [MIXED_HTML_NOTICE]: (n) => ({ ...n, title: htmlTitle(n.title) }),
    5: (n) => without(n, 'id'),
    6: (n) => ({ ...n, id: first.id }),
    7: (n) => ({ ...n, publishedAt: '2026年11月18日' }),
    8: (n) => ({ ...n, pinned: 'yes' }),
    9: (n) => ({ ...n, 'x-cms-editor': { id: 42, draft: false } }),
    10: () => '关于做好冬季安全生产工作的通知',
  }
  const guideBreakers: Record<number, (g: (typeof index.guides)[number]) => unknown> = {
    1: (g) => ({ ...g, tags: '免证办' }),
    3: (g) => without(g, 'code'),
    4: (g) => ({ ...g, id: firstGuide.id }),
    5: (g) => ({ ...g, name: `<strong>${g.name}</strong><br/>` }),
  }
  const alerts: unknown[] = [
    ...index.alerts.slice(0, 1),
    {
      id: 'mixed-alert-purple',
      level: 'purple',
      title: '级别错误的预警',
      text: '这条预警的级别不在 red / orange / yellow / blue / info 之中，应被丢弃。',
      validUntil: '2027-01-01T00:00:00+08:00',
    },
    { id: 'mixed-alert-no-end', level: 'red', title: '缺少截止时间的预警', text: '没有 validUntil，应被丢弃。' },
    ...index.alerts.slice(1),
  ]
  const hotlines: unknown[] = [
    ...index.hotlines.slice(0, 1),
    { name: '错误号码', phone: 'call us', hours: '全天' },
    ...index.hotlines.slice(1),
  ]
  return {
    ...index,
    cmsBuild: '2026.11.20-rc1',
    alerts,
    notices: index.notices.map((n, i) => noticeBreakers[i]?.(n) ?? n),
    guides: index.guides.map((g, i) => guideBreakers[i]?.(g) ?? g),
    hotlines,
  }
}

function htmlTitle(title: string): string {
  return `<p><b>【重要】</b>${title}<span style="color:red">（更新）</span></p>`
}

/** What the HTML title of the mixed index reads once its tags are stripped. */
export function mixedHtmlTitleStripped(title: string): string {
  return `【重要】${title}（更新）`
}

/**
 * The detail of the HTML-titled notice, with body blocks and attachments that must be dropped one by
 * one: body[1] is an image whose src is a `javascript:` URL, body[3] a paragraph whose text is a
 * number, body[4] a block of an unknown type; attachments[1] points at a `data:` URL.
 */
export function mixedNoticeDetail(detail: NoticeDetail): Json {
  return {
    ...detail,
    title: htmlTitle(detail.title),
    body: [
      { type: 'paragraph', text: '本通知的部分内容格式有误，显示时应跳过有误的部分。' },
      { type: 'image', src: 'javascript:alert(document.cookie)', alt: '不安全的图片地址' },
      { type: 'heading', text: '<h2>正文</h2>' },
      { type: 'paragraph', text: 12345 },
      { type: 'video', src: 'https://img.gov.example.cn/video.mp4' },
      ...detail.body,
    ],
    attachments: [
      { name: '正常附件.pdf', url: 'https://www.linwu.gov.example.cn/attachments/2026/ok.pdf' },
      { name: '不安全的附件', url: 'data:text/html,<script>alert(1)</script>' },
    ],
  }
}

export function scenarioHandlers(name: ScenarioName, options: ScenarioOptions = {}): HttpHandler[] {
  const routes = feedRoutes(options.baseUrl ?? DEFAULT_FEED_BASE)
  const feedAll = `${trimBase(options.baseUrl ?? DEFAULT_FEED_BASE)}/*`
  const apiAll = `${trimBase(options.progressBaseUrl ?? DEFAULT_API_BASE)}/*`
  const pollAll = `${trimBase(options.pollBaseUrl ?? options.progressBaseUrl ?? DEFAULT_API_BASE)}/*`
  const documents = [routes.index, routes.notice, routes.guide, ...Object.values(faqRoutes(options.baseUrl ?? DEFAULT_FEED_BASE))]

  switch (name) {
    case 'slow': {
      const latency = options.latencyMs ?? 3000
      // Returning nothing after the wait hands the request on to the normal handlers.
      return [
        http.get(feedAll, async () => {
          await delay(latency)
        }),
      ]
    }
    case 'offline':
      return [http.all(feedAll, () => HttpResponse.error()), http.all(apiAll, () => HttpResponse.error()), http.all(pollAll, () => HttpResponse.error())]
    case 'server-error':
      return documents.map((route) => http.get(route, () => errorJson(500, 'internal-error')))
    case 'malformed':
      return [
        http.get<{ region: string }>(routes.index, ({ request, params }) =>
          regionFixture(params.region) ? documentResponse(request, TRUNCATED_INDEX) : undefined,
        ),
      ]
    case 'not-modified':
      return documents.map((route) =>
        http.get(route, ({ request }) => {
          const echoed = request.headers.get('If-None-Match')
          const headers: Record<string, string> = { 'Cache-Control': 'max-age=300' }
          if (echoed) headers.ETag = echoed
          return new HttpResponse(null, { status: 304, headers })
        }),
      )
    case 'mixed':
      return [
        http.get<{ region: string }>(routes.index, ({ request, params }) => {
          const region = regionFixture(params.region)
          return region ? documentResponse(request, mixedIndex(region)) : undefined
        }),
        http.get<{ region: string; id: string }>(routes.notice, ({ request, params }) => {
          const region = regionFixture(params.region)
          const htmlNotice = region?.index.notices[MIXED_HTML_NOTICE]
          if (!region || !htmlNotice || params.id !== htmlNotice.id) return undefined
          const detail = lookup(region.notices, params.id)
          return detail ? documentResponse(request, mixedNoticeDetail(detail)) : undefined
        }),
      ]
  }
}
