/**
 * A big but valid feed for load tests: how the list, the cache and the parser behave with 10 000
 * notices on a box with little memory. Deterministic (seeded), so two runs measure the same thing.
 */
import type { FeedIndex, NoticeDetail, NoticeSummary } from '../src/feed/schema'
import { REGIONS } from './fixtures'
import { lookup } from './handlers'
import { seededRandom as seeded } from './seededRandom'


function pick<T>(random: () => number, list: readonly [T, ...T[]]): T {
  return list[Math.floor(random() * list.length)] ?? list[0]
}

const CATEGORIES = ['通知公告', '政策解读', '惠民补贴', '村务公开', '招聘信息'] as const
const TOWNS = ['舜峰镇', '金江镇', '汾市镇', '武水镇', '楚江镇', '麦市镇', '南强镇', '水东镇'] as const
const TOPICS = [
  '城乡居民养老保险待遇资格认证',
  '城乡居民医保参保缴费',
  '耕地地力保护补贴发放',
  '冬春森林防火',
  '低保对象动态调整',
  '农村危房改造',
  '高龄津贴发放',
  '村级财务收支',
  '公益性岗位招聘',
  '农机购置补贴',
] as const
const KINDS = ['通知', '公示', '政策解读', '工作安排', '情况通报'] as const
const PUBLISHERS = ['县人民政府办公室', '县人力资源和社会保障局', '县农业农村局', '县民政局', '县医疗保障局'] as const

/** The day the newest generated notice is published; older ones step back from it. */
const NEWEST = Date.parse('2026-11-20T09:00:00+08:00')
const EIGHT_HOURS = 8 * 3600 * 1000

/** ISO 8601 in China Standard Time, the offset every county feed uses. */
function beijingTime(ms: number): string {
  const local = new Date(ms + EIGHT_HOURS).toISOString().slice(0, 19)
  return `${local}+08:00`
}

export function largeNoticeId(i: number): string {
  return `bulk-${String(i + 1).padStart(6, '0')}`
}

function regionName(regionCode: string): { name: string; path: string[] } {
  const known = lookup(REGIONS, regionCode)?.index.region
  return known ? { name: known.name, path: known.path } : { name: '测试县', path: ['湖南省', '测试市', '测试县'] }
}

function summaryAt(i: number, regionCode: string): NoticeSummary {
  const random = seeded(i * 7919 + Number(regionCode.slice(-4)))
  const town = pick(random, TOWNS)
  const topic = pick(random, TOPICS)
  const kind = pick(random, KINDS)
  const name = regionName(regionCode).name
  // Roughly ten notices a day, newest first, with the minutes varied by the seed.
  const publishedAt = NEWEST - Math.floor(i / 10) * 86_400_000 - Math.floor(random() * 600) * 60_000
  const summary: NoticeSummary = {
    id: largeNoticeId(i),
    title: `${name}${town}关于${topic}的${kind}（第${i + 1}号）`,
    category: pick(random, CATEGORIES),
    publisher: `${name}${pick(random, PUBLISHERS).slice(1)}`,
    publishedAt: beijingTime(publishedAt),
    pinned: i < 2,
  }
  if (i % 7 === 0) summary.docNo = `${name.charAt(0)}政办发〔${new Date(publishedAt + EIGHT_HOURS).getUTCFullYear()}〕${(i % 97) + 1}号`
  return summary
}

export function generateLargeIndex(count = 10000, regionCode = '431025'): FeedIndex {
  const { name, path } = regionName(regionCode)
  const notices: NoticeSummary[] = []
  for (let i = 0; i < count; i++) notices.push(summaryAt(i, regionCode))
  const fixture = lookup(REGIONS, regionCode)
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-20T08:00:00+08:00',
    region: { code: regionCode, name, path },
    alerts: fixture?.index.alerts ?? [],
    notices,
    guides: fixture?.index.guides ?? [],
    hotlines: fixture?.index.hotlines ?? [{ name: '政务服务便民热线', phone: '12345', hours: '全天24小时' }],
    collections: [],
    videos: [],
    polls: [],
    faq: [],
    townships: [],
  }
}

/**
 * The detail of a generated notice. For ids from generateLargeIndex the summary fields match the
 * index entry; any other id still gets a valid, deterministic document.
 */
export function generateNoticeDetail(id: string, regionCode = '431025'): NoticeDetail {
  const match = /^bulk-(\d{6})$/.exec(id)
  const i = match?.[1] !== undefined ? Number(match[1]) - 1 : hashIndex(id)
  const summary = { ...summaryAt(i, regionCode), id }
  const random = seeded(i + 1)
  const paragraphs = 2 + Math.floor(random() * 10)
  const body: NoticeDetail['body'] = [{ type: 'heading', text: summary.title.slice(0, 200) }]
  for (let k = 0; k < paragraphs; k++) {
    body.push({
      type: 'paragraph',
      text: `第${k + 1}段：请${pick(random, TOWNS)}各村（社区）做好${pick(random, TOPICS)}相关工作，及时向群众宣传政策，做到应知尽知、应享尽享。`,
    })
  }
  return {
    ...summary,
    schemaVersion: 1,
    indexNo: `${regionCode}000/${summary.publishedAt.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`,
    body,
    attachments: [],
  }
}

/** Maps an arbitrary id onto a stable position, so unknown ids still get reproducible content. */
function hashIndex(id: string): number {
  let h = 0
  for (let k = 0; k < id.length; k++) h = (Math.imul(h, 31) + id.charCodeAt(k)) >>> 0
  return h % 100_000
}
