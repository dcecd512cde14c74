/**
 * Polls (问卷调查, issue 13): polls[] read item by item with the broken ones dropped and reported; open and
 * closed by the clock; the anonymous answer (a body of only optionId, to one address per poll) and every
 * answer the service may give; results as whole percentages that add up to 100; and the one thing the box
 * remembers, a flag per answered poll that never says which option.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { readSettings, SettingsError } from '../../src/config/settings'
import { describeProblem } from '../../src/editor/problemText'
import { parseIndex, parsePollResults } from '../../src/feed/document'
import { createHttpClient } from '../../src/feed/http'
import {
  createPollMemory,
  fetchPollResults,
  findPoll,
  mayShowResults,
  openPolls,
  pollActions,
  pollPhase,
  POLL_ANSWERED_PREFIX,
  sendPollAnswer,
  tallyResults,
  type FlagStorage,
  type PollAnswerResult,
} from '../../src/feed/polls'
import { PostError, type PostJson, type PostJsonResponse } from '../../src/feed/postJson'
import type { FeedIndex, Poll } from '../../src/feed/schema'
import { LIMITS } from '../../src/feed/schema'
import { upgradeStoredIndex } from '../../src/feed/storedIndex'
import { setLanguage } from '../../src/i18n/strings'
import { answerProblem, barText, groupDigits, pollIntro, resultsProblem } from '../../src/layout/pollView'
import { FIXTURE_NOW, LINWU, POLL_START_COUNTS } from '../../mocks/fixtures'
import { pollRoutes, POLL_ANSWERS_PER_MINUTE } from '../../mocks/handlers'
import { NODE_API_BASE, resetMocks, server } from '../../mocks/node'

const T = '2026-11-20T09:00:00+08:00'
const NOW = Date.parse(FIXTURE_NOW)

const option = (id: string, label = `选项${id}`) => ({ id, label })
const poll = (extra: Record<string, unknown> = {}) => ({
  id: 'p1',
  question: '您最希望在电视上看到哪类政务信息？',
  options: [option('a', '惠民补贴'), option('b', '办事指南')],
  opensAt: '2026-11-16T08:00:00+08:00',
  closesAt: '2026-12-31T18:00:00+08:00',
  ...extra,
})
const index = (polls: unknown) => ({ schemaVersion: 1, generatedAt: T, region: { code: '431025', name: '临武县' }, polls })

function read(polls: unknown) {
  const parsed = parseIndex(index(polls))
  if (!parsed.ok) throw new Error('rejected')
  return parsed
}

const GOV_DAY = LINWU.index.polls.find((p) => p.id === 'lw-p-2026-gov-day')!
const BUS = LINWU.index.polls.find((p) => p.id === 'lw-p-2026-bus')!
const UPCOMING = LINWU.index.polls.find((p) => p.id === 'lw-p-2028-projects')!

describe('polls[] in the index', () => {
  it('reads a poll with its defaults, and the fixtures with nothing to report', () => {
    const parsed = read([poll()])
    expect(parsed.problems).toEqual([])
    expect(parsed.value.polls).toEqual([{ ...poll(), showResults: false }])
    const fixture = parseIndex(JSON.parse(JSON.stringify(LINWU.index)))
    expect(fixture.ok && fixture.problems).toEqual([])
    expect(fixture.ok && fixture.value.polls).toEqual(LINWU.index.polls)
  })

  it('gives an index without polls, and an older stored copy, an empty list', () => {
    expect(read(undefined).value.polls).toEqual([])
    const { polls: _notYet, ...older } = LINWU.index
    expect(upgradeStoredIndex(older as FeedIndex).polls).toEqual([])
    expect(upgradeStoredIndex(older as FeedIndex).collections).toBe(LINWU.index.collections)
    expect(upgradeStoredIndex(LINWU.index).polls).toBe(LINWU.index.polls)
  })

  it('drops a broken poll on its own and reports it by path; the good ones stay', () => {
    const parsed = read([
      poll({ id: 'one-option', options: [option('a')] }),
      poll({ id: 'seven', options: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => option(id)) }),
      poll({ id: 'no-label', options: [option('a'), { id: 'b', label: '<p></p>' }] }),
      poll({ id: 'bad-time', closesAt: '2026-12-31 18:00' }),
      poll({ id: 'ok' }),
      poll({ id: 'six', options: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => option(id)) }),
      poll({ id: 'no-question', question: undefined }),
      poll({ id: 'yes', showResults: 'yes' }),
    ])
    expect(parsed.value.polls.map((p) => p.id)).toEqual(['ok', 'six'])
    expect(parsed.problems.map((p) => [p.path, p.kind])).toEqual([
      ['$.polls[0].options', 'min_length'],
      ['$.polls[1].options', 'max_length'],
      ['$.polls[2].options[1].label', 'min_length'],
      ['$.polls[3].closesAt', 'timestamp'],
      ['$.polls[6].question', 'string'],
      ['$.polls[7].showResults', 'boolean'],
    ])
    // The option count is an error of the poll, worded as a list for the editors.
    expect(describeProblem(parsed.problems[0]!)).toBe('$.polls[0].options：列表不能少于 2 条，实际 1 条（这一条不显示，其余照常）')
    expect(describeProblem(parsed.problems[1]!)).toBe('$.polls[1].options：条目太多，最多 6 条，实际 7 条（这一条不显示，其余照常）')
  })

  it('drops a poll whose options repeat an id, or that closes before it opens, and a repeated poll id', () => {
    const parsed = read([
      poll({ id: 'dup-option', options: [option('a'), option('b'), option('a')] }),
      poll({ id: 'backwards', opensAt: '2026-12-01T08:00:00+08:00', closesAt: '2026-11-30T18:00:00+08:00' }),
      poll({ id: 'instant', closesAt: '2026-11-16T08:00:00+08:00' }),
      poll({ id: 'p1' }),
      poll({ id: 'p1', question: '重复的调查' }),
    ])
    expect(parsed.value.polls.map((p) => [p.id, p.question])).toEqual([['p1', poll().question]])
    expect(parsed.problems).toEqual([
      { path: '$.polls[0].options[2].id', kind: 'duplicate-option', received: 'a', dropped: true },
      { path: '$.polls[1].closesAt', kind: 'closes-before-opens', expected: '2026-12-01T08:00:00+08:00', received: '2026-11-30T18:00:00+08:00', dropped: true },
      { path: '$.polls[2].closesAt', kind: 'closes-before-opens', expected: '2026-11-16T08:00:00+08:00', received: '2026-11-16T08:00:00+08:00', dropped: true },
      { path: '$.polls[4].id', kind: 'duplicate-id', received: 'p1', dropped: true },
    ])
    expect(describeProblem(parsed.problems[0]!)).toBe('$.polls[0].options[2].id：选项编号 a 在这次调查里重复，每个选项的 id 必须不同（这一条不显示，其余照常）')
    expect(describeProblem(parsed.problems[1]!, 'en')).toContain('not after it opens (2026-12-01T08:00:00+08:00)')
  })

  it('keeps at most LIMITS.polls polls, and a list that is not a list costs only the polls', () => {
    const many = Array.from({ length: LIMITS.polls + 3 }, (_, i) => poll({ id: `p${i}` }))
    const parsed = read(many)
    expect(parsed.value.polls).toHaveLength(LIMITS.polls)
    expect(parsed.problems.map((p) => p.kind)).toEqual(['too-many'])
    const notList = read({ id: 'p1' })
    expect(notList.value.polls).toEqual([])
    expect(notList.problems.map((p) => [p.path, p.kind])).toEqual([['$.polls', 'array']])
  })
})

describe('open and closed by the clock', () => {
  const p = { ...poll(), showResults: true } as Poll
  it('is upcoming before opensAt, open from it until before closesAt, closed from closesAt', () => {
    expect(pollPhase(p, Date.parse(p.opensAt) - 1)).toBe('upcoming')
    expect(pollPhase(p, Date.parse(p.opensAt))).toBe('open')
    expect(pollPhase(p, Date.parse(p.closesAt) - 1)).toBe('open')
    expect(pollPhase(p, Date.parse(p.closesAt))).toBe('closed')
  })

  it('offers on Home only the polls open now, and finds any poll by id', () => {
    expect(openPolls(LINWU.index, NOW).map((x) => x.id)).toEqual(['lw-p-2026-gov-day'])
    expect(openPolls(LINWU.index, Date.parse('2027-11-15T09:00:00+08:00')).map((x) => x.id)).toEqual(['lw-p-2026-gov-day', 'lw-p-2028-projects'])
    expect(findPoll(LINWU.index, 'lw-p-2026-bus')).toBe(BUS)
    expect(findPoll(LINWU.index, 'nope')).toBeUndefined()
  })

  it('shows results only where the feed allows them, after answering or closing', () => {
    expect(mayShowResults(GOV_DAY, 'open', false)).toBe(false)
    expect(mayShowResults(GOV_DAY, 'open', true)).toBe(true)
    expect(mayShowResults(BUS, 'closed', false)).toBe(true)
    expect(mayShowResults(UPCOMING, 'closed', true)).toBe(false)
    expect(mayShowResults(GOV_DAY, 'upcoming', false)).toBe(false)
  })

  it('says what the screen says, with dates, for each state', () => {
    setLanguage('zh-CN')
    expect(pollIntro(GOV_DAY, NOW, false)).toEqual({
      phase: 'open',
      canAnswer: true,
      showResults: false,
      notice: '',
      note: '',
      period: '参加时间：2026-11-16 08:00 至 2027-12-31 18:00',
    })
    expect(pollIntro(GOV_DAY, NOW, true)).toMatchObject({ canAnswer: false, showResults: true, notice: '您已参加过这次调查', note: '' })
    expect(pollIntro(BUS, NOW, false)).toMatchObject({ canAnswer: false, showResults: true, notice: '这次调查已于 2026-09-30 18:00 结束，不再接受回答。' })
    expect(pollIntro(UPCOMING, NOW, false)).toMatchObject({ canAnswer: false, showResults: false, notice: '这次调查还没开始，2027-11-01 08:00 起可以参加。', note: '' })
    const secret = { ...GOV_DAY, showResults: false }
    expect(pollIntro(secret, NOW, true)).toMatchObject({ notice: '您已参加过这次调查', note: '这次调查不公布结果。' })
  })
})

describe('results as whole percentages', () => {
  const counts = (pairs: [string, number][]) => ({ pollId: GOV_DAY.id, counts: pairs.map(([optionId, count]) => ({ optionId, count })) })

  it("shows the fixture's counts in the poll's order, in words: 惠民补贴 1,234 票，占 41%", () => {
    setLanguage('zh-CN')
    const start = POLL_START_COUNTS[GOV_DAY.id]!
    const tally = tallyResults(GOV_DAY, counts(Object.entries(start).reverse()))
    expect(tally.total).toBe(3010)
    expect(tally.bars.map((b) => [b.label, b.count, b.percent])).toEqual([
      ['惠民补贴', 1234, 41],
      ['办事指南', 876, 29],
      ['村务公开', 602, 20],
      ['招聘就业', 298, 10],
    ])
    expect(tally.bars.map(barText)).toEqual(['惠民补贴 1,234 票，占 41%', '办事指南 876 票，占 29%', '村务公开 602 票，占 20%', '招聘就业 298 票，占 10%'])
  })

  it.each([
    ['three equal options', [1, 1, 1], [34, 33, 33]],
    ['two equal options', [7, 7], [50, 50]],
    ['one option only', [5, 0], [100, 0]],
    ['one answer in a thousand', [999, 1], [100, 0]],
    ['six small counts', [1, 1, 1, 1, 1, 1], [17, 17, 17, 17, 16, 16]],
    ['remainders 0.5 each', [1, 1, 2, 4], [13, 12, 25, 50]],
    ['large counts', [33_333_334, 33_333_333, 33_333_333], [34, 33, 33]],
  ])('%s: %j → %j, adding up to 100', (_name, values, expected) => {
    const p = { ...GOV_DAY, options: values.map((_, i) => option(`o${i}`)) } as Poll
    const tally = tallyResults(p, { pollId: p.id, counts: values.map((count, i) => ({ optionId: `o${i}`, count })) })
    expect(tally.bars.map((b) => b.percent)).toEqual(expected)
    expect(tally.bars.reduce((sum, b) => sum + b.percent, 0)).toBe(100)
    // Every share is its exact value rounded down or up, never further.
    tally.bars.forEach((b) => expect(Math.abs(b.percent - (b.count * 100) / tally.total)).toBeLessThan(1))
  })

  it('adds up to 100 for many random polls', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let run = 0; run < 500; run++) {
      const n = 2 + Math.floor(random() * 5)
      const p = { ...GOV_DAY, options: Array.from({ length: n }, (_, i) => option(`o${i}`)) } as Poll
      const values = Array.from({ length: n }, () => Math.floor(random() * (random() < 0.3 ? 5 : 100_000)))
      const tally = tallyResults(p, { pollId: p.id, counts: values.map((count, i) => ({ optionId: `o${i}`, count })) })
      const sum = tally.bars.reduce((s, b) => s + b.percent, 0)
      expect(sum).toBe(tally.total === 0 ? 0 : 100)
    }
  })

  it('counts 0 for an option the service left out, ignores one the poll lacks, and shows 0 % with no answers', () => {
    const tally = tallyResults(GOV_DAY, counts([['subsidy', 3], ['nonsense', 1000], ['jobs', 1]]))
    expect(tally.total).toBe(4)
    expect(tally.bars.map((b) => [b.optionId, b.count, b.percent])).toEqual([
      ['subsidy', 3, 75],
      ['guide', 0, 0],
      ['village', 0, 0],
      ['jobs', 1, 25],
    ])
    expect(tallyResults(GOV_DAY, counts([])).bars.map((b) => b.percent)).toEqual([0, 0, 0, 0])
    expect(tallyResults(GOV_DAY, undefined).total).toBe(0)
  })

  it('groups digits as people read them', () => {
    expect([0, 7, 999, 1000, 1234, 100_000, 1_234_567].map(groupDigits)).toEqual(['0', '7', '999', '1,000', '1,234', '100,000', '1,234,567'])
  })

  it('reads the results answer whole: a count that is not a whole number, or too many counts, is refused', () => {
    expect(parsePollResults(counts([['subsidy', 1]])).ok).toBe(true)
    expect(parsePollResults(counts([['subsidy', 1.5]])).ok).toBe(false)
    expect(parsePollResults(counts([['subsidy', -1]])).ok).toBe(false)
    expect(parsePollResults(counts([['subsidy', LIMITS.pollVotes + 1]])).ok).toBe(false)
    expect(parsePollResults(counts(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id): [string, number] => [id, 1]))).ok).toBe(false)
    expect(parsePollResults({ counts: [] }).ok).toBe(false)
  })
})

/** A post that records what it was given and answers as told. */
function fakePost(answer: Partial<PostJsonResponse> | Error): { post: PostJson; calls: { url: string; body: object; timeoutMs: number }[] } {
  const calls: { url: string; body: object; timeoutMs: number }[] = []
  const post: PostJson = (url, body, { timeoutMs }) => {
    calls.push({ url, body, timeoutMs })
    if (answer instanceof Error) return Promise.reject(answer)
    return Promise.resolve({ status: 201, text: '', header: () => null, ...answer })
  }
  return { post, calls }
}

