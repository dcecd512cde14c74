/**
 * Test support, not a spec: every request the msw node server sees, as a server, CDN or proxy log keeps
 * it (method, path and query string) and as the service reads it (body, headers, cache mode). Bodies are
 * read as they arrive. Start one per test; `server.events.removeAllListeners()` ends it.
 */
import type { SetupServer } from 'msw/node'

export interface Seen {
  /** Method, path and query string: what a server, CDN or proxy log keeps. */
  line: string
  body: unknown
  headers: Record<string, string>
  cache: string
}

export interface SeenRequests {
  requests(): Promise<Seen[]>
  /** Forgets what was seen so far. */
  clear(): void
}

export function watchRequests(server: SetupServer): SeenRequests {
  let seen: Promise<Seen>[] = []
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
  return {
    requests: () => Promise.all(seen),
    clear: () => {
      seen = []
    },
  }
}
