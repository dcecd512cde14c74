import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { setupServer } from 'msw/node'
import { delay, http, HttpResponse } from 'msw'
import {
  backoffDelay,
  createHttpClient,
  defaultTransport,
  fetchTransport,
  HttpError,
  parseMaxAge,
  parseRetryAfter,
  xhrTransport,
  type HttpOptions,
} from '../../src/feed/http'

const BASE = 'https://feed.test/v1/regions/431025'
const INDEX = `${BASE}/index.json`

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.unstubAllGlobals()
})
afterAll(() => server.close())

/** A client whose waits are recorded instead of slept, so retry tests run instantly. */
function recordingClient(options: HttpOptions = {}) {
  const delays: number[] = []
  const client = createHttpClient({
    timeoutMs: 1000,
    sleep: (ms) => {
      delays.push(ms)
      return Promise.resolve()
    },
    ...options,
  })
  return { client, delays }
}

/** Answers with `statuses` in turn (the last one repeats), counting the requests. */
function sequence(statuses: number[], headers: Record<string, string> = {}) {
  const seen = { count: 0 }
  server.use(
    http.get(INDEX, () => {
      const status = statuses[Math.min(seen.count, statuses.length - 1)] ?? 200
      seen.count += 1
      return new HttpResponse(status === 200 ? '{"ok":true}' : `status ${status}`, { status, headers })
    }),
  )
  return seen
}

async function rejection(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError)
    return e as HttpError
  }
  throw new Error('expected the request to fail')
}

