/**
 * 请工作人员联系我 against the mock service: one POST per request with the phone in its JSON body (never in
 * an address, a log, an error text, a cache or storage), every answer of the contract turned into something
 * the screen can say, a bounded wait, and a second request for the same guide within the hour refused on
 * the box, which remembers only the guide and the time.
 */
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LINWU, YUELU } from '../../mocks/fixtures'
import {
  ASSIST_CLOSED_MESSAGE,
  ASSIST_NEXT_STEP,
  ASSIST_REOPENS_AT,
  ASSIST_RETRY_AFTER_SECONDS,
  ASSIST_TEST_PHONES,
  MAX_ASSIST_PER_PHONE,
} from '../../mocks/fixtures/assist'
import { NODE_API_BASE, server, useScenario } from '../../mocks/node'
import { readSettings, SettingsError } from '../../src/config/settings'
import {
  assistBody,
  assistGuides,
  createAssistService,
  offersAssist,
  readAssistAnswer,
  sendAssistRequest,
  type AssistFields,
  type AssistResult,
} from '../../src/feed/assist'
import { ASSIST_REPEAT_MS, ASSIST_SENT_KEY, createAssistThrottle, type FlagStorage } from '../../src/feed/assistThrottle'
import { parseIndex } from '../../src/feed/document'
import { assistRequestUrl } from '../../src/feed/feedUrls'
import { fetchPostJson, PostError, xhrPostJson, type PostJson } from '../../src/feed/postJson'
import { FakeXhr, installFakeXhr } from './fakeXhr'
import { useMockService, type Seen } from './seenRequests'

const ROUTE = assistRequestUrl(NODE_API_BASE)
const LINE = 'POST /api/v1/assist-requests'
const PHONE = '13912345678'
const LANDLINE = '07356201234'
const GUIDE = LINWU.index.guides.find((g) => g.tags.includes('上门办') && g.tags.includes('帮代办'))!
const SHUNFENG = LINWU.index.townships![0]!
const FIELDS: AssistFields = { phone: PHONE, township: SHUNFENG.code, village: SHUNFENG.villages[0]!.code, preferredTime: 'morning' }
const T0 = Date.parse('2026-12-02T09:00:00+08:00')

/** Every request the mock service saw in this test. */
const watch = useMockService()
const requests = (): Promise<Seen[]> => watch.requests()
afterEach(() => {
  vi.restoreAllMocks()
})

/** localStorage as a Map, recording every write. */
function memoryStorage(): FlagStorage & { writes: Array<[string, string]>; map: Map<string, string> } {
  const map = new Map<string, string>()
  const writes: Array<[string, string]> = []
  return {
    map,
    writes,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      writes.push([key, value])
      map.set(key, value)
    },
  }
}

function service(options: { storage?: FlagStorage; now?: () => number; post?: PostJson; timeoutMs?: number; online?: () => boolean } = {}) {
  return createAssistService({
    assistApiUrl: NODE_API_BASE,
    regionCode: LINWU.index.region.code,
    throttle: createAssistThrottle(options.storage ?? memoryStorage()),
    timeoutMs: options.timeoutMs ?? 2000,
    now: options.now ?? (() => T0),
    online: options.online ?? (() => true),
    ...(options.post ? { post: options.post } : {}),
  })
}

const send = (phone: string, extra: Partial<AssistFields> = {}): Promise<AssistResult> => service().send(GUIDE.id, { ...FIELDS, phone, ...extra })

describe('which guides take a request', () => {
  it('those tagged 帮代办 or 上门办, in the feed\'s order', () => {
    const guides = assistGuides(LINWU.index)
    expect(guides.length).toBeGreaterThan(3)
    expect(guides.every((g) => g.tags.includes('帮代办') || g.tags.includes('上门办'))).toBe(true)
    expect(guides.map((g) => g.id)).toEqual(LINWU.index.guides.filter(offersAssist).map((g) => g.id))
    expect(offersAssist({ tags: ['免证办', '一次不跑'] })).toBe(false)
  })
})

