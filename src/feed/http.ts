/**
 * GET for feed documents, built for set-top boxes: old browsers (no fetch, no AbortController), flaky
 * last-mile networks, and whole counties of boxes switched on at the same minute. Plain TypeScript; no
 * Lightning imports. Kept to ES2019 built-ins because the bundle is transpiled for Chrome 38.
 */
import { retryAfterDelay, unitRandom } from './schedule'
import { withTimeout } from './withTimeout'

export type HttpErrorKind = 'timeout' | 'network' | 'http'

export class HttpError extends Error {
  readonly kind: HttpErrorKind
  readonly status?: number
  readonly retryAfterSeconds?: number

  constructor(kind: HttpErrorKind, message: string, status?: number, retryAfterSeconds?: number) {
    super(message)
    // Transpiled subclasses of Error lose their prototype on ES5 targets; restore it so instanceof works.
    Object.setPrototypeOf(this, HttpError.prototype)
    this.name = 'HttpError'
    this.kind = kind
    if (status !== undefined) this.status = status
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds
  }
}

export interface HttpResponse {
  status: number
  text: string
  etag?: string
  maxAgeSeconds?: number
  retryAfterSeconds?: number
}

export interface TransportResponse {
  status: number
  text: string
  header(name: string): string | null
}

export interface Transport {
  (url: string, init: { headers: Record<string, string>; timeoutMs: number }): Promise<TransportResponse>
}