describe('sendPollAnswer: one anonymous POST, every answer mapped', () => {
  it('posts only { optionId } to the poll\'s own address, once', async () => {
    const { post, calls } = fakePost({ status: 201 })
    expect(await sendPollAnswer('https://api.example.cn/tv/', 'lw-p-2026-gov-day', 'subsidy', { post, timeoutMs: 3000 })).toEqual({ kind: 'counted' })
    expect(calls).toEqual([{ url: 'https://api.example.cn/tv/v1/polls/lw-p-2026-gov-day/answers', body: { optionId: 'subsidy' }, timeoutMs: 3000 }])
    expect(Object.keys(calls[0]!.body)).toEqual(['optionId'])
  })

  const results = JSON.stringify({ pollId: 'p1', counts: [{ optionId: 'a', count: 3 }] })
  it.each<[string, Partial<PostJsonResponse> | Error, PollAnswerResult]>([
    ['201 with the results', { status: 201, text: results }, { kind: 'counted', results: { pollId: 'p1', counts: [{ optionId: 'a', count: 3 }] } }],
    ['201 with no body', { status: 201, text: '' }, { kind: 'counted' }],
    ['201 with results of another poll', { status: 201, text: results.replace('"p1"', '"p2"') }, { kind: 'counted' }],
    ['201 with a body that is not results', { status: 201, text: '{"ok":true' }, { kind: 'counted' }],
    ['409 closed', { status: 409 }, { kind: 'closed' }],
    ['429 with Retry-After', { status: 429, header: (n) => (n === 'Retry-After' ? '120' : null) }, { kind: 'rate-limited', retryAfterSeconds: 120 }],
    ['429 without Retry-After', { status: 429 }, { kind: 'rate-limited', retryAfterSeconds: 60 }],
    ['429 with an unusable Retry-After', { status: 429, header: (n) => (n === 'Retry-After' ? '1.5' : null) }, { kind: 'rate-limited', retryAfterSeconds: 60 }],
    ['400 bad option', { status: 400 }, { kind: 'bad-option' }],
    ['404', { status: 404 }, { kind: 'unavailable' }],
    ['500', { status: 500 }, { kind: 'unavailable' }],
    ['503', { status: 503 }, { kind: 'unavailable' }],
    ['a timeout', new PostError('timeout', 'POST x: no answer within 3000 ms'), { kind: 'unavailable' }],
    ['no network', new PostError('network', 'POST x: network error'), { kind: 'offline' }],
    ['any other error', new TypeError('boom'), { kind: 'unavailable' }],
  ])('%s', async (_name, answer, expected) => {
    const { post, calls } = fakePost(answer)
    expect(await sendPollAnswer('https://api.example.cn/tv', 'p1', 'a', { post })).toEqual(expected)
    expect(calls).toHaveLength(1)
  })

  it('says each answer in words, with 12345 where the service cannot be reached', () => {
    setLanguage('zh-CN')
    expect(answerProblem({ kind: 'counted' })).toBeUndefined()
    expect(answerProblem({ kind: 'closed' })).toBe('这次调查已经结束，不再接受回答。')
    expect(answerProblem({ kind: 'rate-limited', retryAfterSeconds: 61 })).toBe('参与的人较多，请 2 分钟后再试。')
    expect(answerProblem({ kind: 'rate-limited', retryAfterSeconds: 0 })).toBe('参与的人较多，请 1 分钟后再试。')
    expect(answerProblem({ kind: 'bad-option' })).toContain('这个选项已经失效')
    expect(answerProblem({ kind: 'unavailable' })).toContain('12345')
    expect(answerProblem({ kind: 'offline' })).toMatch(/网络未连接.*12345/)
    expect(resultsProblem({ kind: 'offline' })).toMatch(/网络未连接.*12345/)
    expect(resultsProblem({ kind: 'unavailable' })).toContain('12345')
  })
})

