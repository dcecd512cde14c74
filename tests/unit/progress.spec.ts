/**
 * The live progress lookup against the mock service: one POST per lookup with the number and the code in
 * its body (never in an address, a log or a cache), personal data masked again by the app, every failure
 * turned into something the screen can say, and nothing ever stored.
 */
import { describe, expect, it, vi } from 'vitest'
import { delay, http, HttpResponse } from 'msw'
import { IDBFactory as FakeIDBFactory } from 'fake-indexeddb'
import { isValidApplicationNo, isValidCode, lookupProgress, maskProgress, type ProgressResult } from '../../src/feed/progress'
import { createHttpClient, type HttpClient } from '../../src/feed/http'
import type { PostJson } from '../../src/feed/postJson'
import { openFeedCache } from '../../src/feed/cache'
import { FeedRepository } from '../../src/feed/repository'
import type { Progress } from '../../src/feed/schema'
import { maskNumber } from '../../src/feed/mask'
import { LINWU, PROGRESS_FIXTURES, UNMASKED_APPLICATION_NO, type ProgressFixture } from '../../mocks/fixtures'
import { errorJson, LOCK_SECONDS, MAX_WRONG_CODES, progressRoute } from '../../mocks/handlers'
import { NODE_API_BASE, NODE_FEED_BASE, server, useScenario } from '../../mocks/node'
import { FakeXhr, installFakeXhr } from './fakeXhr'
import { useMockService, type Seen } from './seenRequests'

const ROUTE = progressRoute(NODE_API_BASE)

/** Every request the mock service saw in this test. */
const watch = useMockService()
const requests = (): Promise<Seen[]> => watch.requests()

/** The feed's client, for the repository that runs alongside the lookups. */
function client(): HttpClient {
  return createHttpClient({ sleep: () => Promise.resolve(), random: () => 0, timeoutMs: 2000 })
}

const lookup = (no: string, code: string, base = NODE_API_BASE): Promise<ProgressResult> =>
  lookupProgress(base, no, code, { timeoutMs: 2000 })

/** The one request a lookup makes, as the service's log and body see it. */
const LOOKUP_LINE = 'POST /api/v1/applications/lookup'

function found(result: ProgressResult): Progress {
  if (result.kind !== 'found') throw new Error(`expected a record, got ${result.kind}`)
  return result.progress
}

const fixtures = PROGRESS_FIXTURES.map((f): [string, ProgressFixture] => [`${f.record.status} (${f.record.applicationNo})`, f])
const first = PROGRESS_FIXTURES[0]!
const wrongCode = (f: ProgressFixture) => (f.code === '000000' ? '111111' : '000000')

