/**
 * WebKit for the browser journeys: Debian's WebKitGTK MiniBrowser driven by WebKitWebDriver over plain
 * W3C WebDriver HTTP (a few requests; no client library), on a virtual X screen (Xvfb).
 * scripts/ensure-browser.ts installs webkit2gtk-driver and xvfb on Debian.
 *
 * WebDriver has no "run before the page" hook, so a small proxy in front of the app server adds an
 * error recorder at the top of index.html: every uncaught error and console.error lands in
 * `window.__errors`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver'
export const XVFB = '/usr/bin/Xvfb'
export const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
]

export function findMiniBrowser(): string | undefined {
  return MINIBROWSER_CANDIDATES.find((p) => existsSync(p))
}

/** What is missing for the WebKit journeys, for a clear failure message; [] when all is there. */
export function missingWebKitParts(): string[] {
  const missing: string[] = []
  if (!existsSync(WEBKIT_DRIVER)) missing.push(`${WEBKIT_DRIVER} (Debian: webkit2gtk-driver)`)
  if (!findMiniBrowser()) missing.push('MiniBrowser (Debian: libwebkit2gtk-4.1-0)')
  if (!existsSync(XVFB)) missing.push(`${XVFB} (Debian: xvfb)`)
  return missing
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms))

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(100)
  }
}

/** The recorder placed before the app's scripts. Plain ES5: it must run on every engine. */
const ERROR_RECORDER = `<script>
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push('error: ' + (e.error && e.error.stack || e.message)); });
window.addEventListener('unhandledrejection', function (e) { window.__errors.push('unhandledrejection: ' + (e.reason && e.reason.stack || e.reason)); });
(function () { var original = console.error; console.error = function () { window.__errors.push('console.error: ' + Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); }; })();
</script>`

/** A proxy to `target` that adds the error recorder to index.html; everything else passes through. */
async function recordingProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target)
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/'
    const isPage = /^\/(index\.html)?(\?|#|$)/.test(path)
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path, method: req.method, headers: { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' } },
      (up) => {
        if (!isPage || up.statusCode !== 200) {
          res.writeHead(up.statusCode ?? 502, up.headers)
          up.pipe(res)
          return
        }
        let html = ''
        up.setEncoding('utf8')
        up.on('data', (chunk: string) => (html += chunk))
        up.on('end', () => {
          const body = html.replace('<head>', `<head>${ERROR_RECORDER}`)
          const headers = { ...up.headers, 'content-length': String(Buffer.byteLength(body)) }
          delete headers.etag
          res.writeHead(200, headers)
          res.end(body)
        })
      },
    )
    forward.on('error', (e) => {
      res.statusCode = 502
      res.end(String(e))
    })
    req.pipe(forward)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}

/** W3C WebDriver key values for the remote's keys. */
export const WEBDRIVER_KEYS = {
  Up: '\uE013',
  Down: '\uE015',
  Left: '\uE012',
  Right: '\uE014',
  OK: '\uE007',
  Back: '\uE003',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
} as const
export type WebKitKey = keyof typeof WEBDRIVER_KEYS

export class WebKitTv {
  private constructor(
    private readonly xvfb: ChildProcess,
    private readonly driver: ChildProcess,
    private readonly driverUrl: string,
    private readonly sessionId: string,
    private readonly proxy: { url: string; close(): Promise<void> },
  ) {}

