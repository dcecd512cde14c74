/**
 * msw handlers for the feed and the progress API, shared by the browser worker, the node server used
 * in vitest and scripts/serve.ts. The feed behaves like a CDN (ETag, max-age, 304); the progress API
 * like a live service that guards its verification codes.
 */
import { http, HttpResponse, type DefaultBodyType, type HttpHandler, type PathParams } from 'msw'
import * as v from 'valibot'
import { findProgress, IMAGE_HOST, MEDIA_FILES, MEDIA_HOST, LOCAL_REGIONS, POLL_START_COUNTS, REGIONS, type RegionFixture } from './fixtures'
import {
  ASSIST_CLOSED_MESSAGE,
  ASSIST_NEXT_STEP,
  ASSIST_REOPENS_AT,
  ASSIST_RETRY_AFTER_SECONDS,
  ASSIST_TEST_PHONES,
  ASSIST_WINDOW_SECONDS,
  MAX_ASSIST_PER_PHONE,
  REFERENCE_PREFIX,
} from './fixtures/assist'
import { assistRequestUrl, faqPaths, feedPaths, feedUrl, pollPaths, progressLookupUrl, trimBase } from '../src/feed/feedUrls'
import { offersAssist } from '../src/feed/assist'
import { AssistRequestSchema, type AssistRequest, type Poll, type PollResults } from '../src/feed/schema'

export interface HandlerOptions {
  /** Feed base, absolute or relative to the page. Default `/feed`. */
  baseUrl?: string
  /** Progress API base, absolute or relative to the page. Default `/api`. */
  progressBaseUrl?: string
  /** Poll API base (answers and results), absolute or relative to the page. Default: the progress base. */
  pollBaseUrl?: string
  /** Call-back request service base (assistApiUrl), default the progress API's. */
  assistBaseUrl?: string
  /** Clock for the progress lock-out and the polls' open/closed times; tests pass a fake one. */
  now?: () => number
  /** Reads a file of mocks/media/ (the test clip, subtitles); without it the media host answers 404. */
  media?: MediaLoader
}

/** The bytes of a file in mocks/media/, by name; undefined when it cannot be read. */
export type MediaLoader = (file: string) => Promise<Uint8Array | undefined>

export const DEFAULT_FEED_BASE = '/feed'
export const DEFAULT_API_BASE = '/api'
/** Seconds a CDN lets boxes keep a feed document without asking again. */
export const FEED_MAX_AGE = 300
/** Wrong codes allowed for one application number before the lookup is locked. */
export const MAX_WRONG_CODES = 5
export const LOCK_SECONDS = 60

/** A trailing slash in settings must not produce `//v1/...`, which msw would not match. */
export { trimBase }

/** The three published document routes under one feed base. Scenarios override the same routes. */
export function feedRoutes(baseUrl: string = DEFAULT_FEED_BASE): { index: string; notice: string; guide: string } {
  const paths = feedPaths(':region', { literal: true })
  return { index: feedUrl(baseUrl, paths.index), notice: feedUrl(baseUrl, paths.notice(':id')), guide: feedUrl(baseUrl, paths.guide(':id')) }
}

/** 常见问题 (issue 12): the topic shard, search shard and answer routes under one feed base. */
export function faqRoutes(baseUrl: string = DEFAULT_FEED_BASE): { topic: string; search: string; entry: string } {
  const paths = faqPaths(':region', { literal: true })
  return { topic: feedUrl(baseUrl, paths.topic(':topic')), search: feedUrl(baseUrl, paths.search), entry: feedUrl(baseUrl, paths.entry(':id')) }
}