describe('lookupProgress finds a record', () => {
  it.each(fixtures)('%s: found, with everything but the personal fields as the server sent them', async (_name, fixture) => {
    const progress = found(await lookup(fixture.record.applicationNo, fixture.code))
    const { applicationNo, applicant, steps, ...rest } = fixture.record
    const { applicationNo: shownNo, applicant: shownName, steps: shownSteps, ...shownRest } = progress
    expect(shownRest).toEqual(rest)
    expect(shownNo).toBe(maskNumber(applicationNo))
    expect(shownName).toContain('*')
    expect(shownSteps.map((s) => [s.status, s.at, s.office])).toEqual(steps.map((s) => [s.status, s.at, s.office]))
    expect((await requests()).map((r) => [r.line, r.body])).toEqual([[LOOKUP_LINE, { applicationNo, code: fixture.code }]])
  })

  it.each(fixtures)('%s: never shows the applicant unmasked nor the full application number', async (_name, fixture) => {
    const progress = found(await lookup(fixture.record.applicationNo, fixture.code))
    expect(progress.applicationNo).not.toBe(fixture.record.applicationNo)
    expect(progress.applicationNo).toMatch(/^\d{4}\*+\d{4}$/)
    expect(progress.applicationNo).toHaveLength(fixture.record.applicationNo.length)
    const chars = Array.from(progress.applicant)
    expect(chars.slice(1, -1).some((c) => c === '*')).toBe(true)
  })

  it('masks the applicant the server forgot to mask: 刘建国 → 刘*国', async () => {
    const fixture = PROGRESS_FIXTURES.find((f) => f.record.applicationNo === UNMASKED_APPLICATION_NO)!
    expect(fixture.record.applicant).toBe('刘建国')
    const progress = found(await lookup(UNMASKED_APPLICATION_NO, fixture.code))
    expect(progress.applicant).toBe('刘*国')
    expect(progress.applicationNo).toBe('2026*****0008')
    expect(JSON.stringify(progress)).not.toContain('刘建国')
  })

  it('keeps a name the server already masked as it was sent', async () => {
    expect(found(await lookup(first.record.applicationNo, first.code)).applicant).toBe(first.record.applicant)
  })

  it('masks mobile numbers the office wrote into a note, and the unmasked applicant', async () => {
    server.use(
      http.post(ROUTE, () =>
        HttpResponse.json({
          ...first.record,
          applicant: '张三',
          steps: [
            { status: 'submitted', at: '2026-11-20T08:42:10+08:00', office: '窗口' },
            { status: 'accepted', at: '2026-11-20T09:00:00+08:00', office: '窗口', note: '请联系经办人13812345678或拨打12345' },
          ],
        }),
      ),
    )
    const progress = found(await lookup(first.record.applicationNo, first.code))
    expect(progress.applicant).toBe('张*')
    expect(progress.steps[1]?.note).toBe('请联系经办人138****5678或拨打12345')
    expect(progress.steps[0]?.note).toBeUndefined()
    expect(JSON.stringify(progress)).not.toContain('13812345678')
  })

  it('accepts a progress API base with a trailing slash, and sends what the person typed as it is', async () => {
    await lookup(first.record.applicationNo, first.code, `${NODE_API_BASE}/`)
    expect((await requests()).map((r) => r.line)).toEqual([LOOKUP_LINE])
    watch.clear()
    await lookup('12/34', '5&6"}')
    expect((await requests()).map((r) => [r.line, r.body])).toEqual([[LOOKUP_LINE, { applicationNo: '12/34', code: '5&6"}' }]])
  })
})

describe('lookupProgress keeps the number and the code out of addresses, logs and caches', () => {
  it('sends both in a JSON body to one fixed address, so no log line can tell one person from another', async () => {
    await lookup(first.record.applicationNo, first.code)
    await lookup(first.record.applicationNo, wrongCode(first))
    await lookup('2099010100000', '123456')
    const lines = (await requests()).map((r) => r.line)
    expect(lines).toEqual([LOOKUP_LINE, LOOKUP_LINE, LOOKUP_LINE])
    for (const secret of [first.record.applicationNo, first.code, '2099010100000', '123456']) {
      expect(lines.join('\n')).not.toContain(secret)
    }
    expect((await requests())[0]?.headers['content-type']).toBe('application/json')
  })

  it('asks the browser, proxies and old HTTP/1.0 caches not to keep the request or its answer', async () => {
    await lookup(first.record.applicationNo, first.code)
    const [request] = await requests()
    expect(request?.cache).toBe('no-store')
    expect(request?.headers).toMatchObject({ 'cache-control': 'no-store', pragma: 'no-cache' })
  })

  it('is no longer answered at the old address with the code in the query string', async () => {
    const res = await fetch(`${NODE_API_BASE}/v1/applications/${first.record.applicationNo}?code=${first.code}`)
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('POST')
    expect(await res.text()).not.toContain(first.record.applicant)
  })

  it('writes neither the number nor the code to the console, whatever goes wrong', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => undefined))
    try {
      const no = first.record.applicationNo
      await lookup(no, wrongCode(first))
      server.use(http.post(ROUTE, () => errorJson(500, 'internal-error')))
      await lookup(no, first.code)
      server.use(http.post(ROUTE, () => new HttpResponse('<html>', { status: 200 })))
      await lookup(no, first.code)
      useScenario('offline')
      await lookup(no, first.code)
      const written = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' '))).join('\n')
      expect(written).not.toContain(no)
      expect(written).not.toContain(first.code)
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })

  it('hands the transport the number and code in the body and an address without them', async () => {
    const calls: Array<{ url: string; body: object; timeoutMs: number }> = []
    const post: PostJson = (url, body, options) => {
      calls.push({ url, body, timeoutMs: options.timeoutMs })
      return Promise.resolve({ status: 404, text: '{"error":"not-found"}', header: () => null })
    }
    expect(await lookupProgress('https://api.example.cn/progress/', '2026112000001', '482913', { post, timeoutMs: 5000 })).toEqual({
      kind: 'not-found',
    })
    expect(calls).toEqual([
      { url: 'https://api.example.cn/progress/v1/applications/lookup', body: { applicationNo: '2026112000001', code: '482913' }, timeoutMs: 5000 },
    ])
  })
})