describe('createHttpClient().get', () => {
  it('returns status, body, ETag and max-age of a 200', async () => {
    server.use(
      http.get(INDEX, () =>
        HttpResponse.json({ schemaVersion: 1 }, { headers: { ETag: '"abc"', 'Cache-Control': 'public, max-age=300' } }),
      ),
    )
    const res = await createHttpClient().get(INDEX)
    expect(res).toEqual({ status: 200, text: '{"schemaVersion":1}', etag: '"abc"', maxAgeSeconds: 300 })
  })

  it('sends If-None-Match with the etag and returns a 304 with empty text', async () => {
    let sent: string | null = null
    server.use(
      http.get(INDEX, ({ request }) => {
        sent = request.headers.get('If-None-Match')
        return new HttpResponse(null, { status: 304, headers: { ETag: '"abc"', 'Cache-Control': 'max-age=60' } })
      }),
    )
    const res = await createHttpClient().get(INDEX, { etag: '"abc"' })
    expect(sent).toBe('"abc"')
    expect(res).toEqual({ status: 304, text: '', etag: '"abc"', maxAgeSeconds: 60 })
  })

  it('keeps the etag it sent when a 304 omits ETag', async () => {
    server.use(http.get(INDEX, () => new HttpResponse(null, { status: 304 })))
    const res = await createHttpClient().get(INDEX, { etag: 'W/"v7"' })
    expect(res.etag).toBe('W/"v7"')
  })

  it('sends no If-None-Match without an etag', async () => {
    let sent: string | null = 'unset'
    server.use(
      http.get(INDEX, ({ request }) => {
        sent = request.headers.get('If-None-Match')
        return HttpResponse.json({})
      }),
    )
    await createHttpClient().get(INDEX)
    expect(sent).toBeNull()
  })

  it('times out after the configured milliseconds and aborts the request', async () => {
    let signal: AbortSignal | undefined
    server.use(
      http.get(INDEX, async ({ request }) => {
        signal = request.signal
        await delay(1000)
        return HttpResponse.json({})
      }),
    )
    const started = Date.now()
    const error = await rejection(createHttpClient({ timeoutMs: 50, retries: 0 }).get(INDEX))
    const elapsed = Date.now() - started
    expect(error.kind).toBe('timeout')
    expect(elapsed).toBeGreaterThanOrEqual(45)
    expect(elapsed).toBeLessThan(500)
    expect(signal?.aborted).toBe(true)
  })

  it('times out even where AbortController is missing', async () => {
    // An old box's fetch: no AbortController, and a request that hangs. (Node's own fetch needs
    // AbortController internally, so it cannot stand in here.)
    vi.stubGlobal('AbortController', undefined)
    vi.stubGlobal('fetch', () => new Promise<never>(() => undefined))
    const started = Date.now()
    const error = await rejection(createHttpClient({ timeoutMs: 50, retries: 0, transport: fetchTransport() }).get(INDEX))
    expect(error.kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(500)
  })

  it('settles on timeout even when the transport never answers', async () => {
    const never = () => new Promise<never>(() => undefined)
    const error = await rejection(createHttpClient({ timeoutMs: 30, retries: 0, transport: never }).get(INDEX))
    expect(error.kind).toBe('timeout')
  })

  it('retries a timeout and then succeeds', async () => {
    let calls = 0
    server.use(
      http.get(INDEX, async () => {
        calls += 1
        if (calls === 1) await delay(1000)
        return HttpResponse.json({ n: calls })
      }),
    )
    const { client, delays } = recordingClient({ timeoutMs: 50 })
    const res = await client.get(INDEX)
    expect(res.text).toBe('{"n":2}')
    expect(delays).toHaveLength(1)
  })

  it('retries a 5xx and returns the success that follows', async () => {
    const seen = sequence([503, 500, 200])
    const { client, delays } = recordingClient()
    const res = await client.get(INDEX)
    expect(res.status).toBe(200)
    expect(seen.count).toBe(3)
    expect(delays).toHaveLength(2)
  })

  it('makes 1 + retries attempts, then throws HttpError kind http with the status', async () => {
    const seen = sequence([502])
    const { client, delays } = recordingClient({ retries: 3 })
    const error = await rejection(client.get(INDEX))
    expect(error.kind).toBe('http')
    expect(error.status).toBe(502)
    expect(seen.count).toBe(4)
    expect(delays).toHaveLength(3)
  })

  it('lets a call override the retry count', async () => {
    const seen = sequence([500])
    const { client } = recordingClient({ retries: 5 })
    await rejection(client.get(INDEX, { retries: 0 }))
    expect(seen.count).toBe(1)
  })

  it('returns a 404 without retrying or throwing', async () => {
    const seen = sequence([404])
    const { client, delays } = recordingClient()
    const res = await client.get(INDEX)
    expect(res.status).toBe(404)
    expect(res.text).toBe('status 404')
    expect(seen.count).toBe(1)
    expect(delays).toEqual([])
  })

  it('waits with full jitter below a doubling ceiling capped at maxDelayMs', async () => {
    sequence([500])
    const { client, delays } = recordingClient({ retries: 5, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 })
    await rejection(client.get(INDEX))
    const ceilings = [100, 200, 400, 800, 1000]
    expect(delays).toHaveLength(5)
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(ceilings[i] ?? Infinity)
      expect(d).toBeGreaterThan((ceilings[i] ?? 0) * 0.99)
    })
  })

  it('draws each wait from random(), so boxes retrying together spread out', async () => {
    sequence([500])
    const draws = [0, 0.5, 0.25]
    const { client, delays } = recordingClient({
      retries: 3,
      baseDelayMs: 100,
      maxDelayMs: 10_000,
      random: () => draws.shift() ?? 0,
    })
    await rejection(client.get(INDEX))
    expect(delays).toEqual([0, 100, 100])
  })

  it('waits at least as long as Retry-After says on a 429, spread above it, then succeeds', async () => {
    const seen = sequence([429, 200], { 'Retry-After': '2' })
    const { client, delays } = recordingClient({ random: () => 0.5 })
    const res = await client.get(INDEX)
    expect(res.status).toBe(200)
    expect(seen.count).toBe(2)
    // 2 s, plus half of a spread of max(1 s, half of 2 s).
    expect(delays).toEqual([2500])
  })

  it('does not come back before a Retry-After longer than maxDelayMs: it hands it to the caller at once', async () => {
    // Waiting 2 minutes inside a request would hold a person opening a notice; coming back after 8 s
    // would ignore the server. The repository's next background try honours it instead.
    const seen = sequence([503, 200], { 'Retry-After': '120' })
    const { client, delays } = recordingClient({ maxDelayMs: 8000 })
    const error = await rejection(client.get(INDEX))
    expect(error).toMatchObject({ kind: 'http', status: 503, retryAfterSeconds: 120 })
    expect(seen.count).toBe(1)
    expect(delays).toEqual([])
  })

  it.each(['1.5', '-1', 'soon'])('ignores Retry-After %j and backs off as usual (not 0 ms: it is not a date)', async (value) => {
    sequence([503, 200], { 'Retry-After': value })
    const { client, delays } = recordingClient({ baseDelayMs: 500, random: () => 0.5 })
    await client.get(INDEX)
    expect(delays).toEqual([250])
  })

  it('tells onAttemptFailed about each failed attempt as it happens, before waiting for the next', async () => {
    sequence([503, 502, 200])
    const events: string[] = []
    const client = createHttpClient({
      random: () => 0,
      sleep: (ms) => {
        events.push(`sleep ${ms}`)
        return Promise.resolve()
      },
    })
    await client.get(INDEX, {
      onAttemptFailed: (error, attempt) => {
        events.push(`attempt ${attempt}: ${error.kind} ${error.status ?? ''}`)
        throw new Error('a listener that throws must not break the request')
      },
    })
    expect(events).toEqual(['attempt 0: http 503', 'sleep 0', 'attempt 1: http 502', 'sleep 0'])
  })

  it('tells onAttemptFailed about the last attempt too, before throwing', async () => {
    sequence([500])
    const attempts: number[] = []
    const { client } = recordingClient({ retries: 1 })
    await rejection(client.get(INDEX, { onAttemptFailed: (_e, n) => attempts.push(n) }))
    expect(attempts).toEqual([0, 1])
  })

  it('reports Retry-After on the HttpError when 429s outlast the retries', async () => {
    sequence([429], { 'Retry-After': '30' })
    const { client } = recordingClient({ retries: 1 })
    const error = await rejection(client.get(INDEX))
    expect(error.kind).toBe('http')
    expect(error.status).toBe(429)
    expect(error.retryAfterSeconds).toBe(30)
  })

  it('throws HttpError kind network after retrying a failed connection', async () => {
    let calls = 0
    server.use(
      http.get(INDEX, () => {
        calls += 1
        return HttpResponse.error()
      }),
    )
    const { client, delays } = recordingClient({ retries: 2 })
    const error = await rejection(client.get(INDEX))
    expect(error.kind).toBe('network')
    expect(calls).toBe(3)
    expect(delays).toHaveLength(2)
  })

  it('treats a transport that throws a plain error as a network failure', async () => {
    const transport = () => Promise.reject(new TypeError('Failed to fetch'))
    const error = await rejection(createHttpClient({ retries: 0, transport }).get(INDEX))
    expect(error.kind).toBe('network')
    expect(error.message).toContain('Failed to fetch')
  })
})