describe('townships[] in the index (a minor addition to v1)', () => {
  it('is read with its villages, and as none when the feed lists none', () => {
    const linwu = parseIndex(JSON.parse(JSON.stringify(LINWU.index)))
    expect(linwu.ok && linwu.value.townships).toEqual(LINWU.index.townships)
    const yuelu = parseIndex(JSON.parse(JSON.stringify(YUELU.index)))
    expect(yuelu.ok && yuelu.value.townships).toEqual([])
  })

  it('drops a bad township on its own and reports where', () => {
    const raw = { ...LINWU.index, townships: [{ code: '12', name: '坏乡' }, ...LINWU.index.townships!, { name: '无编码' }] }
    const parsed = parseIndex(raw)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.townships).toEqual(LINWU.index.townships)
    expect(parsed.problems.map((p) => p.path)).toEqual(['$.townships[0].code', `$.townships[${LINWU.index.townships!.length + 1}].code`])
  })
})

describe('the request', () => {
  it('is one POST to one fixed address with the phone, place and time in a JSON body', async () => {
    expect(await send(PHONE)).toMatchObject({ kind: 'accepted' })
    const [request, ...rest] = await requests()
    expect(rest).toEqual([])
    expect(request?.line).toBe(LINE)
    expect(request?.body).toEqual({
      regionCode: '431025',
      guideId: GUIDE.id,
      phone: PHONE,
      township: SHUNFENG.code,
      village: SHUNFENG.villages[0]!.code,
      preferredTime: 'morning',
    })
    expect(request?.headers['content-type']).toBe('application/json')
  })

  it('asks the browser, proxies and HTTP/1.0 caches not to keep it', async () => {
    await send(PHONE)
    const [request] = await requests()
    expect(request?.cache).toBe('no-store')
    expect(request?.headers).toMatchObject({ 'cache-control': 'no-store', pragma: 'no-cache' })
  })

  it('sends a phone as the service reads it, and leaves out places not chosen', () => {
    expect(assistBody('431025', 'g1', { phone: '+86 139-1234-5678', preferredTime: 'any' })).toEqual({
      regionCode: '431025',
      guideId: 'g1',
      phone: '13912345678',
      preferredTime: 'any',
    })
    expect(assistBody('431025', 'g1', { phone: LANDLINE, preferredTime: 'afternoon' })?.phone).toBe('0735-6201234')
    expect(assistBody('431025', 'g1', { phone: '12345', preferredTime: 'any' })).toBeUndefined()
  })

  it('never sends a number that is not a phone', async () => {
    expect(await send('1391234')).toEqual({ kind: 'invalid', field: 'phone' })
    expect(await requests()).toEqual([])
  })

  it('matches the contract: docs/feed.schema.json accepts the bodies the box builds and the mock service\'s answers', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    addFormats(ajv)
    const schema = JSON.parse(readFileSync('docs/feed.schema.json', 'utf8')) as { $id: string }
    ajv.addSchema(schema)
    const check = (def: string, value: unknown) => {
      const validate = ajv.getSchema(`${schema.$id}#/$defs/${def}`)!
      expect(validate(value), `${def}: ${ajv.errorsText(validate.errors)}`).toBe(true)
    }
    for (const fields of [FIELDS, { phone: LANDLINE, preferredTime: 'any' as const }]) check('assistRequest', assistBody('431025', GUIDE.id, fields))
    const answer = (body: object) => fetch(ROUTE, { method: 'POST', body: JSON.stringify(body) })
    const request = assistBody('431025', GUIDE.id, FIELDS)!
    check('assistAccepted', await (await answer(request)).json())
    check('assistClosed', await (await answer({ ...request, phone: ASSIST_TEST_PHONES.closed })).json())
    check('assistClosed', await (await answer({ ...request, phone: ASSIST_TEST_PHONES.closedBody })).json())
    check('assistInvalid', await (await answer({ ...request, phone: 'x' })).json())
  })
})