describe('what the box remembers', () => {
  function memoryStorage(): FlagStorage & { items: Map<string, string> } {
    const items = new Map<string, string>()
    return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) }
  }

  it('a counted answer leaves one flag, "1", under the poll id: never the option', async () => {
    const storage = memoryStorage()
    const memory = createPollMemory(storage)
    const { post } = fakePost({ status: 201 })
    const actions = pollActions({ pollApiUrl: NODE_API_BASE, http: createHttpClient(), memory, timeoutMs: 1000, post })
    expect(actions.answered(GOV_DAY.id)).toBe(false)
    await actions.send(GOV_DAY.id, 'village')
    expect(actions.answered(GOV_DAY.id)).toBe(true)
    expect([...storage.items]).toEqual([[`${POLL_ANSWERED_PREFIX}${GOV_DAY.id}`, '1']])
    expect(JSON.stringify([...storage.items])).not.toMatch(/village|村务公开/)
    // A new session on the same box still knows.
    expect(createPollMemory(storage).answered(GOV_DAY.id)).toBe(true)
    expect(createPollMemory(storage).answered(BUS.id)).toBe(false)
  })

  it.each<[string, Partial<PostJsonResponse> | Error]>([
    ['409 closed', { status: 409 }],
    ['429', { status: 429 }],
    ['400', { status: 400 }],
    ['500', { status: 500 }],
    ['offline', new PostError('network', 'x')],
  ])('an answer that was not counted (%s) is not remembered', async (_name, answer) => {
    const storage = memoryStorage()
    const { post } = fakePost(answer)
    const actions = pollActions({ pollApiUrl: NODE_API_BASE, http: createHttpClient(), memory: createPollMemory(storage), timeoutMs: 1000, post })
    await actions.send(GOV_DAY.id, 'subsidy')
    expect(actions.answered(GOV_DAY.id)).toBe(false)
    expect(storage.items.size).toBe(0)
  })

  it('storage that throws still remembers for the session, and a box without storage too', () => {
    const broken: FlagStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    for (const storage of [broken, undefined]) {
      const memory = createPollMemory(storage)
      expect(memory.answered('p1')).toBe(false)
      memory.remember('p1')
      expect(memory.answered('p1')).toBe(true)
    }
  })
})