describe('backoffDelay', () => {
  it('is random() times base·2^attempt', () => {
    expect(backoffDelay(0, 500, 8000, () => 0.5)).toBe(250)
    expect(backoffDelay(3, 500, 8000, () => 0.5)).toBe(2000)
  })

  it('never exceeds maxDelayMs, however many attempts', () => {
    expect(backoffDelay(10, 500, 8000, () => 0.999)).toBeLessThanOrEqual(8000)
    expect(backoffDelay(2000, 500, 8000, () => 0.999)).toBeLessThanOrEqual(8000)
  })

  it('stays within [0, ceiling] when random() misbehaves', () => {
    expect(backoffDelay(0, 500, 8000, () => 7)).toBe(500)
    expect(backoffDelay(0, 500, 8000, () => -1)).toBe(0)
    expect(backoffDelay(0, 500, 8000, () => NaN)).toBe(0)
  })
})

describe('parseRetryAfter', () => {
  const NOW = Date.UTC(1994, 10, 6, 8, 47, 37)

  it('reads delta-seconds: digits only', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120)
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0)
  })

  it('reads the three HTTP-date forms as seconds from now', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(120)
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(120)
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', NOW)).toBe(120)
  })

  it('counts a date in the past as 0', () => {
    expect(parseRetryAfter('Sat, 05 Nov 1994 08:49:37 GMT', NOW)).toBe(0)
  })

  it.each(['1.5', '-1', '+5', '1e3', '0x10', '', '120 s', 'soon', '2026-11-20T08:00:00Z', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:00:00 GMT'])(
    'ignores %j: neither delta-seconds nor an HTTP-date',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeUndefined()
    },
  )

  it('is undefined without the header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined()
  })
})