describe('every answer, as the screen says it', () => {
  it('201: accepted, with the reference number and what happens next', async () => {
    const result = await send(PHONE)
    expect(result).toEqual({ kind: 'accepted', referenceNo: expect.stringMatching(/^LW-\d{8}-\d{4}$/), nextStep: ASSIST_NEXT_STEP })
  })

  it('429: rate-limited, for Retry-After seconds', async () => {
    expect(await send(ASSIST_TEST_PHONES.rateLimited)).toEqual({ kind: 'rate-limited', retryAfterSeconds: ASSIST_RETRY_AFTER_SECONDS })
  })

  it('429 after too many requests from one number in an hour, whatever the guide', async () => {
    const guides = assistGuides(LINWU.index)
    const results: AssistResult[] = []
    for (const guide of guides.slice(0, MAX_ASSIST_PER_PHONE + 1)) results.push(await service().send(guide.id, { phone: PHONE, preferredTime: 'any' }))
    expect(results.slice(0, MAX_ASSIST_PER_PHONE).every((r) => r.kind === 'accepted')).toBe(true)
    expect(results[MAX_ASSIST_PER_PHONE]).toMatchObject({ kind: 'rate-limited' })
  })

  it('423 with a body: closed today, with the service\'s words and when it reopens', async () => {
    expect(await send(ASSIST_TEST_PHONES.closed)).toEqual({ kind: 'closed', message: ASSIST_CLOSED_MESSAGE, reopensAt: ASSIST_REOPENS_AT })
  })

  it('a 200 whose body says closed: closed today', async () => {
    expect(await send(ASSIST_TEST_PHONES.closedBody)).toEqual({ kind: 'closed' })
  })

  it('400: invalid, naming the field', async () => {
    expect(await send(PHONE, { township: '431025999' })).toEqual({ kind: 'invalid', field: 'township' })
    expect(await send(PHONE, { village: '431025101201' })).toEqual({ kind: 'invalid', field: 'village' })
    const otherGuide = LINWU.index.guides.find((g) => !offersAssist(g))!
    expect(await service().send(otherGuide.id, FIELDS)).toEqual({ kind: 'invalid', field: 'guideId' })
  })

  it('5xx: unavailable', async () => {
    expect(await send(ASSIST_TEST_PHONES.serverError)).toEqual({ kind: 'unavailable' })
  })

  it('no network: offline, and a box that knows it is offline does not even try', async () => {
    useScenario('offline')
    expect(await send(PHONE)).toEqual({ kind: 'offline' })
    watch.clear()
    expect(await service({ online: () => false }).send(GUIDE.id, FIELDS)).toEqual({ kind: 'offline' })
    expect(await requests()).toEqual([])
  })

  it('no answer in time: unavailable after requestTimeoutMs, never a wait without end', async () => {
    server.use(http.post(ROUTE, async () => {
      await delay('infinite')
      return HttpResponse.json({})
    }))
    const started = Date.now()
    expect(await service({ timeoutMs: 300 }).send(GUIDE.id, FIELDS)).toEqual({ kind: 'unavailable' })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('a transport that never settles is cut off too', async () => {
    vi.useFakeTimers()
    try {
      const pending = service({ post: () => new Promise(() => undefined), timeoutMs: 1000 }).send(GUIDE.id, FIELDS)
      await vi.advanceTimersByTimeAsync(2100)
      expect(await pending).toEqual({ kind: 'unavailable' })
    } finally {
      vi.useRealTimers()
    }
  })

  it.each([
    [201, '{"referenceNo":"LW-1"}', null, { kind: 'accepted', referenceNo: 'LW-1' }],
    [200, '{"status":"accepted","referenceNo":"AB-20261202-0001","nextStep":"明天上午来电"}', null, { kind: 'accepted', referenceNo: 'AB-20261202-0001', nextStep: '明天上午来电' }],
    [201, '<html>ok</html>', null, { kind: 'accepted' }],
    [201, '{"referenceNo":"has space"}', null, { kind: 'accepted' }],
    [200, '<html>portal</html>', null, { kind: 'unavailable' }],
    [200, '{"status":"closed","message":"周末不受理"}', null, { kind: 'closed', message: '周末不受理' }],
    [201, '{"status":"closed"}', null, { kind: 'closed' }],
    [409, '', null, { kind: 'closed' }],
    [423, '{"reopensAt":"not a time"}', null, { kind: 'closed' }],
    [400, '{"error":"invalid","field":"phone"}', null, { kind: 'invalid', field: 'phone' }],
    [400, '{"field":"name"}', null, { kind: 'invalid' }],
    [422, 'nonsense', null, { kind: 'invalid' }],
    [429, '', '120', { kind: 'rate-limited', retryAfterSeconds: 120 }],
    [429, '', 'soon', { kind: 'rate-limited', retryAfterSeconds: 60 }],
    [429, '', 'Wed, 02 Dec 2026 01:10:00 GMT', { kind: 'rate-limited', retryAfterSeconds: 600 }],
    [500, '', null, { kind: 'unavailable' }],
    [503, '', '30', { kind: 'unavailable' }],
    [404, '', null, { kind: 'unavailable' }],
  ] as const)('status %s, body %j, Retry-After %j', (status, body, retryAfter, expected) => {
    expect(readAssistAnswer(status, body, retryAfter, Date.parse('2026-12-02T01:00:00Z'))).toEqual(expected)
  })

  it('accepts an API base with a trailing slash', async () => {
    await createAssistService({
      assistApiUrl: `${NODE_API_BASE}/`,
      regionCode: '431025',
      throttle: createAssistThrottle(undefined),
      online: () => true,
    }).send(GUIDE.id, FIELDS)
    expect((await requests()).map((r) => r.line)).toEqual([LINE])
  })

  it('is refused at the same address as a GET, where the number would be in the address', async () => {
    const res = await fetch(`${ROUTE}?phone=${PHONE}`)
    expect(res.status).toBe(405)
  })
})

describe('a second request for the same guide within the hour', () => {
  it('is refused on the box, kindly, without asking the service', async () => {
    const storage = memoryStorage()
    let now = T0
    const assist = service({ storage, now: () => now })
    expect(assist.sentAt(GUIDE.id)).toBeUndefined()
    expect(await assist.send(GUIDE.id, FIELDS)).toMatchObject({ kind: 'accepted' })
    now += 59 * 60 * 1000
    expect(assist.sentAt(GUIDE.id)).toBe(T0)
    watch.clear()
    expect(await assist.send(GUIDE.id, { ...FIELDS, phone: LANDLINE })).toEqual({ kind: 'already-sent', sentAt: T0 })
    expect(await requests()).toEqual([])
    // Another guide is another request.
    const other = assistGuides(LINWU.index).find((g) => g.id !== GUIDE.id)!
    expect(await assist.send(other.id, FIELDS)).toMatchObject({ kind: 'accepted' })
    // After the hour, the same guide may be asked about again.
    now = T0 + ASSIST_REPEAT_MS
    expect(assist.sentAt(GUIDE.id)).toBeUndefined()
    expect(await assist.send(GUIDE.id, { ...FIELDS, phone: LANDLINE })).toMatchObject({ kind: 'accepted' })
  })

  it('is not remembered when the request was not accepted', async () => {
    const storage = memoryStorage()
    const assist = service({ storage })
    for (const phone of [ASSIST_TEST_PHONES.rateLimited, ASSIST_TEST_PHONES.closed, ASSIST_TEST_PHONES.serverError]) {
      await assist.send(GUIDE.id, { ...FIELDS, phone })
    }
    expect(storage.writes).toEqual([])
    expect(assist.sentAt(GUIDE.id)).toBeUndefined()
  })

  it('remembers only the guide and the time: one key, no phone, no place, no reference', async () => {
    const storage = memoryStorage()
    const assist = service({ storage })
    const result = await assist.send(GUIDE.id, FIELDS)
    expect(storage.writes).toEqual([[ASSIST_SENT_KEY, JSON.stringify({ [GUIDE.id]: T0 })]])
    const written = storage.writes.map(([k, v]) => `${k}=${v}`).join('\n')
    for (const secret of [PHONE, PHONE.slice(-4), SHUNFENG.code, FIELDS.village!, result.kind === 'accepted' ? result.referenceNo! : '?']) {
      expect(written).not.toContain(secret)
    }
  })

  it('drops flags older than the hour at every write, and ignores what it cannot read', () => {
    const storage = memoryStorage()
    storage.map.set(ASSIST_SENT_KEY, JSON.stringify({ old: T0 - ASSIST_REPEAT_MS - 1, fresh: T0 - 1000, bad: 'x', future: T0 + 5000 }))
    const throttle = createAssistThrottle(storage)
    expect(throttle.sentAt('fresh', T0)).toBe(T0 - 1000)
    expect(throttle.sentAt('old', T0)).toBeUndefined()
    expect(throttle.sentAt('bad', T0)).toBeUndefined()
    expect(throttle.sentAt('constructor', T0)).toBeUndefined()
    throttle.remember('g1', T0)
    expect(JSON.parse(storage.map.get(ASSIST_SENT_KEY)!)).toEqual({ fresh: T0 - 1000, g1: T0 })
    storage.map.set(ASSIST_SENT_KEY, '[not json')
    expect(throttle.sentAt('g1', T0)).toBeUndefined()
    throttle.remember('g2', T0)
    expect(JSON.parse(storage.map.get(ASSIST_SENT_KEY)!)).toEqual({ g2: T0 })
  })

  it('still works, without the refusal, where storage is missing or throws', async () => {
    const throwing: FlagStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    for (const storage of [undefined, throwing]) {
      const throttle = createAssistThrottle(storage)
      expect(() => throttle.remember('g1', T0)).not.toThrow()
      expect(throttle.sentAt('g1', T0)).toBeUndefined()
    }
  })
})

describe('nothing about the person is kept, logged or put in an error', () => {
  it('writes nothing to the console, localStorage or IndexedDB, whatever the answer', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => undefined))
    const local = memoryStorage()
    const touched: string[] = []
    vi.stubGlobal('localStorage', local)
    vi.stubGlobal('sessionStorage', memoryStorage())
    vi.stubGlobal(
      'indexedDB',
      new Proxy({}, { get: (_t, key) => (touched.push(String(key)), () => undefined) }),
    )
    const storage = memoryStorage()
    const assist = service({ storage })
    await assist.send(GUIDE.id, FIELDS)
    for (const phone of Object.values(ASSIST_TEST_PHONES)) await assist.send(assistGuides(LINWU.index)[1]!.id, { ...FIELDS, phone })
    server.use(http.post(ROUTE, () => new HttpResponse('<html>', { status: 200 })))
    await assist.send(assistGuides(LINWU.index)[2]!.id, FIELDS)
    useScenario('offline')
    await assist.send(assistGuides(LINWU.index)[3]!.id, FIELDS)
    const written = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ')))
    expect(written).toEqual([])
    expect(local.writes).toEqual([])
    expect((globalThis.sessionStorage as unknown as { writes: unknown[] }).writes).toEqual([])
    expect(touched).toEqual([])
    // The throttle's own storage holds guide ids and times only.
    expect(storage.writes.map(([, v]) => v).join('\n')).not.toContain(PHONE)
  })

  it('keeps the phone out of every transport error, fetch and XMLHttpRequest alike', async () => {
    const body = assistBody('431025', GUIDE.id, FIELDS)!
    const errors: Error[] = []
    const collect = async (p: Promise<unknown>) => {
      try {
        await p
      } catch (e) {
        expect(e).toBeInstanceOf(PostError)
        errors.push(e as Error)
      }
    }
    useScenario('offline')
    await collect(fetchPostJson()(ROUTE, body, { timeoutMs: 1000 }))
    server.use(http.post(ROUTE, async () => {
      await delay('infinite')
      return HttpResponse.json({})
    }))
    await collect(fetchPostJson()(ROUTE, body, { timeoutMs: 100 }))
    installFakeXhr((xhr) => xhr.onerror?.())
    await collect(xhrPostJson()(`${ROUTE}?x=${PHONE}`, body, { timeoutMs: 1000 }))
    FakeXhr.script = (xhr) => xhr.ontimeout?.()
    await collect(xhrPostJson()(ROUTE, body, { timeoutMs: 1000 }))
    expect(errors).toHaveLength(4)
    for (const error of errors) {
      const text = `${error.name} ${error.message} ${String(error.stack)}`
      expect(text).not.toContain(PHONE)
      expect(text).not.toContain(PHONE.slice(3))
    }
  })

  it('the address of a request never carries the phone', async () => {
    const urls: string[] = []
    const post: PostJson = (url) => {
      urls.push(url)
      return Promise.resolve({ status: 201, text: '{"referenceNo":"LW-1"}', header: () => null })
    }
    await service({ post }).send(GUIDE.id, FIELDS)
    expect(urls).toEqual([ROUTE])
  })
})

