/**
 * Test support, not a spec: the msw node server of mocks/node.ts for a spec file (listening with unhandled
 * requests as errors, reset and unstubbed after each test), and every request it sees, as a server, CDN or
 * proxy log keeps it (method, path and query string) and as the service reads it (body, headers, cache
 * mode). Bodies are read as they arrive.
 */
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { resetMocks, server } from '../../mocks/node'

export interface Seen {
  /** Method, path and query string: what a server, CDN or proxy log keeps. */
  line: string
  body: unknown
  headers: Record<string, string>
  cache: string
}

export interface SeenRequests {
  /** What the mock service saw in this test so far. */
  requests(): Promise<Seen[]>
  /** Forgets what was seen so far. */
  clear(): void
}

/** Registers the spec file's hooks; call it once at the top level of the file. */
export function useMockService(): SeenRequests {
  let seen: Promise<Seen>[] = []
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(() => {
    seen = []
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url)
      const line = `${request.method} ${url.pathname}${url.search}`
      const headers = Object.fromEntries(request.headers.entries())
      seen.push(
        request
          .clone()
          .text()
          .then((text) => ({ line, body: text ? (JSON.parse(text) as unknown) : undefined, headers, cache: request.cache })),
      )
    })
  })
  afterEach(() => {
    server.events.removeAllListeners()
    resetMocks()
    vi.unstubAllGlobals()
  })
  afterAll(() => server.close())
  return {
    requests: () => Promise.all(seen),
    clear: () => {
      seen = []
    },
  }
}