/** The region's 常见问题 documents as a CDN serves them; a region without them answers 404. */
function faqHandlers(baseUrl: string): HttpHandler[] {
  const routes = faqRoutes(baseUrl)
  return [
    http.get<{ region: string; topic: string }>(routes.topic, ({ request, params }) => {
      const shard = lookup(regionFixture(params.region)?.faq?.shards ?? {}, params.topic)
      return shard ? documentResponse(request, shard) : errorJson(404, 'faq-topic-not-found')
    }),
    http.get<{ region: string }>(routes.search, ({ request, params }) => {
      const search = regionFixture(params.region)?.faq?.search
      return search ? documentResponse(request, search) : errorJson(404, 'faq-search-not-found')
    }),
    http.get<{ region: string; id: string }>(routes.entry, ({ request, params }) => {
      const entry = lookup(regionFixture(params.region)?.faq?.entries ?? {}, params.id)
      return entry ? documentResponse(request, entry) : errorJson(404, 'faq-entry-not-found')
    }),
  ]
}

/** The one address of the progress lookup: number and code travel in the POST body (docs/feed.md). */
export function progressRoute(progressBaseUrl: string = DEFAULT_API_BASE): string {
  return progressLookupUrl(progressBaseUrl)
}

/** What a lookup body holds, when it holds the two strings; anything else is a 400. */
async function readLookup(request: Request): Promise<{ applicationNo: string; code: string } | undefined> {
  let body: unknown
  try {
    body = JSON.parse(await request.text()) as unknown
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null) return undefined
  const { applicationNo, code } = body as Record<string, unknown>
  return { applicationNo: typeof applicationNo === 'string' ? applicationNo : '', code: typeof code === 'string' ? code : '' }
}

/** Own-property lookup: a path segment such as `constructor` must be a 404, not Object.prototype. */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

export function regionFixture(code: string | undefined): RegionFixture | undefined {
  return lookup(REGIONS, code) ?? lookup(LOCAL_REGIONS, code)
}

/**
 * FNV-1a over the UTF-16 code units plus the length: stable across runs and platforms and cheap in a
 * service worker, where node:crypto is not available. Collisions only cost a needless refresh.
 */
export function etagOf(body: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < body.length; i++) {
    hash ^= body.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `"${hash.toString(16).padStart(8, '0')}-${body.length.toString(16)}"`
}

/** If-None-Match may list several tags, weak or strong, or `*` (RFC 9110 weak comparison). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}

const serialized = new WeakMap<object, { body: string; etag: string }>()

/** Fixtures never change while a handler lives, so each document is serialized and hashed once. */
function serialize(doc: object): { body: string; etag: string } {
  let entry = serialized.get(doc)
  if (!entry) {
    const body = JSON.stringify(doc)
    entry = { body, etag: etagOf(body) }
    serialized.set(doc, entry)
  }
  return entry
}

/**
 * A published document as a CDN answers it: 200 with ETag and max-age, or 304 without a body when
 * the box already holds that version. `doc` may be raw text so broken documents get the same treatment.
 */
export function documentResponse(request: Request, doc: object | string): HttpResponse<string> {
  const { body, etag } = typeof doc === 'string' ? { body: doc, etag: etagOf(doc) } : serialize(doc)
  const headers = { ETag: etag, 'Cache-Control': `max-age=${FEED_MAX_AGE}` }
  if (matchesIfNoneMatch(request.headers.get('If-None-Match'), etag)) {
    return new HttpResponse(null, { status: 304, headers })
  }
  return new HttpResponse(body, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } })
}