describe('parseMaxAge', () => {
  it('reads max-age among other directives', () => {
    expect(parseMaxAge('public, max-age=120, stale-while-revalidate=30')).toBe(120)
    expect(parseMaxAge('MAX-AGE="45"')).toBe(45)
  })

  it('counts no-store and no-cache as 0 whatever max-age says', () => {
    expect(parseMaxAge('no-store')).toBe(0)
    expect(parseMaxAge('max-age=600, no-cache')).toBe(0)
  })

  it('is undefined when there is nothing usable', () => {
    expect(parseMaxAge(null)).toBeUndefined()
    expect(parseMaxAge('')).toBeUndefined()
    expect(parseMaxAge('public')).toBeUndefined()
    expect(parseMaxAge('max-age=soon')).toBeUndefined()
    expect(parseMaxAge('s-maxage=60')).toBeUndefined()
  })
})

// A stand-in for the XMLHttpRequest of an old set-top-box browser: just enough of the API, driven by a script.
type XhrScript = (xhr: FakeXhr) => void

class FakeXhr {
  static script: XhrScript = () => undefined
  static instances: FakeXhr[] = []
  method = ''
  url = ''
  timeout = 0
  status = 0
  responseText = ''
  requestHeaders: Record<string, string> = {}
  responseHeaders: Record<string, string> = {}
  aborted = false
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  ontimeout: (() => void) | null = null

  constructor() {
    FakeXhr.instances.push(this)
  }
  open(method: string, url: string): void {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string): void {
    this.requestHeaders[name] = value
  }
  getResponseHeader(name: string): string | null {
    const key = Object.keys(this.responseHeaders).find((k) => k.toLowerCase() === name.toLowerCase())
    return key === undefined ? null : (this.responseHeaders[key] ?? null)
  }
  send(): void {
    FakeXhr.script(this)
  }
  abort(): void {
    this.aborted = true
    this.onabort?.()
  }
  respond(status: number, text: string, headers: Record<string, string> = {}): void {
    setTimeout(() => {
      this.status = status
      this.responseText = text
      this.responseHeaders = headers
      this.onload?.()
    }, 0)
  }
}

function installFakeXhr(script: XhrScript): void {
  FakeXhr.script = script
  FakeXhr.instances = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
}