describe('settings: assistApiUrl', () => {
  const MINIMAL = { feedBaseUrl: 'https://feed.example.cn/gov', progressApiUrl: 'https://api.example.cn/gov', regionCode: '431025' }

  it('is optional: unset, the feature is not offered', () => {
    expect(readSettings(MINIMAL).assistApiUrl).toBeUndefined()
    expect(readSettings({ ...MINIMAL, assistApiUrl: 'https://api.example.cn/assist' }).assistApiUrl).toBe('https://api.example.cn/assist')
    expect(readSettings({ ...MINIMAL, assistApiUrl: 'api' }).assistApiUrl).toBe('api')
  })

  it.each([['data:text/html,x'], ['javascript:alert(1)'], [''], [42]])('a bad value %j names the field', (value) => {
    let error: unknown
    try {
      readSettings({ ...MINIMAL, assistApiUrl: value })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SettingsError)
    expect((error as SettingsError).field).toBe('assistApiUrl')
    expect((error as SettingsError).message).toContain('"assistApiUrl"')
  })

  it('the shipped settings name the mocked service next to the progress API', () => {
    const shipped = readSettings(JSON.parse(readFileSync('static/settings.json', 'utf8')))
    expect(shipped.assistApiUrl).toBe(shipped.progressApiUrl)
  })
})

