/**
 * Reading 常见问题 documents (src/feed/document.ts): topics in index.json, topic shards, the search shard and
 * answers. Like notices: a bad envelope rejects the document, a bad item is dropped and reported with its
 * JSON path, texts are cleaned and measured in code points, documents past their size are refused unread.
 */
import { describe, expect, it } from 'vitest'
import { LINWU, YUELU } from '../../mocks/fixtures'
import { parseFaqEntry, parseFaqSearch, parseFaqTopic, parseIndex, type Problem } from '../../src/feed/document'
import { LIMITS } from '../../src/feed/schema'

const FAQ = LINWU.faq!
const T = '2026-11-20T09:00:00+08:00'
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
const where = (problems: readonly Problem[]) => problems.map((p) => `${p.path} ${p.kind}`)

describe('faq[] in index.json', () => {
  it('reads the fixture topics as they are, and an index without them (version 1.0) as one with none', () => {
    const parsed = parseIndex(copy(LINWU.index))
    expect(parsed.ok && parsed.value.faq).toEqual(FAQ.topics)
    expect(parsed.problems).toEqual([])
    const old = copy(LINWU.index) as unknown as Record<string, unknown>
    delete old.faq
    const read = parseIndex(old)
    expect(read.ok && read.value.faq).toEqual([])
    expect(read.problems).toEqual([])
  })

  it('drops bad topics one by one and says where, keeping the rest and the notices', () => {
    const index = copy(LINWU.index) as unknown as Record<string, unknown[]>
    const topics = index.faq as Record<string, unknown>[]
    topics[0] = { ...topics[0], pageNo: '30' } // two digits
    topics[1] = { ...topics[1], count: -1 }
    delete topics[2]!.name
    topics[3] = { ...topics[3], id: 'shebao' } // repeats topics[0]'s id…
    topics.push({ id: 'kuaidi', name: '<b>快递</b>', count: 3, pageNo: '309' })
    const parsed = parseIndex(index)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(where(parsed.problems)).toEqual(['$.faq[0].pageNo page-no', '$.faq[1].count min_value', '$.faq[2].name object'])
    // …but topics[0] was dropped first, so topics[3] keeps its place as 社保's replacement: only real repeats are dropped.
    expect(parsed.value.faq?.map((t) => t.id)).toEqual(['shebao', 'jiaoyu', 'kuaidi'])
    expect(parsed.value.faq?.[2]?.name).toBe('快递')
    expect(parsed.value.notices).toHaveLength(LINWU.index.notices.length)
  })

  it('keeps at most LIMITS.faqTopics topics, and a faq that is not a list costs the topics only', () => {
    const many = copy(LINWU.index) as unknown as Record<string, unknown>
    many.faq = Array.from({ length: LIMITS.faqTopics + 5 }, (_, i) => ({ id: `t${i}`, name: `分类${i}`, count: 0 }))
    const parsed = parseIndex(many)
    expect(parsed.ok && parsed.value.faq?.length).toBe(LIMITS.faqTopics)
    expect(where(parsed.problems)).toEqual(['$.faq too-many'])
    const wrong = { ...copy(LINWU.index), faq: '社保' }
    const read = parseIndex(wrong)
    expect(read.ok && read.value.faq).toEqual([])
    expect(read.ok && read.value.notices.length).toBe(LINWU.index.notices.length)
  })
})

describe('faq/topics/{id}.json', () => {
  it('reads every fixture shard without a problem', () => {
    for (const region of [LINWU, YUELU]) {
      for (const shard of Object.values(region.faq!.shards)) {
        expect(parseFaqTopic(JSON.stringify(shard))).toEqual({ ok: true, value: shard, problems: [] })
      }
    }
  })

  it('drops broken questions with their paths, cleans texts, counts code points', () => {
    const shard = copy(FAQ.shards.yibao!) as unknown as { questions: unknown[] }
    const q = shard.questions as Record<string, unknown>[]
    q[0] = { ...q[0], initials: 'CXJMYB' } // upper case
    q[1] = { ...q[1], question: '问'.repeat(121) }
    q[2] = { ...q[2], question: '\u{20000}'.repeat(120), initials: 'x' } // 120 characters, 240 UTF-16 units: fits
    q[3] = { ...q[3], question: '<p>门诊慢特病&nbsp;怎么申请？</p>' }
    q[4] = { ...q[4], id: q[5]?.id }
    q[6] = { ...q[6], updatedAt: '2026年7月19日' }
    shard.questions.push({ question: '没有编号的问题？' }, '不是对象')
    const parsed = parseFaqTopic(shard)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(where(parsed.problems)).toEqual([
      '$.questions[0].initials initials',
      '$.questions[1].question max_length',
      '$.questions[6].updatedAt timestamp',
      '$.questions[7].id object',
      '$.questions[8] object',
      '$.questions[5].id duplicate-id',
    ])
    expect(parsed.problems.every((p) => p.dropped)).toBe(true)
    // Kept: the 120-character question, the cleaned one, and the first of the two with one id.
    expect(parsed.value.questions.map((x) => x.question)).toEqual(['\u{20000}'.repeat(120), '门诊慢特病 怎么申请？', FAQ.shards.yibao!.questions[4]!.question])
  })

  it('keeps a question without initials: it is listed, only digit search cannot find it', () => {
    const shard = copy(FAQ.shards.huji!)
    delete shard.questions[0]!.initials
    const parsed = parseFaqTopic(shard)
    expect(parsed.ok && parsed.value.questions).toHaveLength(FAQ.shards.huji!.questions.length)
    expect(parsed.problems).toEqual([])
  })

  it('rejects a shard without its topic or name, of another major version, or not JSON', () => {
    const { topic: _topic, ...noTopic } = copy(FAQ.shards.huji!)
    expect(parseFaqTopic(noTopic)).toMatchObject({ ok: false, reason: 'envelope' })
    expect(parseFaqTopic({ ...copy(FAQ.shards.huji!), name: '' })).toMatchObject({ ok: false, reason: 'envelope' })
    expect(parseFaqTopic({ ...copy(FAQ.shards.huji!), schemaVersion: 2 })).toMatchObject({ ok: false, reason: 'version' })
    expect(parseFaqTopic('{"schemaVersion":1,"topic":"huji"')).toMatchObject({ ok: false, reason: 'not-json' })
    expect(parseFaqTopic([])).toMatchObject({ ok: false, reason: 'not-object' })
  })

  it('refuses unread a shard longer than LIMITS.faqListChars, and keeps at most LIMITS.faqQuestions questions', () => {
    const long = `{"schemaVersion":1,"topic":"t","name":"分类","questions":[],"pad":"${'x'.repeat(LIMITS.faqListChars)}"}`
    const refused = parseFaqTopic(long)
    expect(refused).toMatchObject({ ok: false, reason: 'not-json' })
    expect(refused.problems[0]?.kind).toBe('too-large')
    const questions = Array.from({ length: LIMITS.faqQuestions + 1 }, (_, i) => ({ id: `q${i}`, question: '问题？', initials: 'wt' }))
    const parsed = parseFaqTopic({ schemaVersion: 1, topic: 't', name: '分类', questions })
    expect(parsed.ok && parsed.value.questions.length).toBe(LIMITS.faqQuestions)
    expect(where(parsed.problems)).toEqual(['$.questions too-many'])
  })
})

