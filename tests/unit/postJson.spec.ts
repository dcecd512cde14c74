/**
 * A JSON POST for personal lookups: the body carries what must not be logged, no cache on the way may
 * keep request or answer, and it gives up in time on every engine, with fetch where fetch can be aborted
 * and XMLHttpRequest everywhere else. Its errors never repeat what was sent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupServer } from 'msw/node'
import { delay, http, HttpResponse } from 'msw'
import { fetchPostJson, PostError, postJson, xhrPostJson } from '../../src/feed/postJson'
import { FakeXhr, installFakeXhr } from './fakeXhr'

const URL_ = 'https://api.test/v1/applications/lookup'
const SECRET = { applicationNo: '2026112000001', code: '482913' }

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.unstubAllGlobals()
})
afterAll(() => server.close())

async function rejection(p: Promise<unknown>): Promise<PostError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(PostError)
    return e as PostError
  }
  throw new Error('expected the request to fail')
}

function expectNothingSecretIn(error: Error): void {
  const text = `${error.name} ${error.message} ${String(error.stack)}`
  expect(text).not.toContain(SECRET.code)
  expect(text).not.toContain(SECRET.applicationNo)
}

const headerNames = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

describe('fetchPostJson', () => {
  it('POSTs the body as JSON, asks every cache not to keep it and sends no cookies', async () => {
    let seen: { method: string; url: string; body: string; cache: string; credentials: string; headers: Record<string, string> } | undefined
    server.use(
      http.post(URL_, async ({ request }) => {
        seen = {
          method: request.method,
          url: request.url,
          body: await request.text(),
          cache: request.cache,
          credentials: request.credentials,
          headers: Object.fromEntries(request.headers.entries()),
        }
        return HttpResponse.json({ ok: true }, { headers: { 'Retry-After': '5' } })
      }),
    )
    const res = await fetchPostJson()(URL_, SECRET, { timeoutMs: 1000 })
    expect(res.status).toBe(200)
    expect(res.text).toBe('{"ok":true}')
    expect(res.header('retry-after')).toBe('5')
    expect(seen?.method).toBe('POST')
    expect(seen?.url).toBe(URL_)
    expect(JSON.parse(seen?.body ?? '')).toEqual(SECRET)
    expect(seen?.cache).toBe('no-store')
    expect(seen?.credentials).toBe('omit')
    expect(seen?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'cache-control': 'no-store',
      pragma: 'no-cache',
    })
  })

  it('returns 4xx and 5xx answers as they are, for the caller to read', async () => {
    server.use(http.post(URL_, () => HttpResponse.json({ error: 'wrong-code' }, { status: 403 })))
    expect(await fetchPostJson()(URL_, SECRET, { timeoutMs: 1000 })).toMatchObject({ status: 403, text: '{"error":"wrong-code"}' })
  })

  it('gives up after the timeout with kind timeout, and says nothing of what it sent', async () => {
    server.use(
      http.post(URL_, async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    const error = await rejection(fetchPostJson()(URL_, SECRET, { timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
    expectNothingSecretIn(error)
  })

  it('gives up in time even when the engine ignores the abort', async () => {
    vi.stubGlobal('fetch', () => new Promise(() => undefined))
    const error = await rejection(fetchPostJson()(URL_, SECRET, { timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
  })

  it('reports an unreachable service as kind network, without the body or the query string', async () => {
    server.use(http.post(`${URL_}`, () => HttpResponse.error()))
    const error = await rejection(fetchPostJson()(`${URL_}?trace=2026112000001`, SECRET, { timeoutMs: 1000 }))
    expect(error.kind).toBe('network')
    expectNothingSecretIn(error)
    expect(error.message).toContain('https://api.test/v1/applications/lookup')
  })
})

describe('xhrPostJson', () => {
  it('POSTs the body as JSON asynchronously, with the no-store headers and without cookies', async () => {
    installFakeXhr((xhr) => xhr.respond(200, '{"ok":true}', { 'Retry-After': '7' }))
    const res = await xhrPostJson()(URL_, SECRET, { timeoutMs: 1000 })
    const xhr = FakeXhr.instances[0]
    expect(xhr?.method).toBe('POST')
    expect(xhr?.url).toBe(URL_)
    expect(xhr?.async).toBe(true)
    expect(xhr?.withCredentials).toBe(false)
    expect(xhr?.timeout).toBe(1000)
    expect(JSON.parse(String(xhr?.sent))).toEqual(SECRET)
    expect(headerNames(xhr?.requestHeaders ?? {})).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'cache-control': 'no-store',
      pragma: 'no-cache',
    })
    expect(res).toMatchObject({ status: 200, text: '{"ok":true}' })
    expect(res.header('retry-after')).toBe('7')
  })

  it('times out and aborts even when the browser ignores xhr.timeout', async () => {
    installFakeXhr(() => undefined)
    const error = await rejection(xhrPostJson()(URL_, SECRET, { timeoutMs: 30 }))
    expect(error.kind).toBe('timeout')
    expect(FakeXhr.instances[0]?.aborted).toBe(true)
    expectNothingSecretIn(error)
  })

  it('reports the browser’s own timeout event as kind timeout', async () => {
    installFakeXhr((xhr) => setTimeout(() => xhr.ontimeout?.(), 0))
    expect((await rejection(xhrPostJson()(URL_, SECRET, { timeoutMs: 1000 }))).kind).toBe('timeout')
  })

  it('reports an error event, and a load with status 0 (old WebKit), as kind network', async () => {
    installFakeXhr((xhr) => setTimeout(() => xhr.onerror?.(), 0))
    const error = await rejection(xhrPostJson()(URL_, SECRET, { timeoutMs: 1000 }))
    expect(error.kind).toBe('network')
    expectNothingSecretIn(error)
    installFakeXhr((xhr) => xhr.respond(0, ''))
    expect((await rejection(xhrPostJson()(URL_, SECRET, { timeoutMs: 1000 }))).kind).toBe('network')
  })
})

describe('postJson picks the transport when it is called', () => {
  function both(): { fetchCalls: () => number } {
    let calls = 0
    server.use(
      http.post(URL_, () => {
        calls += 1
        return new HttpResponse('via fetch')
      }),
    )
    installFakeXhr((xhr) => xhr.respond(200, 'via xhr'))
    return { fetchCalls: () => calls }
  }

  it('uses fetch where fetch and AbortController exist', async () => {
    const { fetchCalls } = both()
    expect((await postJson(URL_, SECRET, { timeoutMs: 1000 })).text).toBe('via fetch')
    expect(fetchCalls()).toBe(1)
    expect(FakeXhr.instances).toHaveLength(0)
  })

  it('uses XMLHttpRequest where fetch exists but cannot be aborted (Chrome 42–65)', async () => {
    const { fetchCalls } = both()
    vi.stubGlobal('AbortController', undefined)
    expect((await postJson(URL_, SECRET, { timeoutMs: 1000 })).text).toBe('via xhr')
    expect(fetchCalls()).toBe(0)
  })

  it('uses XMLHttpRequest where fetch is missing', async () => {
    both()
    vi.stubGlobal('fetch', undefined)
    expect((await postJson(URL_, SECRET, { timeoutMs: 1000 })).text).toBe('via xhr')
  })
})