export function errorJson(status: number, error: string, headers: Record<string, string> = {}): HttpResponse<string> {
  return new HttpResponse(JSON.stringify({ error }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}

/** The handler list, plus a way to forget wrong-code attempts (and poll answers) between tests. */
export interface MockHandlers extends Array<HttpHandler> {
  resetProgressAttempts(): void
  resetPolls(): void
  /** Forgets the call-back requests counted per phone and the reference numbers given. */
  resetAssistRequests(): void
}

// ---- Polls (issue 13) ------------------------------------------------------------------------------------

/** The two poll routes under one API base. */
export function pollRoutes(pollBaseUrl: string = DEFAULT_API_BASE): { answers: string; results: string } {
  const paths = pollPaths(':pollId', { literal: true })
  return { answers: feedUrl(pollBaseUrl, paths.answers), results: feedUrl(pollBaseUrl, paths.results) }
}

/** Answers the mock takes for one poll per minute before it says 429 (it sees one network: the tests'). */
export const POLL_ANSWERS_PER_MINUTE = 30
export const POLL_RETRY_AFTER_SECONDS = 60

/** Any region's poll by id: poll ids are unique across the fixtures. */
export function findFixturePoll(pollId: string | undefined): Poll | undefined {
  for (const code of Object.keys(REGIONS)) {
    const poll = REGIONS[code]?.index.polls.find((p) => p.id === pollId)
    if (poll) return poll
  }
  return undefined
}

/** What an answer body holds when it is `{ "optionId": "…" }` and nothing else; anything else is a 400. */
async function readPollAnswer(request: Request): Promise<string | undefined> {
  let body: unknown
  try {
    body = JSON.parse(await request.text()) as unknown
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const keys = Object.keys(body)
  const optionId = (body as Record<string, unknown>).optionId
  // Anonymous by contract: a box that sends anything besides the option is refused, loudly.
  return keys.length === 1 && typeof optionId === 'string' ? optionId : undefined
}

function pollHandlers(pollBaseUrl: string, now: () => number): { handlers: HttpHandler[]; reset(): void } {
  const routes = pollRoutes(pollBaseUrl)
  const counts = new Map<string, Map<string, number>>()
  const recent = new Map<string, number[]>()
  const countsOf = (poll: Poll): Map<string, number> => {
    let held = counts.get(poll.id)
    if (!held) {
      const start = lookup(POLL_START_COUNTS, poll.id) ?? {}
      held = new Map(poll.options.map((o) => [o.id, lookup(start, o.id) ?? 0]))
      counts.set(poll.id, held)
    }
    return held
  }
  const resultsOf = (poll: Poll): PollResults => ({
    pollId: poll.id,
    counts: poll.options.map((o) => ({ optionId: o.id, count: countsOf(poll).get(o.id) ?? 0 })),
    updatedAt: new Date(now()).toISOString(),
  })
  const phase = (poll: Poll): 'upcoming' | 'open' | 'closed' => {
    const t = now()
    return t < Date.parse(poll.opensAt) ? 'upcoming' : t < Date.parse(poll.closesAt) ? 'open' : 'closed'
  }
  const noStore = { 'Cache-Control': 'no-store' }

  const handlers: HttpHandler[] = [
    http.post<{ pollId: string }>(routes.answers, async ({ request, params }) => {
      const poll = findFixturePoll(params.pollId)
      if (!poll) return errorJson(404, 'poll-not-found')
      const optionId = await readPollAnswer(request)
      if (optionId === undefined) return errorJson(400, 'body-must-be-only-option-id')
      if (phase(poll) !== 'open') return errorJson(409, phase(poll) === 'closed' ? 'poll-closed' : 'poll-not-open-yet')
      if (!poll.options.some((o) => o.id === optionId)) return errorJson(400, 'unknown-option')
      const t = now()
      const lastMinute = (recent.get(poll.id) ?? []).filter((at) => at > t - 60_000)
      if (lastMinute.length >= POLL_ANSWERS_PER_MINUTE) {
        return errorJson(429, 'too-many-answers', { 'Retry-After': String(POLL_RETRY_AFTER_SECONDS) })
      }
      recent.set(poll.id, [...lastMinute, t])
      const held = countsOf(poll)
      held.set(optionId, (held.get(optionId) ?? 0) + 1)
      // Results travel with the 201 only where the poll allows them after answering.
      return poll.showResults
        ? HttpResponse.json(resultsOf(poll), { status: 201, headers: noStore })
        : new HttpResponse(null, { status: 201, headers: noStore })
    }),

    http.get<{ pollId: string }>(routes.results, ({ params }) => {
      const poll = findFixturePoll(params.pollId)
      if (!poll) return errorJson(404, 'poll-not-found')
      if (!poll.showResults) return errorJson(403, 'results-not-public')
      if (phase(poll) === 'upcoming') return errorJson(409, 'poll-not-open-yet')
      return HttpResponse.json(resultsOf(poll), { headers: noStore })
    }),
  ]
  return {
    handlers,
    reset: () => {
      counts.clear()
      recent.clear()
    },
  }
}

interface Attempts {
  wrong: number
  lockedUntil: number
}

/** A plain picture (a field, a sun, a house) drawn as SVG, the size of a notice image slot. */
const ILLUSTRATION =
  '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">' +
  '<rect width="640" height="360" fill="#cfe8ff"/><circle cx="520" cy="80" r="44" fill="#ffd21f"/>' +
  '<rect y="240" width="640" height="120" fill="#4f9d3a"/><path d="M120 240 L120 170 L180 120 L240 170 L240 240 Z" fill="#f4efe6"/>' +
  '<path d="M110 175 L180 110 L250 175" fill="none" stroke="#9e0b1e" stroke-width="12"/><rect x="165" y="190" width="30" height="50" fill="#6b4a2b"/>' +
  '</svg>'

// ---- videos: the media host, as a CDN serves media (byte ranges, so the player can seek) ---------------

/**
 * A media file as a CDN answers it: the whole file, or the byte range asked for (206), which a <video>
 * needs to seek; a range past the end is a 416. Any origin may read it (the player's subtitles are
 * fetched, and in the mock build the <video> asks in cors mode: see mocks/browser.ts).
 */
export function mediaResponse(request: Request, bytes: Uint8Array, type: string): HttpResponse<ArrayBuffer> {
  const size = bytes.byteLength
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'max-age=86400',
    'Access-Control-Allow-Origin': '*',
  }
  const body = (from: number, to: number): ArrayBuffer => bytes.slice(from, to).buffer as ArrayBuffer
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('Range') ?? '')
  if (!range || (range[1] === '' && range[2] === '')) {
    return new HttpResponse(body(0, size), { status: 200, headers: { ...headers, 'Content-Length': String(size) } })
  }
  // `bytes=-500` is the last 500 bytes; `bytes=100-` runs to the end.
  const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1])
  const end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(size - 1, Number(range[2]))
  if (start >= size || end < start) {
    return new HttpResponse(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } })
  }
  return new HttpResponse(body(start, end + 1), {
    status: 206,
    headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
  })
}

