/**
 * Serves a built folder on loopback. Used by `npm start`, the browser tests and the benchmark.
 * `--feed` also answers the feed and progress API from the mock handlers over plain HTTP (no service
 * worker), the way a CDN would: the benchmark measures real network requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HttpHandler } from 'msw'
import sirv from 'sirv'

export interface ServeOptions {
  dir: string
  /** Default 0: any free port. */
  port?: number
  /**
   * When `port` is taken, how many ports after it to try in turn (`npm start` without --port: 8080–8099).
   * Default 0: a taken port is refused.
   */
  nextFreePorts?: number
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
  const { documentResponse, errorJson, faqRoutes, feedRoutes } = await import('../mocks/handlers')
  const { generateLargeIndex, generateNoticeDetail } = await import('../mocks/largeFeed')
  const { generateLargeFaq, generateLargeFaqEntry } = await import('../mocks/largeFaq')
  const routes = feedRoutes(feedBase)
  const faq = faqRoutes(feedBase)
  // Generated once and kept: documentResponse serializes (and hashes) an object once.
  // 常见问题: 30 000 questions over ten topics (the benchmark's search figure uses the same generator).
  const knowledge = generateLargeFaq()
  const index = { ...generateLargeIndex(region.count ?? 10_000, region.code), faq: knowledge.topics }
  const mine = (code: string | undefined): boolean => code === region.code
  return [
    http.get<{ region: string; topic: string }>(faq.topic, ({ request, params }) => {
      if (!mine(params.region)) return undefined
      const shard = knowledge.shards[params.topic]
      return shard ? documentResponse(request, shard) : errorJson(404, 'faq-topic-not-found')
    }),
    http.get<{ region: string }>(faq.search, ({ request, params }) => (mine(params.region) ? documentResponse(request, knowledge.search) : undefined)),
    http.get<{ region: string; id: string }>(faq.entry, ({ request, params }) =>
      mine(params.region) ? documentResponse(request, generateLargeFaqEntry(params.id)) : undefined,
    ),
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

/** A port could not be had; the message is one sentence meant for the person who ran the command. */
export class PortError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PortError'
  }
}

/** Listens on `port`; false when it is taken, so the caller can move on. Other failures reject as they are. */
function listenOn(server: Server, port: number, host: string): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening)
      if (error.code === 'EADDRINUSE') resolve(false)
      else reject(new PortError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`))
    }
    const onListening = (): void => {
      server.off('error', onError)
      resolve(true)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
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
  const first = options.port ?? 0
  const last = first === 0 ? 0 : Math.min(65535, first + Math.max(0, Math.floor(options.nextFreePorts ?? 0)))
  let listening = false
  for (let candidate = first; candidate <= last && !listening; candidate++) {
    listening = await listenOn(server, candidate, host)
  }
  if (!listening) {
    throw new PortError(first === last ? `port ${first} is already in use` : `ports ${first}–${last} are all in use`)
  }
  const { port } = server.address() as AddressInfo
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  if (options.feed) feed = await feedResponder(url, options.largeRegion)
  return {
    url,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

/** `npm start` tries 8080, then each port up to 8099: another app (or another `npm start`) often has 8080. */
export const DEFAULT_PORT = 8080
export const DEFAULT_NEXT_FREE_PORTS = 19

/**
 * The command line of `tsx scripts/serve.ts`. A port given with --port (or PORT) is kept or refused, never
 * swapped for another: whoever gave it has a reason (a bookmark, a proxy, a box pointed at it).
 */
export function parseServeArgs(args: readonly string[], env: Record<string, string | undefined>): ServeOptions {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const dir = value('--dir') ?? 'dist'
  const given = value('--port') ?? (env.PORT ? env.PORT : undefined)
  if (given !== undefined && !(/^\d+$/.test(given) && Number(given) <= 65535)) {
    throw new PortError(`--port must be a number from 0 to 65535; got ${given}`)
  }
  const port = given === undefined ? DEFAULT_PORT : Number(given)
  // --large-region 999999 or 999999:10000: a generated region (with --feed) for trying the long list by hand.
  const large = value('--large-region')?.split(':')
  const largeRegion = large?.[0] ? { code: large[0], ...(large[1] ? { count: Number(large[1]) } : {}) } : undefined
  const options: ServeOptions = { dir, port, nextFreePorts: given === undefined ? DEFAULT_NEXT_FREE_PORTS : 0, feed: args.includes('--feed') }
  if (largeRegion) options.largeRegion = largeRegion
  return options
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')
if (isMain) {
  const fail = (error: unknown): void => {
    if (!(error instanceof PortError)) throw error
    const hint = error.message.startsWith('port ')
      ? '; choose another with --port, or leave --port out to take the next free one'
      : error.message.startsWith('ports ')
        ? '; choose a free one with --port'
        : ''
    console.error(`serve: ${error.message}${hint}`)
    process.exitCode = 1
  }
  try {
    const options = parseServeArgs(process.argv.slice(2), process.env)
    serve(options).then(({ url }) => {
      console.log(`\n  政务服务 TV app is running:  ${url}/\n`)
      console.log(`  Editors' preview:             ${url}/preview.html`)
      console.log(`  Remote: arrows, Enter = OK, Backspace/Escape = Back, PageUp/PageDown, digits\n`)
    }, fail)
  } catch (error) {
    fail(error)
  }
}
