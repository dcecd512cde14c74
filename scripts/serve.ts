/**
 * Serves a built folder on loopback. Used by `npm start`, the browser tests and the benchmark.
 * `--feed` also answers the feed and progress API from the mock handlers over plain HTTP (no service
 * worker), the way a CDN would: the benchmark measures real network requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HttpHandler } from 'msw'
import sirv from 'sirv'

export interface ServeOptions {
  dir: string
  port?: number
  host?: string
  /** Answer /feed and /api from mocks/handlers.ts over HTTP. */
  feed?: boolean
  /**
   * With `feed`: also answer one generated region (mocks/largeFeed.ts), `count` notices (default 10 000)
   * under region `code`, each notice's detail generated on request. The benchmark's 10 000-notice list.
   */
  largeRegion?: { code: string; count?: number }
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

/** Handlers for a generated region, placed before the fixtures' (other regions fall through to them). */
async function largeRegionHandlers(feedBase: string, region: { code: string; count?: number }): Promise<HttpHandler[]> {
  const { http } = await import('msw')
  const { documentResponse, feedRoutes } = await import('../mocks/handlers')
  const { generateLargeIndex, generateNoticeDetail } = await import('../mocks/largeFeed')
  const routes = feedRoutes(feedBase)
  // Generated once and kept: documentResponse serializes (and hashes) an object once.
  const index = generateLargeIndex(region.count ?? 10_000, region.code)
  return [
    http.get<{ region: string }>(routes.index, ({ request, params }) =>
      params.region === region.code ? documentResponse(request, index) : undefined,
    ),
    http.get<{ region: string; id: string }>(routes.notice, ({ request, params }) =>
      params.region === region.code ? documentResponse(request, generateNoticeDetail(params.id, region.code)) : undefined,
    ),
  ]
}

async function feedResponder(
  baseUrl: string,
  largeRegion?: ServeOptions['largeRegion'],
): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<boolean>> {
  const { getResponse } = await import('msw')
  const { createHandlers } = await import('../mocks/handlers')
  const handlers: HttpHandler[] = [
    ...(largeRegion ? await largeRegionHandlers(`${baseUrl}/feed`, largeRegion) : []),
    ...createHandlers({ baseUrl: `${baseUrl}/feed`, progressBaseUrl: `${baseUrl}/api` }),
  ]
  return async (req, res) => {
    const url = new URL(req.url ?? '/', baseUrl)
    if (!url.pathname.startsWith('/feed/') && !url.pathname.startsWith('/api/')) return false
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    const response = await getResponse(handlers, new Request(url, { method: req.method, headers }))
    if (!response) return false
    res.statusCode = response.status
    response.headers.forEach((value, name) => res.setHeader(name, value))
    res.end(Buffer.from(await response.arrayBuffer()))
    return true
  }
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  // Every response is revalidated: a stale app.js after a rebuild would test the wrong code.
  const files = sirv(options.dir, { dev: true, etag: true })
  let feed: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined
  const server = createServer((req, res) => {
    void (async () => {
      if (feed && (await feed(req, res))) return
      files(req, res, () => {
        res.statusCode = 404
        res.end('not found')
      })
    })().catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  await new Promise<void>((ok) => server.listen(options.port ?? 0, host, ok))
  const { port } = server.address() as AddressInfo
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  if (options.feed) feed = await feedResponder(url, options.largeRegion)
  return {
    url,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')
if (isMain) {
  const args = process.argv.slice(2)
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const dir = value('--dir') ?? 'dist'
  const port = Number(value('--port') ?? process.env.PORT ?? 8080)
  // --large-region 999999 or 999999:10000: a generated region (with --feed) for trying the long list by hand.
  const large = value('--large-region')?.split(':')
  const largeRegion = large?.[0] ? { code: large[0], ...(large[1] ? { count: Number(large[1]) } : {}) } : undefined
  void serve({ dir, port, feed: args.includes('--feed'), largeRegion }).then(({ url }) => {
    console.log(`\n  政务服务 TV app is running:  ${url}/\n`)
    console.log(`  Editors' preview:             ${url}/preview.html`)
    console.log(`  Remote: arrows, Enter = OK, Backspace/Escape = Back, PageUp/PageDown, digits\n`)
  })
}