export interface HttpOptions {
  /** Per attempt, covering headers and body. Default 8000. */
  timeoutMs?: number
  /** Retries after the first attempt. Default 2. */
  retries?: number
  /** Default 500. */
  baseDelayMs?: number
  /**
   * The longest wait between attempts inside one get(). Caps the backoff; a server's Retry-After that
   * asks for longer ends the retries at once (the error carries it for the caller's own schedule), since
   * coming back sooner would ignore the server and waiting longer would hold a person. Default 8000.
   */
  maxDelayMs?: number
  transport?: Transport
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

const DEFAULTS = { timeoutMs: 8000, retries: 2, baseDelayMs: 500, maxDelayMs: 8000 }

function timeoutError(url: string, timeoutMs: number): HttpError {
  return new HttpError('timeout', `GET ${url}: no answer within ${timeoutMs} ms`)
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message || e.name
  return String(e)
}

/**
 * fetch with a timer of its own, whatever the engine: on timeout it settles at once and, where
 * AbortController exists, aborts the request so the socket is freed too. Without AbortController the
 * request cannot be stopped, so defaultTransport() prefers XHR there; this settles all the same.
 */
export function fetchTransport(): Transport {
  return (url, init) =>
    new Promise<TransportResponse>((resolve, reject) => {
      const controller = typeof AbortController === 'function' ? new AbortController() : undefined
      let settled = false
      const timer = setTimeout(() => {
        if (settled) return
        settled = true
        reject(timeoutError(url, init.timeoutMs))
        controller?.abort()
      }, init.timeoutMs)
      const requestInit: RequestInit = { method: 'GET', headers: init.headers }
      if (controller) requestInit.signal = controller.signal
      fetch(url, requestInit)
        .then((res) =>
          // A 304 has no body by definition; not touching it saves a read on the commonest refresh answer.
          (res.status === 304 ? Promise.resolve('') : res.text()).then((text) => ({
            status: res.status,
            text,
            header: (name: string) => res.headers.get(name),
          })),
        )
        .then(
          (res) => {
            if (settled) return
            settled = true
            clearTimeout(timer)
            resolve(res)
          },
          (e: unknown) => {
            if (settled) return
            settled = true
            clearTimeout(timer)
            reject(e instanceof HttpError ? e : new HttpError('network', `GET ${url}: ${describe(e)}`))
          },
        )
    })
}

/** XMLHttpRequest, for set-top-box browsers older than Chrome 42 that have no fetch. */
export function xhrTransport(): Transport {
  return (url, init) =>
    new Promise<TransportResponse>((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      let settled = false
      // Some old WebKit builds ignore xhr.timeout, so a timer of our own backs it up.
      const timer = setTimeout(() => {
        fail(timeoutError(url, init.timeoutMs))
        xhr.abort()
      }, init.timeoutMs)

      function fail(err: HttpError): void {
        if (settled) return
        settled = true
        clearTimeout(timer)
        reject(err)
      }

      xhr.onload = () => {
        if (settled) return
        // Old WebKit reports some refused connections as a load with status 0.
        if (xhr.status === 0) {
          fail(new HttpError('network', `GET ${url}: no response`))
          return
        }
        settled = true
        clearTimeout(timer)
        const status = xhr.status
        resolve({
          status,
          text: status === 304 ? '' : xhr.responseText,
          header: (name: string) => xhr.getResponseHeader(name),
        })
      }
      xhr.onerror = () => fail(new HttpError('network', `GET ${url}: network error`))
      xhr.onabort = () => fail(new HttpError('network', `GET ${url}: aborted`))
      xhr.ontimeout = () => fail(timeoutError(url, init.timeoutMs))

      try {
        xhr.open('GET', url, true)
        xhr.timeout = init.timeoutMs
        for (const name of Object.keys(init.headers)) {
          const value = init.headers[name]
          if (value !== undefined) xhr.setRequestHeader(name, value)
        }
        xhr.send()
      } catch (e) {
        fail(new HttpError('network', `GET ${url}: ${describe(e)}`))
      }
    })
}

/**
 * fetch where a stalled request can be aborted (fetch and AbortController: Chrome 66 on), else XHR, which
 * can always be aborted (Chrome 42–65 have fetch without AbortController; older boxes have no fetch).
 * fetch alone only where there is no XHR at all. Every choice has its own timer: src/index.ts reads
 * settings.json through this without the client's.
 */
export function defaultTransport(): Transport {
  const hasFetch = typeof fetch === 'function'
  const hasXhr = typeof XMLHttpRequest === 'function'
  if (hasFetch && (typeof AbortController === 'function' || !hasXhr)) return fetchTransport()
  return xhrTransport()
}

/**
 * Capped exponential backoff with full jitter: random() * min(max, base * 2^attempt), attempt counted
 * from 0. Full jitter spreads a county's boxes over the whole window instead of bunching them at its end.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * Math.pow(2, Math.max(0, attempt)))
  return Math.max(0, unitRandom(random) * ceiling)
}

/**
 * Freshness in seconds from a Cache-Control header. no-store and no-cache count as 0 (always revalidate),
 * whatever max-age says; undefined when the header says nothing usable.
 */
export function parseMaxAge(cacheControl: string | null): number | undefined {
  if (!cacheControl) return undefined
  let maxAge: number | undefined
  for (const raw of cacheControl.split(',')) {
    const directive = raw.trim()
    const eq = directive.indexOf('=')
    const name = (eq < 0 ? directive : directive.slice(0, eq)).trim().toLowerCase()
    if (name === 'no-store' || name === 'no-cache') return 0
    if (name === 'max-age' && eq >= 0 && maxAge === undefined) {
      const value = directive
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')
      if (/^\d+$/.test(value)) maxAge = parseInt(value, 10)
    }
  }
  return maxAge
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const RFC850_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const ASCTIME_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/

/** ms since epoch of a calendar time that exists (no 31 February, no 25:00), else NaN. */
function utc(year: number, monthName: string, day: number, h: number, m: number, s: number): number {
  const month = MONTHS.indexOf(monthName)
  if (month < 0 || h > 23 || m > 59 || s > 60) return NaN
  const at = Date.UTC(year, month, day, h, m, Math.min(s, 59))
  const d = new Date(at)
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day ? at : NaN
}

/** An HTTP-date (RFC 9110 §5.6.7) in any of its three forms, else NaN. Date.parse is no judge: it reads "1.5" as 2001. */
function parseHttpDate(value: string, now: number): number {
  let m = IMF_FIXDATE.exec(value)
  if (m) return utc(Number(m[3]), m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]))
  m = RFC850_DATE.exec(value)
  if (m) {
    // A two-digit year more than 50 years ahead is the latest past year with those digits.
    const thisYear = new Date(now).getUTCFullYear()
    let year = Math.floor(thisYear / 100) * 100 + Number(m[3])
    if (year > thisYear + 50) year -= 100
    return utc(year, m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]))
  }
  m = ASCTIME_DATE.exec(value)
  if (m) return utc(Number(m[6]), m[1] ?? '', Number((m[2] ?? '').trim()), Number(m[3]), Number(m[4]), Number(m[5]))
  return NaN
}

