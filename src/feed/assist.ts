/**
 * 请工作人员联系我: a call-back request for a guide tagged 帮代办 or 上门办, sent live to the county's service
 * (`POST {assistApiUrl}/v1/assist-requests`, feed.md "The call-back request"). Like the progress lookup it
 * is personal: the phone travels in the body only, nothing is cached, logged or put in an error text, and
 * every answer becomes something the screen can say. The box remembers only that a guide was asked about
 * and when (assistThrottle.ts), so a second request within the hour is refused before it is sent.
 */
import * as v from 'valibot'
import { assistRequestUrl } from './feedUrls'
import { parsePhone } from './phone'
import { PostError, postJson, retryAfterSeconds, safeJson, type PostJson } from './postJson'
import {
  ASSIST_FIELDS,
  AssistAcceptedSchema,
  AssistClosedSchema,
  type AssistField,
  type AssistRequest,
  type AssistTime,
  type FeedIndex,
  type GuideSummary,
} from './schema'
import type { AssistThrottle } from './assistThrottle'
import { withTimeout } from './withTimeout'

/** The guide tags that mean "staff can do it for you" (帮代办) or "staff come to you" (上门办). */
export const ASSIST_TAGS: readonly string[] = ['帮代办', '上门办']

export function offersAssist(guide: { tags: readonly string[] }): boolean {
  return guide.tags.some((tag) => ASSIST_TAGS.indexOf(tag) >= 0)
}

/** The guides a call-back can be asked for, in the feed's order. */
export function assistGuides(index: FeedIndex): GuideSummary[] {
  return index.guides.filter(offersAssist)
}

/** What the person chose on the form; the phone as typed (assistBody normalises it). */
export interface AssistFields {
  phone: string
  township?: string
  village?: string
  preferredTime: AssistTime
}

export type AssistResult =
  /** Taken. A 201 whose body carries no reference number is still taken: asking again would ask twice. */
  | { kind: 'accepted'; referenceNo?: string; nextStep?: string }
  /** Refused on the box: this guide was asked about less than an hour ago (at `sentAt`). Nothing was sent. */
  | { kind: 'already-sent'; sentAt: number }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'closed'; message?: string; reopensAt?: string }
  | { kind: 'invalid'; field?: AssistField }
  | { kind: 'unavailable' }
  | { kind: 'offline' }

/**
 * The body as the service receives it, or undefined when the phone is not a mainland mobile or landline
 * (such a request is never sent). Optional parts are left out, not sent as null.
 */
export function assistBody(regionCode: string, guideId: string, fields: AssistFields): AssistRequest | undefined {
  const phone = parsePhone(fields.phone)
  if (!phone) return undefined
  const body: AssistRequest = { regionCode, guideId, phone: phone.value, preferredTime: fields.preferredTime }
  if (fields.township) body.township = fields.township
  if (fields.village) body.village = fields.village
  return body
}

/** The answer's body read leniently: an unknown `field` is still a refusal, only without a name. */
function invalidField(body: unknown): AssistField | undefined {
  const field = typeof body === 'object' && body !== null ? (body as { field?: unknown }).field : undefined
  return typeof field === 'string' && (ASSIST_FIELDS as readonly string[]).indexOf(field) >= 0 ? (field as AssistField) : undefined
}

function closed(body: unknown): AssistResult {
  const parsed = v.safeParse(AssistClosedSchema, { ...(typeof body === 'object' && body !== null ? body : {}), status: 'closed' })
  if (!parsed.success) return { kind: 'closed' }
  const result: AssistResult = { kind: 'closed' }
  if (parsed.output.message !== undefined) result.message = parsed.output.message
  if (parsed.output.reopensAt !== undefined) result.reopensAt = parsed.output.reopensAt
  return result
}

/** Every answer of the contract as what the screen says. Pure: the status, the body text, Retry-After. */
export function readAssistAnswer(status: number, text: string, retryAfter: string | null, now: number): AssistResult {
  const body = safeJson(text)
  if (status === 200 || status === 201) {
    if (typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'closed') return closed(body)
    const parsed = v.safeParse(AssistAcceptedSchema, body)
    if (parsed.success) {
      const result: AssistResult = { kind: 'accepted', referenceNo: parsed.output.referenceNo }
      if (parsed.output.nextStep !== undefined) result.nextStep = parsed.output.nextStep
      return result
    }
    // 201 Created says the request was taken even when the body is broken; a 200 that does not read (a
    // captive portal's page) says nothing.
    return status === 201 ? { kind: 'accepted' } : { kind: 'unavailable' }
  }
  if (status === 409 || status === 423) return closed(body)
  if (status === 400 || status === 422) {
    const field = invalidField(body)
    return field ? { kind: 'invalid', field } : { kind: 'invalid' }
  }
  if (status === 429) return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(retryAfter, now) ?? 60 }
  return { kind: 'unavailable' }
}

export interface SendOptions {
  /** The whole request, headers and body. Default 8000, the feed's default. */
  timeoutMs?: number
  /** Tests pass their own; the box uses fetch or XMLHttpRequest, whichever can time out (postJson.ts). */
  post?: PostJson
  now?: () => number
  /** navigator.onLine where the engine has it; a box that knows it is offline does not try. */
  online?: () => boolean
}

/** Some engines report `onLine` wrongly as false on networks without a gateway: only a definite false counts. */
export function browserOnline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: unknown } }).navigator
  return nav?.onLine !== false
}

/**
 * Sends one request, once: a person is waiting, and a request sent twice is two visits. Never rejects and
 * never waits past `timeoutMs` (plus a second of grace for a transport that ignores its own timer).
 */
export async function sendAssistRequest(assistApiUrl: string, body: AssistRequest, options: SendOptions = {}): Promise<AssistResult> {
  const post = options.post ?? postJson
  const timeoutMs = options.timeoutMs ?? 8000
  const now = options.now ?? (() => Date.now())
  if (!(options.online ?? browserOnline)()) return { kind: 'offline' }
  const url = assistRequestUrl(assistApiUrl)
  try {
    const response = await withTimeout(post(url, body, { timeoutMs }), timeoutMs + 1000, () => new PostError('timeout', `POST ${url}: no answer`))
    return readAssistAnswer(response.status, response.text, response.header('Retry-After'), now())
  } catch (e) {
    // Dropped, not logged: nothing personal may reach a log, and the screen has one thing to say.
    return e instanceof PostError && e.kind === 'network' ? { kind: 'offline' } : { kind: 'unavailable' }
  }
}

export interface AssistService {
  /** When this guide was last asked about, if within the hour: the form is not offered again then. */
  sentAt(guideId: string): number | undefined
  send(guideId: string, fields: AssistFields): Promise<AssistResult>
}

export interface AssistServiceConfig extends SendOptions {
  assistApiUrl: string
  regionCode: string
  throttle: AssistThrottle
}

/** What the route hands the form: the region and the throttle are filled in, the page gives the person's choices. */
export function createAssistService(config: AssistServiceConfig): AssistService {
  const now = config.now ?? (() => Date.now())
  return {
    sentAt: (guideId) => config.throttle.sentAt(guideId, now()),
    async send(guideId, fields) {
      const sentAt = config.throttle.sentAt(guideId, now())
      if (sentAt !== undefined) return { kind: 'already-sent', sentAt }
      const body = assistBody(config.regionCode, guideId, fields)
      if (!body) return { kind: 'invalid', field: 'phone' }
      const result = await sendAssistRequest(config.assistApiUrl, body, { ...config, now })
      if (result.kind === 'accepted') config.throttle.remember(guideId, now())
      return result
    },
  }
}
