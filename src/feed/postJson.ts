/**
 * A JSON POST for personal lookups. What is personal travels in the body, because URLs end up in server,
 * CDN and proxy logs and in the browser's own console; no cache on the way may keep the request or the
 * answer; and it gives up in time on every set-top-box engine. The feed's GET client (http.ts) retries
 * and revalidates, which a lookup must never do, so this is a transport of its own.
 *
 * Errors name the address without its query string and never the body. No Lightning imports; ES2019
 * built-ins only (the bundle is transpiled for Chrome 38).
 */
import { withTimeout } from './withTimeout'

export type PostErrorKind = 'timeout' | 'network'

export class PostError extends Error {
  readonly kind: PostErrorKind

  constructor(kind: PostErrorKind, message: string) {
    super(message)
    // Transpiled subclasses of Error lose their prototype on ES5 targets; restore it so instanceof works.
    Object.setPrototypeOf(this, PostError.prototype)
    this.name = 'PostError'
    this.kind = kind
  }
}

export interface PostJsonResponse {
  status: number
  text: string
  header(name: string): string | null
}

/** Any status is an answer for the caller to read; only no answer at all rejects, with a PostError. */
export type PostJson = (url: string, body: object, options: { timeoutMs: number }) => Promise<PostJsonResponse>

/**
 * `Cache-Control` and `Pragma` ask proxies and old HTTP/1.0 caches too not to keep the request; fetch
 * also gets `cache: 'no-store'` for the browser's own cache, which XMLHttpRequest cannot be told.
 */
export const POST_HEADERS: Readonly<Record<string, string>> = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
}

/** The address as errors may show it: a query string could carry what the caller should have put in the body. */
function shown(url: string): string {
  return `POST ${url.split('#')[0]?.split('?')[0] ?? ''}`
}

function timeoutError(url: string, timeoutMs: number): PostError {
  return new PostError('timeout', `${shown(url)}: no answer within ${timeoutMs} ms`)
}

/** The engine's own words, which name the failure, never the request body. */
function describe(e: unknown): string {
  if (e instanceof Error) return e.name === 'AbortError' ? 'aborted' : e.message || e.name
  return 'failed'
}

/** fetch with an AbortController, so a timeout frees the socket as well as the caller. */
export function fetchPostJson(): PostJson {
  return (url, body, { timeoutMs }) => {
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const request = fetch(url, {
      method: 'POST',
      headers: POST_HEADERS,
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    }).then((res) =>
      res.text().then((text) => ({ status: res.status, text, header: (name: string) => res.headers.get(name) })),
    )
    // The race is for engines whose fetch ignores the signal: the caller is released on time regardless.
    return withTimeout(request, timeoutMs, () => timeoutError(url, timeoutMs)).then(
      (res) => {
        clearTimeout(timer)
        return res
      },
      (e: unknown) => {
        clearTimeout(timer)
        controller.abort()
        if (e instanceof PostError) throw e
        throw timedOut ? timeoutError(url, timeoutMs) : new PostError('network', `${shown(url)}: ${describe(e)}`)
      },
    )
  }
}

/** XMLHttpRequest, for engines without fetch or without AbortController (Chrome 42–65). */
export function xhrPostJson(): PostJson {
  return (url, body, { timeoutMs }) =>
    new Promise<PostJsonResponse>((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      let settled = false
      // Some old WebKit builds ignore xhr.timeout, so a timer of our own backs it up.
      const timer = setTimeout(() => {
        fail(timeoutError(url, timeoutMs))
        xhr.abort()
      }, timeoutMs)

      function fail(err: PostError): void {
        if (settled) return
        settled = true
        clearTimeout(timer)
        reject(err)
      }

      xhr.onload = () => {
        if (settled) return
        // Old WebKit reports some refused connections as a load with status 0.
        if (xhr.status === 0) {
          fail(new PostError('network', `${shown(url)}: no response`))
          return
        }
        settled = true
        clearTimeout(timer)
        resolve({ status: xhr.status, text: xhr.responseText, header: (name: string) => xhr.getResponseHeader(name) })
      }
      xhr.onerror = () => fail(new PostError('network', `${shown(url)}: network error`))
      xhr.onabort = () => fail(new PostError('network', `${shown(url)}: aborted`))
      xhr.ontimeout = () => fail(timeoutError(url, timeoutMs))

      try {
        xhr.open('POST', url, true)
        xhr.timeout = timeoutMs
        xhr.withCredentials = false
        for (const name of Object.keys(POST_HEADERS)) {
          const value = POST_HEADERS[name]
          if (value !== undefined) xhr.setRequestHeader(name, value)
        }
        xhr.send(JSON.stringify(body))
      } catch (e) {
        fail(new PostError('network', `${shown(url)}: ${describe(e)}`))
      }
    })
}

/**
 * fetch where it can be aborted, XMLHttpRequest everywhere else: a fetch that cannot be aborted would
 * leave a stalled lookup holding one of an old box's few sockets. Chosen at each call, so polyfills
 * installed after start-up are used.
 */
export const postJson: PostJson = (url, body, options) =>
  (typeof fetch === 'function' && typeof AbortController === 'function' ? fetchPostJson() : xhrPostJson())(url, body, options)

/**
 * Retry-After as delta-seconds or an HTTP date (which ends in GMT). Anything else is unusable: read as a
 * date, "1.5" or "-1" would be a day in 2001, i.e. "try again now".
 */
export function retryAfterSeconds(value: string | null, now: number): number | undefined {
  const trimmed = (value ?? '').trim()
  if (/^\d+$/.test(trimmed)) return parseInt(trimmed, 10)
  if (!/GMT$/i.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  return isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/** An answer's body as JSON, or undefined when it is not JSON (an HTML error page, nothing). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