/**
 * Retry-After as seconds: delta-seconds (digits only) or an HTTP-date; anything else ("1.5", "-1", an ISO
 * time) is ignored, so the ordinary jittered backoff applies instead of a misread "now".
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return parseInt(trimmed, 10)
  const at = parseHttpDate(trimmed, now)
  if (isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - now) / 1000))
}

export interface HttpClient {
  /**
   * GET a feed document; sends If-None-Match when etag given; 304 → { status: 304, text: '' } without
   * reading a body. Retries timeouts, network errors, 5xx and 429 up to `retries` times, never sooner than
   * a Retry-After (schedule.ts) and not at all when it asks for more than maxDelayMs; 4xx other than 429
   * are returned, not retried, not thrown. Throws HttpError when retries are exhausted.
   * `onAttemptFailed` hears of every failed attempt as it happens (0 = the first), so a caller can say
   * "cannot reach the service" before the retries are over.
   */
  get(url: string, options?: GetOptions): Promise<HttpResponse>
}

export interface GetOptions {
  etag?: string
  retries?: number
  onAttemptFailed?: (error: HttpError, attempt: number) => void
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms)
  })
}

function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && value >= 0 && isFinite(value) ? value : fallback
}

export function createHttpClient(options: HttpOptions = {}): HttpClient {
  const timeoutMs = nonNegative(options.timeoutMs, DEFAULTS.timeoutMs)
  const defaultRetries = Math.floor(nonNegative(options.retries, DEFAULTS.retries))
  const baseDelayMs = nonNegative(options.baseDelayMs, DEFAULTS.baseDelayMs)
  const maxDelayMs = nonNegative(options.maxDelayMs, DEFAULTS.maxDelayMs)
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? defaultSleep
  // Chosen on first use, not at creation, so tests and polyfills installed later are picked up.
  let transport = options.transport

  async function attempt(url: string, headers: Record<string, string>, etag: string | undefined): Promise<HttpResponse | HttpError> {
    let res: TransportResponse
    try {
      if (!transport) transport = defaultTransport()
      res = await withTimeout(transport(url, { headers, timeoutMs }), timeoutMs, () => timeoutError(url, timeoutMs))
    } catch (e) {
      return e instanceof HttpError ? e : new HttpError('network', `GET ${url}: ${describe(e)}`)
    }
    const status = res.status
    if (!(status >= 100 && status < 600)) return new HttpError('network', `GET ${url}: no usable status (${status})`)
    const retryAfterSeconds = parseRetryAfter(res.header('Retry-After'), Date.now())
    if (status >= 500 || status === 429) {
      return new HttpError('http', `GET ${url}: HTTP ${status}`, status, retryAfterSeconds)
    }
    const out: HttpResponse = { status, text: status === 304 ? '' : res.text }
    // A 304 may omit ETag; the copy the caller holds is still the one that matched.
    const responseEtag = res.header('ETag') ?? (status === 304 ? etag : undefined)
    if (responseEtag) out.etag = responseEtag
    const maxAgeSeconds = parseMaxAge(res.header('Cache-Control'))
    if (maxAgeSeconds !== undefined) out.maxAgeSeconds = maxAgeSeconds
    if (retryAfterSeconds !== undefined) out.retryAfterSeconds = retryAfterSeconds
    return out
  }

  return {
    async get(url, getOptions = {}) {
      const retries = Math.floor(nonNegative(getOptions.retries, defaultRetries))
      const headers: Record<string, string> = { Accept: 'application/json' }
      if (getOptions.etag) headers['If-None-Match'] = getOptions.etag
      for (let n = 0; ; n++) {
        const result = await attempt(url, headers, getOptions.etag)
        if (!(result instanceof HttpError)) return result
        if (getOptions.onAttemptFailed) {
          try {
            getOptions.onAttemptFailed(result, n)
          } catch {
            // A listener's bug must not turn into a failed request.
          }
        }
        if (n >= retries) throw result
        let delay: number
        if (result.retryAfterSeconds !== undefined) {
          delay = retryAfterDelay(result.retryAfterSeconds, random)
          if (delay > maxDelayMs) throw result
        } else {
          delay = backoffDelay(n, baseDelayMs, maxDelayMs, random)
        }
        await sleep(delay)
      }
    },
  }
}