describe('lookupProgress on engines without fetch or without AbortController', () => {
  it('goes through XMLHttpRequest where fetch cannot be aborted (Chrome 42–65), with the same body and headers', async () => {
    vi.stubGlobal('AbortController', undefined)
    installFakeXhr((xhr) => xhr.respond(403, '{"error":"wrong-code"}'))
    expect(await lookup(first.record.applicationNo, wrongCode(first))).toEqual({ kind: 'wrong-code' })
    const xhr = FakeXhr.instances[0]
    expect(xhr?.method).toBe('POST')
    expect(xhr?.url).toBe(`${NODE_API_BASE}/v1/applications/lookup`)
    expect(JSON.parse(String(xhr?.sent))).toEqual({ applicationNo: first.record.applicationNo, code: wrongCode(first) })
    expect(xhr?.requestHeaders).toMatchObject({ 'Cache-Control': 'no-store', Pragma: 'no-cache' })
    expect(await requests()).toHaveLength(0)
  })

  it('gives up on a service that never answers and says the lookup is unavailable', async () => {
    vi.stubGlobal('fetch', undefined)
    installFakeXhr(() => undefined)
    const started = Date.now()
    expect(await lookupProgress(NODE_API_BASE, first.record.applicationNo, first.code, { timeoutMs: 50 })).toEqual({ kind: 'unavailable' })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(FakeXhr.instances[0]?.aborted).toBe(true)
  })

  it('reads Retry-After from an XMLHttpRequest answer', async () => {
    vi.stubGlobal('fetch', undefined)
    installFakeXhr((xhr) => xhr.respond(429, '{"error":"too-many-attempts"}', { 'Retry-After': '120' }))
    expect(await lookup(first.record.applicationNo, first.code)).toEqual({ kind: 'too-many', retryAfterSeconds: 120 })
  })
})

describe('lookupProgress says why it found nothing, with one request and no retries', () => {
  it('answers not-found for an unknown application number (404)', async () => {
    expect(await lookup('2099010100000', '123456')).toEqual({ kind: 'not-found' })
    expect(await requests()).toHaveLength(1)
  })

  it('answers wrong-code for a wrong verification code (403)', async () => {
    expect(await lookup(first.record.applicationNo, wrongCode(first))).toEqual({ kind: 'wrong-code' })
    expect(await requests()).toHaveLength(1)
  })

  it(`answers too-many with the Retry-After seconds after ${MAX_WRONG_CODES} wrong codes (429)`, async () => {
    const no = first.record.applicationNo
    for (let i = 0; i < MAX_WRONG_CODES; i++) {
      expect(await lookup(no, wrongCode(first))).toEqual({ kind: 'wrong-code' })
    }
    expect(await lookup(no, wrongCode(first))).toEqual({ kind: 'too-many', retryAfterSeconds: LOCK_SECONDS })
    // Locked means locked: even the right code waits.
    expect(await lookup(no, first.code)).toEqual({ kind: 'too-many', retryAfterSeconds: LOCK_SECONDS })
    // One request per lookup: a wrong code is never sent twice, a 429 never retried.
    expect(await requests()).toHaveLength(MAX_WRONG_CODES + 2)
  })

  it('waits 60 seconds when a 429 gives no Retry-After, and honours a longer one', async () => {
    server.use(http.post(ROUTE, () => errorJson(429, 'too-many-attempts')))
    expect(await lookup(first.record.applicationNo, first.code)).toEqual({ kind: 'too-many', retryAfterSeconds: 60 })
    server.use(http.post(ROUTE, () => errorJson(429, 'too-many-attempts', { 'Retry-After': '900' })))
    expect(await lookup(first.record.applicationNo, first.code)).toEqual({ kind: 'too-many', retryAfterSeconds: 900 })
    expect(await requests()).toHaveLength(2)
  })

  it.each(['1.5', '-1', 'soon', ''])('waits 60 seconds when Retry-After is %j, which is neither seconds nor a date', async (value) => {
    server.use(http.post(ROUTE, () => errorJson(429, 'too-many-attempts', { 'Retry-After': value })))
    expect(await lookup(first.record.applicationNo, first.code)).toEqual({ kind: 'too-many', retryAfterSeconds: 60 })
  })

  it('reads a Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 300_000).toUTCString()
    server.use(http.post(ROUTE, () => errorJson(429, 'too-many-attempts', { 'Retry-After': at })))
    const result = await lookup(first.record.applicationNo, first.code)
    expect(result.kind === 'too-many' && result.retryAfterSeconds).toBeGreaterThanOrEqual(298)
    expect(result.kind === 'too-many' && result.retryAfterSeconds).toBeLessThanOrEqual(300)
  })

  it('answers unavailable when the service cannot be reached (offline scenario), without retrying', async () => {
    useScenario('offline')
    expect(await lookup(first.record.applicationNo, first.code)).toEqual({ kind: 'unavailable' })
    expect(await requests()).toHaveLength(1)
  })

  it.each([500, 502, 503])('answers unavailable for a %i, without retrying', async (status) => {
    server.use(http.post(ROUTE, () => errorJson(status, 'internal-error')))
    expect(await lookup(first.record.applicationNo, first.code)).toEqual({ kind: 'unavailable' })
    expect(await requests()).toHaveLength(1)
  })

  it('answers wrong-code for a 400 (a code of a shape the service will not take)', async () => {
    expect(await lookup(first.record.applicationNo, '1234')).toEqual({ kind: 'wrong-code' })
    expect(await requests()).toHaveLength(1)
  })

  it.each([
    ['an HTML error page', '<html><body>系统维护中</body></html>'],
    ['JSON cut off', '{"applicationNo":"2026112000001","itemName":'],
    ['an empty body', ''],
    ['JSON of the wrong shape', JSON.stringify({ ...first.record, status: 'lost' })],
    ['a JSON array', '[]'],
  ])('answers unavailable for a 200 carrying %s', async (_name, body) => {
    server.use(http.post(ROUTE, () => new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } })))
    expect(await lookup(first.record.applicationNo, first.code)).toEqual({ kind: 'unavailable' })
    expect(await requests()).toHaveLength(1)
  })

  it('answers unavailable when the service does not answer in time', async () => {
    server.use(
      http.post(ROUTE, async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    expect(await lookupProgress(NODE_API_BASE, first.record.applicationNo, first.code, { timeoutMs: 30 })).toEqual({ kind: 'unavailable' })
    expect(await requests()).toHaveLength(1)
  })
})