function mediaHandler(load: MediaLoader | undefined): HttpHandler {
  const read = new Map<string, Promise<Uint8Array | undefined>>()
  return http.get<PathParams, DefaultBodyType, ArrayBuffer | string>(`https://${MEDIA_HOST}/*`, async ({ request }) => {
    const path = new URL(request.url).pathname.replace(/^\/+/, '')
    const entry = lookup(MEDIA_FILES, path)
    if (!entry || !load) return errorJson(404, 'media-not-found', { 'Access-Control-Allow-Origin': '*' })
    // Read once per handler set: a seek asks for another range of the same file.
    let bytes = read.get(entry.file)
    if (!bytes) {
      bytes = load(entry.file)
      read.set(entry.file, bytes)
    }
    const file = await bytes
    return file ? mediaResponse(request, file, entry.type) : errorJson(404, 'media-not-found', { 'Access-Control-Allow-Origin': '*' })
  })
}

// ---- end of videos ---------------------------------------------------------------------------------------

export function createHandlers(options: HandlerOptions = {}): MockHandlers {
  const routes = feedRoutes(options.baseUrl ?? DEFAULT_FEED_BASE)
  const now = options.now ?? (() => Date.now())
  // Per handler set, so two servers (or a reset) never share lock-outs.
  const attempts = new Map<string, Attempts>()
  const polls = pollHandlers(options.pollBaseUrl ?? options.progressBaseUrl ?? DEFAULT_API_BASE, now)

  const handlers: HttpHandler[] = [
    http.get<{ region: string }>(routes.index, ({ request, params }) => {
      const region = regionFixture(params.region)
      return region ? documentResponse(request, region.index) : errorJson(404, 'region-not-found')
    }),

    http.get<{ region: string; id: string }>(routes.notice, ({ request, params }) => {
      const notice = lookup(regionFixture(params.region)?.notices ?? {}, params.id)
      return notice ? documentResponse(request, notice) : errorJson(404, 'notice-not-found')
    }),

    http.get<{ region: string; id: string }>(routes.guide, ({ request, params }) => {
      const guide = lookup(regionFixture(params.region)?.guides ?? {}, params.id)
      return guide ? documentResponse(request, guide) : errorJson(404, 'guide-not-found')
    }),

    ...faqHandlers(options.baseUrl ?? DEFAULT_FEED_BASE),

    http.post(progressRoute(options.progressBaseUrl ?? DEFAULT_API_BASE), async ({ request }) => {
      const sent = await readLookup(request)
      if (!sent) return errorJson(400, 'body-required')
      const { applicationNo: no, code } = sent
      if (no === '') return errorJson(400, 'application-no-required')
      // A malformed code can never be right, so it is a 400 and does not count as a guess.
      if (code === '') return errorJson(400, 'code-required')
      if (!/^\d{6}$/.test(code)) return errorJson(400, 'code-format')

      const fixture = findProgress(no)
      if (!fixture) return errorJson(404, 'not-found')

      const t = now()
      const state = attempts.get(no)
      if (state && state.lockedUntil > t) {
        const retryAfter = String(Math.ceil((state.lockedUntil - t) / 1000))
        return errorJson(429, 'too-many-attempts', { 'Retry-After': retryAfter })
      }
      if (code !== fixture.code) {
        // After a lock-out has run out, counting starts again from zero.
        const wrong = (state && state.lockedUntil === 0 ? state.wrong : 0) + 1
        attempts.set(
          no,
          wrong >= MAX_WRONG_CODES ? { wrong: 0, lockedUntil: t + LOCK_SECONDS * 1000 } : { wrong, lockedUntil: 0 },
        )
        return errorJson(403, 'wrong-code')
      }
      attempts.delete(no)
      // Personal data: no cache may keep it (the app does not either).
      return HttpResponse.json(fixture.record, { headers: { 'Cache-Control': 'no-store' } })
    }),

    ...polls.handlers,

    // The lookup was once a GET with the code in its query string. Refusing it makes a box or test still
    // sending one fail loudly, instead of quietly writing codes into logs.
    http.get(`${trimBase(options.progressBaseUrl ?? DEFAULT_API_BASE)}/v1/applications/*`, () =>
      errorJson(405, 'method-not-allowed', { Allow: 'POST' }),
    ),

    // The fixtures' pictures live on a host that does not exist: an illustration stands in for them.
    // Lightning loads images with crossOrigin="anonymous", so the answer must allow any origin.
    http.get(`https://${IMAGE_HOST}/*`, () =>
      new HttpResponse(ILLUSTRATION, {
        headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400', 'Access-Control-Allow-Origin': '*' },
      }),
    ),

    mediaHandler(options.media),
  ]

  const assist = assistHandlers(options.assistBaseUrl ?? options.progressBaseUrl ?? DEFAULT_API_BASE, now)
  handlers.push(...assist.handlers)
  return Object.assign(handlers, { resetProgressAttempts: () => attempts.clear(), resetPolls: polls.reset, resetAssistRequests: assist.reset })
}