describe('xhrTransport', () => {
  it('sends a GET with the headers and resolves with status, body and headers', async () => {
    installFakeXhr((xhr) => xhr.respond(200, '{"a":1}', { ETag: '"x"' }))
    const res = await xhrTransport()(INDEX, { headers: { 'If-None-Match': '"w"' }, timeoutMs: 1000 })
    const xhr = FakeXhr.instances[0]
    expect(xhr?.method).toBe('GET')
    expect(xhr?.url).toBe(INDEX)
    expect(xhr?.requestHeaders).toEqual({ 'If-None-Match': '"w"' })
    expect(xhr?.timeout).toBe(1000)
    expect(res.status).toBe(200)
    expect(res.text).toBe('{"a":1}')
    expect(res.header('etag')).toBe('"x"')
  })

  it('gives a 304 empty text', async () => {
    installFakeXhr((xhr) => xhr.respond(304, 'stale body a proxy left in', {}))
    const res = await xhrTransport()(INDEX, { headers: {}, timeoutMs: 1000 })
    expect(res).toMatchObject({ status: 304, text: '' })
  })

  it('rejects with kind network on error', async () => {
    installFakeXhr((xhr) => setTimeout(() => xhr.onerror?.(), 0))
    const error = await rejection(xhrTransport()(INDEX, { headers: {}, timeoutMs: 1000 }))
    expect(error.kind).toBe('network')
  })

  it('rejects with kind network when a load reports status 0', async () => {
    installFakeXhr((xhr) => xhr.respond(0, ''))
    const error = await rejection(xhrTransport()(INDEX, { headers: {}, timeoutMs: 1000 }))
    expect(error.kind).toBe('network')
  })

  it('times out and aborts even when the browser ignores xhr.timeout', async () => {
    installFakeXhr(() => undefined)
    const error = await rejection(xhrTransport()(INDEX, { headers: {}, timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
    expect(FakeXhr.instances[0]?.aborted).toBe(true)
  })

  it('reports the browser’s own timeout event as kind timeout', async () => {
    installFakeXhr((xhr) => setTimeout(() => xhr.ontimeout?.(), 0))
    const error = await rejection(xhrTransport()(INDEX, { headers: {}, timeoutMs: 1000 }))
    expect(error.kind).toBe('timeout')
  })

  it('drives the client through retries like any transport', async () => {
    let n = 0
    installFakeXhr((xhr) => {
      n += 1
      xhr.respond(n === 1 ? 503 : 200, n === 1 ? '' : '{"ok":true}', { 'Cache-Control': 'max-age=90' })
    })
    const { client, delays } = recordingClient({ transport: xhrTransport() })
    const res = await client.get(INDEX)
    expect(res).toMatchObject({ status: 200, text: '{"ok":true}', maxAgeSeconds: 90 })
    expect(delays).toHaveLength(1)
  })
})

/**
 * Chrome 42–65: fetch, but no AbortController. Deleted (not set to undefined) as on those engines, and
 * put back after the test.
 */
function deleteAbortController(): void {
  const g = globalThis as { AbortController?: unknown }
  const saved = g.AbortController
  delete g.AbortController
  onTestFinished(() => {
    g.AbortController = saved
  })
}

describe('defaultTransport', () => {
  it('uses XMLHttpRequest where fetch exists but AbortController does not (a stalled fetch could not be aborted)', async () => {
    deleteAbortController()
    let fetched = 0
    vi.stubGlobal('fetch', () => {
      fetched += 1
      return new Promise<never>(() => undefined)
    })
    installFakeXhr((xhr) => xhr.respond(200, 'via xhr'))
    const res = await defaultTransport()(INDEX, { headers: {}, timeoutMs: 1000 })
    expect(res.text).toBe('via xhr')
    expect(fetched).toBe(0)
  })

  it('times out a stalled settings.json on such an engine, and aborts the request', async () => {
    // src/index.ts reads settings.json through defaultTransport() directly, without the client's timer.
    deleteAbortController()
    vi.stubGlobal('fetch', () => new Promise<never>(() => undefined))
    installFakeXhr(() => undefined)
    const started = Date.now()
    const error = await rejection(defaultTransport()('settings.json', { headers: {}, timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(500)
    expect(FakeXhr.instances[0]?.aborted).toBe(true)
  })

  it('times out even on an engine with fetch and neither AbortController nor XMLHttpRequest', async () => {
    deleteAbortController()
    vi.stubGlobal('XMLHttpRequest', undefined)
    vi.stubGlobal('fetch', () => new Promise<never>(() => undefined))
    const error = await rejection(defaultTransport()(INDEX, { headers: {}, timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
  })

  it('falls back to XMLHttpRequest where fetch is missing', async () => {
    vi.stubGlobal('fetch', undefined)
    installFakeXhr((xhr) => xhr.respond(200, 'via xhr'))
    const res = await defaultTransport()(INDEX, { headers: {}, timeoutMs: 1000 })
    expect(res.text).toBe('via xhr')
    expect(FakeXhr.instances).toHaveLength(1)
  })

  it('uses fetch where it exists', async () => {
    installFakeXhr((xhr) => xhr.respond(200, 'via xhr'))
    server.use(http.get(INDEX, () => new HttpResponse('via fetch')))
    const res = await defaultTransport()(INDEX, { headers: {}, timeoutMs: 1000 })
    expect(res.text).toBe('via fetch')
    expect(FakeXhr.instances).toHaveLength(0)
  })
})

describe('fetchTransport', () => {
  it('times out on its own where AbortController is missing, without the client around it', async () => {
    deleteAbortController()
    vi.stubGlobal('fetch', () => new Promise<never>(() => undefined))
    const error = await rejection(fetchTransport()(INDEX, { headers: {}, timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
  })

  it('aborts the request when it times out where AbortController exists', async () => {
    let signal: AbortSignal | undefined
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined
      return new Promise<never>(() => undefined)
    })
    const error = await rejection(fetchTransport()(INDEX, { headers: {}, timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
    expect(signal?.aborted).toBe(true)
  })

  it('does not read the body of a 304', async () => {
    server.use(http.get(INDEX, () => new HttpResponse(null, { status: 304 })))
    const res = await fetchTransport()(INDEX, { headers: {}, timeoutMs: 1000 })
    expect(res).toMatchObject({ status: 304, text: '' })
  })
})