describe('maskProgress', () => {
  it('masks without changing the record it was given', () => {
    const record: Progress = JSON.parse(JSON.stringify({ ...first.record, applicant: '李四光' })) as Progress
    const copy = JSON.parse(JSON.stringify(record)) as Progress
    const masked = maskProgress(record)
    expect(masked.applicant).toBe('李*光')
    expect(masked.applicationNo).toBe('2026*****0001')
    expect(record).toEqual(copy)
  })

  /** An answer from a server that masked nothing: every text the screen shows carries something personal. */
  const careless: Progress = {
    applicationNo: '2026112000001',
    itemName: '残疾人证新办（代办人13812345678）',
    applicant: '刘建国',
    submittedAt: '2026-11-20T08:42:10+08:00',
    status: 'accepted',
    steps: [
      { status: 'submitted', at: '2026-11-20T08:42:10+08:00', office: '武水镇便民服务中心（经办人15012345678）' },
      {
        status: 'accepted',
        at: '2026-11-20T09:00:00+08:00',
        office: '临武县残疾人联合会',
        note: '身份证４３１０２５１９６００１０１１２３Ｘ已核验，受理编号2026112000001，请刘建国致电0735-6231233或１３９１２３４５６７８',
      },
    ],
    pickup: '邮寄到家，收件人手机+86 188 8765 4321，银行卡6222021234567890123',
  }

  it('masks phone numbers, ID and bank card numbers, in full-width digits too, in every text the answer shows', () => {
    const masked = maskProgress(careless)
    expect(masked.itemName).toBe('残疾人证新办（代办人138****5678）')
    expect(masked.steps[0]?.office).toBe('武水镇便民服务中心（经办人150****5678）')
    expect(masked.steps[1]?.office).toBe('临武县残疾人联合会')
    expect(masked.steps[1]?.note).toBe(
      `身份证431${'*'.repeat(11)}123X已核验，受理编号2026*****0001，请刘*国致电073****1233或139****5678`,
    )
    expect(masked.pickup).toBe(`邮寄到家，收件人手机+86 188****4321，银行卡622${'*'.repeat(12)}0123`)
  })

  it('masks the applicant and the application number wherever the answer repeats them', () => {
    const shown = JSON.stringify(maskProgress(careless))
    for (const secret of ['刘建国', '2026112000001', '13812345678', '15012345678', '6231233', '13912345678', '87654321', '19600101']) {
      expect(shown).not.toContain(secret)
    }
  })

  it('masks again an applicant whose star is not where the rule puts it', () => {
    expect(maskProgress({ ...careless, applicant: '刘建国*' }).applicant).toBe('刘***')
    expect(maskProgress({ ...careless, applicant: '*建国' }).applicant).toBe('**国')
    expect(maskProgress({ ...careless, applicant: '刘建国*' }).steps[1]?.note).toContain('请刘*国致电')
  })

  it('leaves the texts of a record with nothing personal in them as the server sent them', () => {
    for (const fixture of PROGRESS_FIXTURES) {
      const { applicationNo: _no, applicant: _name, ...rest } = maskProgress(fixture.record)
      const { applicationNo: _n, applicant: _a, ...sent } = fixture.record
      expect(rest).toEqual(sent)
    }
  })
})