describe('against the mock poll service', () => {
  const seen: { line: string; body: string; credentials: string; cache: string; headers: Record<string, string> }[] = []
  const reading: Promise<void>[] = []
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(() => {
    seen.length = 0
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url)
      reading.push(
        request
          .clone()
          .text()
          .then((body) => {
            seen.push({ line: `${request.method} ${url.pathname}${url.search}`, body, credentials: request.credentials, cache: request.cache, headers: Object.fromEntries(request.headers.entries()) })
          }),
      )
    })
  })
  afterEach(() => {
    server.events.removeAllListeners()
    resetMocks()
  })
  afterAll(() => server.close())
  const settle = () => Promise.all(reading)
  const send = (pollId: string, optionId: string) => sendPollAnswer(NODE_API_BASE, pollId, optionId, { timeoutMs: 2000 })
  const results = (pollId: string) => fetchPollResults(createHttpClient({ retries: 0, timeoutMs: 2000 }), NODE_API_BASE, pollId)

  it('counts an answer and sends back the results: the request carries nothing but the option', async () => {
    const answer = await send(GOV_DAY.id, 'subsidy')
    expect(answer.kind).toBe('counted')
    const counted = answer.kind === 'counted' ? answer.results : undefined
    expect(counted?.counts.find((c) => c.optionId === 'subsidy')?.count).toBe(1235)
    await settle()
    expect(seen.map((r) => [r.line, r.body])).toEqual([[`POST /api/v1/polls/${GOV_DAY.id}/answers`, '{"optionId":"subsidy"}']])
    const request = seen[0]!
    expect(request.credentials).toBe('omit')
    expect(request.cache).toBe('no-store')
    expect(request.headers['cache-control']).toBe('no-store')
    expect(request.headers.cookie).toBeUndefined()
    // The same numbers from the results address afterwards.
    const again = await results(GOV_DAY.id)
    expect(again.kind === 'results' && tallyResults(GOV_DAY, again.results).bars[0]).toMatchObject({ count: 1235, percent: 41 })
  })

  it('refuses an answer to a closed or not yet open poll (409), an unknown option and a body with more in it (400)', async () => {
    expect(await send(BUS.id, 'satisfied')).toEqual({ kind: 'closed' })
    expect(await send(UPCOMING.id, 'roads')).toEqual({ kind: 'closed' })
    expect(await send(GOV_DAY.id, 'nonsense')).toEqual({ kind: 'bad-option' })
    const extra = await fetch(`${NODE_API_BASE}/v1/polls/${GOV_DAY.id}/answers`, { method: 'POST', body: JSON.stringify({ optionId: 'subsidy', boxId: 'stb-1' }) })
    expect(extra.status).toBe(400)
  })

  it('says 429 with Retry-After past its per-minute limit', async () => {
    for (let i = 0; i < POLL_ANSWERS_PER_MINUTE; i++) expect((await send(GOV_DAY.id, 'jobs')).kind).toBe('counted')
    expect(await send(GOV_DAY.id, 'jobs')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 60 })
  })

  it('gives the results of a closed poll, and none for a poll that does not publish them or has not opened', async () => {
    const closed = await results(BUS.id)
    expect(closed.kind === 'results' && tallyResults(BUS, closed.results).bars.map((b) => b.percent)).toEqual([55, 32, 9, 4])
    expect(await results(UPCOMING.id)).toEqual({ kind: 'unavailable' })
    expect(await results('lw-p-nope')).toEqual({ kind: 'unavailable' })
  })

  it('is unavailable on a 5xx and offline when the network is gone', async () => {
    const routes = pollRoutes(NODE_API_BASE)
    server.use(http.post(routes.answers, () => new HttpResponse(null, { status: 503 })), http.get(routes.results, () => new HttpResponse(null, { status: 502 })))
    expect(await send(GOV_DAY.id, 'subsidy')).toEqual({ kind: 'unavailable' })
    expect(await results(GOV_DAY.id)).toEqual({ kind: 'unavailable' })
    server.use(http.post(routes.answers, () => HttpResponse.error()), http.get(routes.results, () => HttpResponse.error()))
    expect(await send(GOV_DAY.id, 'subsidy')).toEqual({ kind: 'offline' })
    expect(await results(GOV_DAY.id)).toEqual({ kind: 'offline' })
  })
})

describe('pollApiUrl in settings', () => {
  const MINIMAL = { feedBaseUrl: 'https://feed.example.cn/gov', progressApiUrl: 'https://api.example.cn/gov', regionCode: '431025' }
  it('is optional: unset, there are no polls', () => {
    expect(readSettings(MINIMAL).pollApiUrl).toBeUndefined()
    expect(readSettings({ ...MINIMAL, pollApiUrl: 'https://poll.example.cn/tv' }).pollApiUrl).toBe('https://poll.example.cn/tv')
    expect(readSettings({ ...MINIMAL, pollApiUrl: 'api' }).pollApiUrl).toBe('api')
  })

  it.each([['javascript:alert(1)'], [''], [42]])('a bad value (%j) names the field', (value) => {
    try {
      readSettings({ ...MINIMAL, pollApiUrl: value })
      throw new Error('accepted')
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError)
      expect((error as SettingsError).field).toBe('pollApiUrl')
    }
  })
})
