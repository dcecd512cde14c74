/**
 * msw handlers for the feed and the progress API, shared by the browser worker, the node server used
 * in vitest and scripts/serve.ts. The feed behaves like a CDN (ETag, max-age, 304); the progress API
 * like a live service that guards its verification codes.
 */
import { http, HttpResponse, type HttpHandler } from 'msw'
import * as v from 'valibot'
import { findProgress, IMAGE_HOST, REGIONS, type RegionFixture } from './fixtures'
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
import { assistRequestUrl, feedPaths, feedUrl, progressLookupUrl, trimBase } from '../src/feed/feedUrls'
import { offersAssist } from '../src/feed/assist'
import { AssistRequestSchema, type AssistRequest } from '../src/feed/schema'

export interface HandlerOptions {
  /** Feed base, absolute or relative to the page. Default `/feed`. */
  baseUrl?: string
  /** Progress API base, absolute or relative to the page. Default `/api`. */
  progressBaseUrl?: string
  /** Call-back request service base (assistApiUrl), default the progress API's. */
  assistBaseUrl?: string
  /** Clock for the progress lock-out; tests pass a fake one to step over the 60 s. */
  now?: () => number
}

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
  return lookup(REGIONS, code)
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

/** The handler list, plus a way to forget wrong-code attempts between tests. */
export interface MockHandlers extends Array<HttpHandler> {
  resetProgressAttempts(): void
  /** Forgets the call-back requests counted per phone and the reference numbers given. */
  resetAssistRequests(): void
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

export function createHandlers(options: HandlerOptions = {}): MockHandlers {
  const routes = feedRoutes(options.baseUrl ?? DEFAULT_FEED_BASE)
  const now = options.now ?? (() => Date.now())
  // Per handler set, so two servers (or a reset) never share lock-outs.
  const attempts = new Map<string, Attempts>()

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
  ]

  const assist = assistHandlers(options.assistBaseUrl ?? options.progressBaseUrl ?? DEFAULT_API_BASE, now)
  handlers.push(...assist.handlers)
  return Object.assign(handlers, { resetProgressAttempts: () => attempts.clear(), resetAssistRequests: assist.reset })
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