// ---- 请工作人员联系我: the call-back request service ---------------------------------------------------------

/** The field a 400 names: the first one valibot refused, or the one the service's own check refused. */
function refusedField(issues: readonly v.BaseIssue<unknown>[]): string | undefined {
  const key = issues[0]?.path?.[0]?.key
  return typeof key === 'string' ? key : undefined
}

/** A reference number as the county's system writes it: region prefix, the day in Beijing time, a sequence. */
function referenceNo(regionCode: string, at: number, seq: number): string {
  const day = new Date(at + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')
  return `${REFERENCE_PREFIX[regionCode] ?? 'GOV'}-${day}-${String(seq).padStart(4, '0')}`
}

/** Which part of a valid request this county does not know: the guide, the township, the village. */
function unknownPart(request: AssistRequest, region: RegionFixture): string | undefined {
  const guide = region.index.guides.find((g) => g.id === request.guideId)
  if (!guide || !offersAssist(guide)) return 'guideId'
  const townships = region.index.townships ?? []
  const township = townships.find((t) => t.code === request.township)
  if (request.township !== undefined && !township) return 'township'
  if (request.village !== undefined && !township?.villages.some((village) => village.code === request.village)) return 'village'
  return undefined
}

function assistHandlers(base: string, now: () => number): { handlers: HttpHandler[]; reset(): void } {
  // Per handler set: requests per phone in the last hour, and the day's sequence of reference numbers.
  const sent = new Map<string, number[]>()
  let sequence = 41
  const json = (status: number, body: object, headers: Record<string, string> = {}) =>
    HttpResponse.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })
  const url = assistRequestUrl(base)
  const handlers = [
    http.post(url, async ({ request }) => {
      let body: unknown
      try {
        body = JSON.parse(await request.text()) as unknown
      } catch {
        return json(400, { error: 'invalid' })
      }
      const parsed = v.safeParse(AssistRequestSchema, body)
      if (!parsed.success) {
        const field = refusedField(parsed.issues)
        return json(400, field ? { error: 'invalid', field } : { error: 'invalid' })
      }
      const asked = parsed.output
      const region = regionFixture(asked.regionCode)
      if (!region) return json(400, { error: 'invalid', field: 'regionCode' })
      const unknown = unknownPart(asked, region)
      if (unknown) return json(400, { error: 'invalid', field: unknown })
      if (asked.phone === ASSIST_TEST_PHONES.rateLimited) {
        return json(429, { error: 'too-many-requests' }, { 'Retry-After': String(ASSIST_RETRY_AFTER_SECONDS) })
      }
      if (asked.phone === ASSIST_TEST_PHONES.closed) return json(423, { status: 'closed', message: ASSIST_CLOSED_MESSAGE, reopensAt: ASSIST_REOPENS_AT })
      if (asked.phone === ASSIST_TEST_PHONES.closedBody) return json(200, { status: 'closed' })
      if (asked.phone === ASSIST_TEST_PHONES.serverError) return json(500, { error: 'internal-error' })
      const t = now()
      const recent = (sent.get(asked.phone) ?? []).filter((at) => t - at < ASSIST_WINDOW_SECONDS * 1000)
      if (recent.length >= MAX_ASSIST_PER_PHONE) {
        const retryAfter = Math.ceil((recent[0]! + ASSIST_WINDOW_SECONDS * 1000 - t) / 1000)
        return json(429, { error: 'too-many-requests' }, { 'Retry-After': String(retryAfter) })
      }
      sent.set(asked.phone, [...recent, t])
      sequence += 1
      return json(201, { status: 'accepted', referenceNo: referenceNo(asked.regionCode, t, sequence), nextStep: ASSIST_NEXT_STEP })
    }),
    // A request is a POST with the number in its body; an address that would carry it is refused.
    http.get(url, () => errorJson(405, 'method-not-allowed', { Allow: 'POST' })),
  ]
  return {
    handlers,
    reset() {
      sent.clear()
      sequence = 41
    },
  }
}
