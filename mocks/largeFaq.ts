/**
 * A large 常见问题 knowledge base for load tests and the benchmark: 30 000 questions by default, spread over
 * ten topics, deterministic (seeded). Questions are put together from phrases whose pinyin initials are
 * written out beside them (tests/unit/faqInitials.spec.ts checks them, and a sample of whole questions,
 * against pinyin-pro), so generating needs no dictionary and runs in a browser page as well as in Node.
 */
import type { FaqEntry, FaqQuestion, FaqSearchShard, FaqTopic, FaqTopicShard } from '../src/feed/schema'
import { seededRandom } from './seededRandom'

/** A phrase and its initials. */
export type Phrase = readonly [text: string, initials: string]

export const TOWNS: readonly Phrase[] = [
  ['舜峰镇', 'sfz'],
  ['金江镇', 'jjz'],
  ['汾市镇', 'fsz'],
  ['武水镇', 'wsz'],
  ['楚江镇', 'cjz'],
  ['麦市镇', 'msz'],
  ['南强镇', 'nqz'],
  ['水东镇', 'sdz'],
  ['香花镇', 'xhz'],
  ['镇南乡', 'znx'],
]

export const WHO: readonly Phrase[] = [
  ['老人', 'lr'],
  ['孩子', 'hz'],
  ['残疾人', 'cjr'],
  ['低保户', 'dbh'],
  ['外出务工人员', 'wcwgry'],
  ['退役军人', 'tyjr'],
  ['个体户', 'gth'],
  ['村民', 'cm'],
  ['大学生', 'dxs'],
  ['独居老人', 'djlr'],
]

/** Subjects by topic: the topic's name, then what people ask about under it. */
export const TOPICS: readonly { id: string; name: string; subjects: readonly Phrase[] }[] = [
  { id: 'shebao', name: '社保', subjects: [['养老保险', 'ylbx'], ['社保卡', 'sbk'], ['养老金', 'ylj'], ['失业保险金', 'sybxj']] },
  { id: 'yibao', name: '医保', subjects: [['城乡居民医保', 'cxjmyb'], ['医保电子凭证', 'ybdzpz'], ['门诊慢特病', 'mzmtb'], ['异地就医备案', 'ydjyba']] },
  { id: 'huji', name: '户籍', subjects: [['户口', 'hk'], ['身份证', 'sfz'], ['居住证', 'jzz'], ['出生登记', 'csdj']] },
  { id: 'budongchan', name: '不动产', subjects: [['不动产权证', 'bdcqz'], ['宅基地', 'zjd'], ['房屋过户', 'fwgh'], ['抵押登记', 'dydj']] },
  { id: 'jiaoyu', name: '教育', subjects: [['助学贷款', 'zxdk'], ['入学报名', 'rxbm'], ['营养餐', 'yyc'], ['学生资助', 'xszz']] },
  { id: 'jiuzhu', name: '社会救助', subjects: [['低保', 'db'], ['临时救助', 'lsjz'], ['特困供养', 'tkgy'], ['残疾人补贴', 'cjrbt']] },
  { id: 'nongye', name: '农业补贴', subjects: [['耕地地力补贴', 'gddlbt'], ['农机购置补贴', 'njgzbt'], ['种粮补贴', 'zlbt'], ['农业保险', 'nybx']] },
  { id: 'zhufang', name: '住房', subjects: [['危房改造', 'wfgz'], ['公租房', 'gzf'], ['住房公积金', 'zfgjj'], ['保障房', 'bzf']] },
  { id: 'jiuye', name: '就业创业', subjects: [['创业担保贷款', 'cydbdk'], ['技能培训', 'jnpx'], ['公益性岗位', 'gyxgw'], ['就业补贴', 'jybt']] },
  { id: 'laolin', name: '养老服务', subjects: [['高龄津贴', 'gljt'], ['居家养老', 'jjyl'], ['敬老院', 'jly'], ['养老服务补贴', 'ylfwbt']] },
]

export const ASKS: readonly Phrase[] = [
  ['怎么办理', 'zmbl'],
  ['怎么缴费', 'zmjf'],
  ['在哪里办', 'znlb'],
  ['要带什么材料', 'ydsmcl'],
  ['多久能办好', 'djnbh'],
  ['可以网上办吗', 'kywsbm'],
  ['丢了怎么补办', 'dlzmbb'],
  ['怎么查询', 'zmcx'],
  ['有什么条件', 'ysmtj'],
  ['能领多少钱', 'nldsq'],
  ['怎么申请', 'zmsq'],
  ['可以代办吗', 'kydbm'],
  ['过期了怎么办', 'gqlzmb'],
  ['要交钱吗', 'yjqm'],
  ['找谁办', 'zsb'],
]

export interface LargeFaq {
  topics: FaqTopic[]
  /** By topic id. */
  shards: Record<string, FaqTopicShard>
  search: FaqSearchShard
}

const UPDATED = '2026-11-20T08:00:00+08:00'

export function largeFaqId(i: number): string {
  return `faq-${String(i + 1).padStart(6, '0')}`
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

/** Question `i`: 舜峰镇老人城乡居民医保怎么缴费？ with its initials and topic. */
export function largeFaqQuestion(i: number): { id: string; topic: string; question: string; initials: string } {
  const random = seededRandom(i * 2654435761 + 12345)
  const topic = TOPICS[i % TOPICS.length] as (typeof TOPICS)[number]
  const parts = [pick(random, TOWNS), pick(random, WHO), pick(random, topic.subjects), pick(random, ASKS)]
  return {
    id: largeFaqId(i),
    topic: topic.id,
    question: `${parts.map((x) => x[0]).join('')}？`,
    initials: parts.map((x) => x[1]).join(''),
  }
}

/** `count` questions over the ten topics: the index's topics, each topic's shard, the search shard. */
export function generateLargeFaq(count = 30_000): LargeFaq {
  const shards: Record<string, FaqTopicShard> = {}
  for (const t of TOPICS) shards[t.id] = { schemaVersion: 1, topic: t.id, name: t.name, updatedAt: UPDATED, questions: [] }
  const search: FaqSearchShard = { schemaVersion: 1, updatedAt: UPDATED, questions: [] }
  for (let i = 0; i < count; i++) {
    const q = largeFaqQuestion(i)
    const item: FaqQuestion = { id: q.id, question: q.question, initials: q.initials, updatedAt: UPDATED }
    shards[q.topic]?.questions.push(item)
    search.questions.push(q)
  }
  const topics: FaqTopic[] = TOPICS.map((t, n) => ({
    id: t.id,
    name: t.name,
    count: shards[t.id]?.questions.length ?? 0,
    pageNo: String(301 + n),
    updatedAt: UPDATED,
  }))
  return { topics, shards, search }
}

/** The answer of a generated question (any id gets a valid one). */
export function generateLargeFaqEntry(id: string): FaqEntry {
  const match = /^faq-(\d{6})$/.exec(id)
  const q = largeFaqQuestion(match?.[1] !== undefined ? Number(match[1]) - 1 : 0)
  return {
    schemaVersion: 1,
    id,
    topic: q.topic,
    question: q.question,
    department: '县政务服务中心',
    updatedAt: UPDATED,
    answer: [
      { type: 'paragraph', text: `${q.question.replace(/？$/, '')}，可以到县政务服务中心综合窗口或所在乡镇便民服务中心咨询办理。` },
      { type: 'list', ordered: false, items: ['本人居民身份证', '户口簿', '相关证明材料'] },
      { type: 'paragraph', text: '也可以拨打12345政务服务便民热线咨询。' },
    ],
  }
}