  static async launch(appBaseUrl: string, viewport = { width: 1920, height: 1080 }): Promise<WebKitTv> {
    const missing = missingWebKitParts()
    if (missing.length) throw new Error(`WebKit journeys need: ${missing.join(', ')}. Run npx tsx scripts/ensure-browser.ts as root on Debian.`)
    // A display number of our own; Xvfb says when it is ready by the socket appearing.
    const display = 90 + Math.floor(Math.random() * 400)
    const xvfb = spawn(XVFB, [`:${display}`, '-screen', '0', `${viewport.width}x${viewport.height}x24`, '-nolisten', 'tcp'], { stdio: 'ignore' })
    await waitFor('Xvfb', 10_000, () => existsSync(`/tmp/.X11-unix/X${display}`))
    const port = await freePort()
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: `:${display}`, WEBKIT_DISABLE_COMPOSITING_MODE: '0' },
      stdio: 'ignore',
    })
    const driverUrl = `http://127.0.0.1:${port}`
    await waitFor('WebKitWebDriver', 15_000, async () => {
      try {
        return (await fetch(`${driverUrl}/status`)).ok
      } catch {
        return false
      }
    })
    const created = await call<{ sessionId: string }>(driverUrl, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          // Without --automation the session never starts (lightning-facts.md).
          'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: ['--automation'] },
        },
      },
    })
    const proxy = await recordingProxy(appBaseUrl)
    const tv = new WebKitTv(xvfb, driver, driverUrl, created.sessionId, proxy)
    await tv.session('POST', '/window/rect', { x: 0, y: 0, width: viewport.width, height: viewport.height }).catch(() => undefined)
    return tv
  }

  private session<T>(method: string, path: string, body?: unknown): Promise<T> {
    return call<T>(this.driverUrl, method, `/session/${this.sessionId}${path}`, body)
  }

  /** Loads the app at `#hash` with Lightning's inspector on; `query` adds parameters (e.g. mock=0). */
  async open(hash: string, query: Record<string, string> = {}): Promise<void> {
    const params = new URLSearchParams({ inspector: '1', ...query })
    await this.session('POST', '/url', { url: `${this.proxy.url}/?${params.toString()}#${hash}` })
  }

  /** Runs a function body in the page (WebDriver "execute script"); returns its value. */
  execute<T>(body: string): Promise<T> {
    return this.session<T>('POST', '/execute/sync', { script: body, args: [] })
  }

  texts(): Promise<string[]> {
    return this.execute<string[]>(`
      function shown(el) {
        for (var n = el; n; n = n.parentElement) {
          if (n.style && n.style.display === 'none') return false;
          if (n.getAttribute && (n.getAttribute('visible') === 'false' || n.getAttribute('alpha') === '0')) return false;
        }
        return true;
      }
      return Array.prototype.slice.call(document.querySelectorAll('[texture-text]')).filter(shown).map(function (e) { return e.getAttribute('texture-text') || ''; });`)
  }

  focusedTexts(): Promise<string[]> {
    return this.execute<string[]>(`
      var f = document.querySelector('[focused="true"]');
      if (!f) return [];
      var all = Array.prototype.slice.call(f.querySelectorAll('[texture-text]'));
      if (f.hasAttribute('texture-text')) all.unshift(f);
      return all.map(function (e) { return e.getAttribute('texture-text') || ''; });`)
  }

  errors(): Promise<string[]> {
    return this.execute<string[]>('return window.__errors || ["the error recorder did not run"];')
  }

  private async waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    try {
      await waitFor(what, timeoutMs, check)
    } catch (error) {
      const [texts, focused, errors] = await Promise.all([this.texts(), this.focusedTexts(), this.errors()].map((p) => p.catch(() => [])))
      throw new Error(`${String(error)}\nOn screen: ${JSON.stringify(texts)}\nFocused: ${JSON.stringify(focused)}\nErrors: ${JSON.stringify(errors)}`)
    }
  }

  waitForText(substring: string, timeoutMs?: number): Promise<void> {
    return this.waitUntil(`text ${JSON.stringify(substring)}`, async () => (await this.texts()).some((t) => t.includes(substring)), timeoutMs)
  }

  waitForFocusedText(substring: string, timeoutMs?: number): Promise<void> {
    return this.waitUntil(`focused ${JSON.stringify(substring)}`, async () => (await this.focusedTexts()).some((t) => t.includes(substring)), timeoutMs)
  }

  async url(): Promise<string> {
    return this.session<string>('GET', '/url')
  }

  /** One key press (down and up) sent as the remote would, then a short pause for the frame. */
  async press(key: WebKitKey, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      const value = WEBDRIVER_KEYS[key]
      await this.session('POST', '/actions', {
        actions: [{ type: 'key', id: 'remote', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
      })
      await sleep(150)
    }
  }

  /** A PNG of the page (WebDriver screenshot), as a Buffer. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.session<string>('GET', '/screenshot'), 'base64')
  }

  async close(): Promise<void> {
    await this.session('DELETE', '').catch(() => undefined)
    await this.proxy.close().catch(() => undefined)
    this.driver.kill('SIGTERM')
    this.xvfb.kill('SIGTERM')
  }
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  })
  const answer = (await response.json()) as { value: T & { error?: string; message?: string } }
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${answer.value?.error ?? response.status} ${answer.value?.message ?? ''}`)
  return answer.value
}