describe('faq/search.json', () => {
  it('reads the fixture search shards, every question with its topic', () => {
    for (const region of [LINWU, YUELU]) {
      const search = region.faq!.search
      expect(parseFaqSearch(copy(search))).toEqual({ ok: true, value: search, problems: [] })
      const topics = new Set(region.faq!.topics.map((t) => t.id))
      expect(search.questions.every((q) => topics.has(q.topic))).toBe(true)
    }
  })

  it('drops a question without a topic and one with a bad id', () => {
    const search = copy(FAQ.search) as unknown as { questions: Record<string, unknown>[] }
    delete search.questions[0]!.topic
    search.questions[1]!.id = 'a/b'
    const parsed = parseFaqSearch(search)
    expect(where(parsed.problems)).toEqual(['$.questions[0].topic object', '$.questions[1].id id'])
    expect(parsed.ok && parsed.value.questions).toHaveLength(FAQ.search.questions.length - 2)
  })
})

describe('faq/entries/{id}.json', () => {
  it('reads every fixture answer without a problem', () => {
    for (const entry of Object.values(FAQ.entries)) expect(parseFaqEntry(copy(entry))).toEqual({ ok: true, value: entry, problems: [] })
  })

  it('drops bad answer blocks one by one, keeping the others, as a notice body', () => {
    const entry = copy(FAQ.entries['lw-faq-yb-01']!) as unknown as Record<string, unknown> & { answer: unknown[] }
    entry.answer = [
      { type: 'paragraph', text: '先看这一段。' },
      { type: 'image', src: 'javascript:alert(1)', alt: '不安全的图片' },
      { type: 'video', src: 'https://img.gov.example.cn/a.mp4' },
      { type: 'list', items: [] },
      { type: 'heading', text: '<h2>缴费方式</h2>' },
    ]
    const parsed = parseFaqEntry(entry)
    expect(parsed.ok).toBe(true)
    expect(where(parsed.problems)).toEqual(['$.answer[1].src http-url', '$.answer[2].type variant', '$.answer[3].items min_length'])
    expect(parsed.ok && parsed.value.answer).toEqual([
      { type: 'paragraph', text: '先看这一段。' },
      { type: 'heading', text: '缴费方式' },
    ])
  })

  it('rejects an answer without its question or topic; an answer without blocks is read (the screen says to call 12345)', () => {
    const { question: _q, ...noQuestion } = copy(FAQ.entries['lw-faq-yb-01']!)
    expect(parseFaqEntry(noQuestion)).toMatchObject({ ok: false, reason: 'envelope' })
    const { topic: _t, ...noTopic } = copy(FAQ.entries['lw-faq-yb-01']!)
    expect(parseFaqEntry(noTopic)).toMatchObject({ ok: false, reason: 'envelope' })
    const { answer: _a, ...noAnswer } = copy(FAQ.entries['lw-faq-yb-01']!)
    expect(parseFaqEntry(noAnswer)).toMatchObject({ ok: true, value: { answer: [] }, problems: [] })
  })

  it('refuses unread an answer longer than LIMITS.detailChars', () => {
    const text = JSON.stringify({ ...FAQ.entries['lw-faq-yb-01'], pad: 'x'.repeat(LIMITS.detailChars) })
    expect(parseFaqEntry(text).problems[0]?.kind).toBe('too-large')
  })
})

it('every fixture date is a timestamp the reader accepts', () => {
  expect(parseFaqTopic({ schemaVersion: 1, topic: 't', name: '分类', updatedAt: T, questions: [] }).ok).toBe(true)
})