describe('sendAssistRequest on its own', () => {
  const body = assistBody('431025', 'lw-g07', FIELDS)!

  it('tells a dead network (offline) from a service that does not answer (unavailable)', async () => {
    const failing = (kind: 'network' | 'timeout'): PostJson => () => Promise.reject(new PostError(kind, 'POST x: failed'))
    expect(await sendAssistRequest(NODE_API_BASE, body, { post: failing('network'), online: () => true })).toEqual({ kind: 'offline' })
    expect(await sendAssistRequest(NODE_API_BASE, body, { post: failing('timeout'), online: () => true })).toEqual({ kind: 'unavailable' })
    expect(await sendAssistRequest(NODE_API_BASE, body, { post: () => Promise.reject(new TypeError('boom')), online: () => true })).toEqual({ kind: 'unavailable' })
  })

  it('has words for every answer, each naming 12345 where the person cannot go on', async () => {
    const { t } = await import('../../src/i18n/strings')
    for (const key of ['assist.rate-limited', 'assist.closed', 'assist.closedUntil', 'assist.invalid', 'assist.unavailable', 'assist.offline', 'assist.alreadyBody'] as const) {
      expect(t(key, { minutes: 5, date: '2026-12-07', time: '09:00' }), key).toContain('12345')
    }
  })
})