describe('what the person types', () => {
  it.each(['2026112000001', '1234', '1'.repeat(32)])('accepts application number %s', (no) => {
    expect(isValidApplicationNo(no)).toBe(true)
  })

  it.each(['', '123', '1'.repeat(33), '2026-1120', 'A2026112000001', ' 20261120', '２０２６１１２０', '2026112000001\n'])(
    'rejects application number %j',
    (no) => {
      expect(isValidApplicationNo(no)).toBe(false)
    },
  )

  it.each(['482913', '1234', '12345678'])('accepts code %s', (code) => {
    expect(isValidCode(code)).toBe(true)
  })

  it.each(['', '123', '123456789', '12a4', '48 29 13', '４８２９１３'])('rejects code %j', (code) => {
    expect(isValidCode(code)).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------------------
// Progress answers are personal: shown, never written to IndexedDB.

const DB = 'gov-affairs-tv'
const STORE = 'feed'

async function storedEntries(factory: IDBFactory): Promise<Array<[IDBValidKey, unknown]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(DB)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const tx = db.transaction(STORE, 'readonly').objectStore(STORE)
  const [keys, values] = await Promise.all(
    [tx.getAllKeys(), tx.getAll()].map(
      (req) =>
        new Promise<unknown[]>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result as unknown[])
          req.onerror = () => reject(req.error)
        }),
    ),
  )
  db.close()
  return (keys as IDBValidKey[]).map((k, i) => [k, values?.[i]])
}

async function lookUpEveryFixture(): Promise<void> {
  for (const f of PROGRESS_FIXTURES) {
    expect((await lookup(f.record.applicationNo, f.code)).kind).toBe('found')
  }
  expect(await lookup(first.record.applicationNo, wrongCode(first))).toEqual({ kind: 'wrong-code' })
}

describe('lookups write nothing to IndexedDB', () => {
  it('opens no database at all', async () => {
    const factory = new FakeIDBFactory()
    vi.stubGlobal('indexedDB', factory)
    await lookUpEveryFixture()
    expect(await factory.databases()).toEqual([])
  })

  it('adds nothing to the feed cache of a repository running alongside', async () => {
    const factory = new FakeIDBFactory()
    vi.stubGlobal('indexedDB', factory)
    const cache = await openFeedCache({ indexedDB: factory })
    const repository = new FeedRepository({
      settings: { feedBaseUrl: NODE_FEED_BASE, regionCode: LINWU.index.region.code, refreshIntervalMinutes: 30 },
      http: client(),
      cache,
      whenIdle: () => undefined,
      setTimer: () => undefined,
      clearTimer: () => undefined,
    })
    expect((await repository.start()).source).toBe('network')
    const before = await storedEntries(factory)
    expect(before.map(([k]) => k).sort()).toEqual(['v1:431025:index', 'v1:_ledger'])

    await lookUpEveryFixture()

    const after = await storedEntries(factory)
    expect(after).toEqual(before)
    expect(cache.diagnostics().entries).toBe(1)
    const stored = JSON.stringify(after)
    for (const f of PROGRESS_FIXTURES) {
      expect(stored).not.toContain(f.record.applicationNo)
      expect(stored).not.toContain(f.record.applicant)
    }
    expect((await factory.databases()).map((d) => d.name)).toEqual([DB])
  })
})
