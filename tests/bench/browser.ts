/**
 * Headless Chromium for the benchmark: one browser per session (a fresh or a reused profile folder), the
 * page at 1280×720 or 1920×1080, CPU throttling through the DevTools protocol, keys sent the way a remote's
 * reach the page (CDP Input.dispatchKeyEvent: trusted events through the browser's input pipeline), a held
 * key as a remote's auto-repeat, and heap figures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core'

import { CHROMIUM_ARGS } from '../../scripts/ensure-browser'

export interface Viewport {
  width: number
  height: number
}

export const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 720 }

const PROBE = readFileSync(fileURLToPath(new URL('./probe.js', import.meta.url)), 'utf8')
const PAINT_PROBE = readFileSync(fileURLToPath(new URL('./paintProbe.js', import.meta.url)), 'utf8')

/**
 * For start-up runs: only times getContext('webgl') (one native call, wrapped once), because creating the
 * WebGL context (which waits for the GPU process and SwiftShader) is a large and, on a busy machine, very
 * variable part of every Lightning start, the floor's included. Read back as window.__benchWebglMs.
 */
const START_PROBE = `;(function () {
  var original = HTMLCanvasElement.prototype.getContext
  window.__benchWebglMs = []
  HTMLCanvasElement.prototype.getContext = function (type) {
    if (type !== 'webgl' && type !== 'experimental-webgl' && type !== 'webgl2') return original.apply(this, arguments)
    var started = performance.now()
    var context = original.apply(this, arguments)
    window.__benchWebglMs.push(performance.now() - started)
    return context
  }
})()`

export interface SessionOptions {
  executablePath: string
  /** CPU slowdown factor (1 = none), applied before the first navigation. */
  cpuRate: number
  /** Reuse this profile folder (kept on close); without it a fresh one is made and removed on close. */
  profile?: string
  /** The window (and screen) in CSS pixels, at device pixel ratio 1; default 1280×720. */
  viewport?: Viewport
  /** Install tests/bench/probe.js and paintProbe.js (window.__bench) before the page's scripts. */
  probe?: boolean
  /** Time WebGL context creation (window.__benchWebglMs); for start-up runs. */
  webglTimer?: boolean
  /** More Chromium switches (--chromium-arg), after CHROMIUM_ARGS. */
  extraArgs?: readonly string[]
  /** Abort every request whose path starts with /feed/ (a dead network for the feed only). */
  feedOffline?: boolean
}

export type RemoteKey = 'ArrowDown' | 'ArrowUp' | 'ArrowLeft' | 'ArrowRight' | 'Enter' | 'Backspace' | 'PageDown' | 'PageUp' | '2' | '9'

const KEY_CODES: Record<RemoteKey, number> = {
  ArrowDown: 40,
  ArrowUp: 38,
  ArrowLeft: 37,
  ArrowRight: 39,
  Enter: 13,
  Backspace: 8,
  PageDown: 34,
  PageUp: 33,
  // Digit keys (常见问题 search).
  '2': 50,
  '9': 57,
}

export interface HoldResult {
  /** Key events sent, the first included. */
  sent: number
  /** From the first keyDown to the keyUp, as sent. */
  heldMs: number
}

export interface HeapFigures {
  /** V8 heap in use after forced garbage collection (bytes). */
  usedBytes: number
  totalBytes: number
  domNodes?: number
  jsEventListeners?: number
}

/** Every live session, so that an error or Ctrl-C anywhere can close them all. */
const live = new Set<Session>()

export class Session {
  private closed = false

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly cdp: CDPSession,
    readonly profile: string,
    private readonly ownsProfile: boolean,
    readonly errors: string[],
  ) {}

  static async open(options: SessionOptions): Promise<Session> {
    const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'gov-tv-bench-profile-'))
    let context: BrowserContext | undefined
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: options.executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
        viewport: options.viewport ?? DEFAULT_VIEWPORT,
        screen: options.viewport ?? DEFAULT_VIEWPORT,
        deviceScaleFactor: 1,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        timeout: 60_000,
      })
      if (options.probe) {
        await context.addInitScript({ content: PROBE })
        await context.addInitScript({ content: PAINT_PROBE })
      }
      if (options.webglTimer) await context.addInitScript({ content: START_PROBE })
      const page = context.pages()[0] ?? (await context.newPage())
      if (options.feedOffline) {
        await page.route(
          (url) => url.pathname.startsWith('/feed/'),
          (route) => route.abort('internetdisconnected'),
        )
      }
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuRate })
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(String(error)))
      const session = new Session(context, page, cdp, profile, options.profile === undefined, errors)
      live.add(session)
      return session
    } catch (error) {
      await context?.close().catch(() => undefined)
      if (options.profile === undefined) rmSync(profile, { recursive: true, force: true })
      throw error
    }
  }

  /** Loads `url` and returns once the document has committed (the app's scripts run on their own). */
  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'commit', timeout: 30_000 })
  }

  /**
   * Time (ms from navigation start) of a User Timing mark, awaited with a PerformanceObserver in the page;
   * null after timeoutMs. Works without the probe.
   */
  async mark(name: string, timeoutMs: number): Promise<number | null> {
    const expression = `new Promise(function (resolve) {
      function found() { var e = performance.getEntriesByName(${JSON.stringify(name)}, 'mark')[0]; if (e) resolve(e.startTime); return !!e }
      if (found()) return
      var o = new PerformanceObserver(function () { if (found()) o.disconnect() })
      o.observe({ type: 'mark', buffered: true })
      setTimeout(function () { o.disconnect(); resolve(null) }, ${timeoutMs})
    })`
    return this.page.evaluate<number | null>(expression)
  }

  /** One remote key: keyDown then keyUp, trusted, with the keyCode Lightning reads. */
  async press(key: RemoteKey): Promise<void> {
    const code = KEY_CODES[key]
    const base = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code }
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base })
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base })
  }

  /**
   * A held remote key: one keyDown, then auto-repeat keyDowns (`autoRepeat`, so the page sees
   * event.repeat) at `hz` on the sender's clock, then keyUp. Each event is sent on time whether or not
   * the page has handled the previous one, as a remote keeps sending: a page that cannot keep up gets
   * them queued, as on a box.
   */
  async hold(key: RemoteKey, options: { repeats: number; hz: number }): Promise<HoldResult> {
    const code = KEY_CODES[key]
    const base = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code }
    const sent: Promise<unknown>[] = []
    const started = Date.now()
    sent.push(this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base }))
    for (let i = 1; i <= options.repeats; i++) {
      const due = started + (i * 1000) / options.hz
      const wait = due - Date.now()
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait))
      sent.push(this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', autoRepeat: true, ...base }))
    }
    const heldMs = Date.now() - started
    sent.push(this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }))
    await Promise.all(sent)
    return { sent: options.repeats + 1, heldMs }
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate<T>(expression)
  }

  /** Forces full garbage collection (twice: the first can leave weakly held objects for the second). */
  async collectGarbage(): Promise<void> {
    await this.cdp.send('HeapProfiler.collectGarbage')
    await this.cdp.send('HeapProfiler.collectGarbage')
  }

  async heap(): Promise<HeapFigures> {
    await this.collectGarbage()
    const usage = await this.cdp.send('Runtime.getHeapUsage')
    const counters = await this.cdp.send('Memory.getDOMCounters').catch(() => undefined)
    return {
      usedBytes: usage.usedSize,
      totalBytes: usage.totalSize,
      ...(counters ? { domNodes: counters.nodes, jsEventListeners: counters.jsEventListeners } : {}),
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    live.delete(this)
    // A wedged browser must not hold the benchmark: give it 10 s, then carry on.
    await Promise.race([this.context.close().catch(() => undefined), new Promise((ok) => setTimeout(ok, 10_000))])
    if (this.ownsProfile) rmSync(this.profile, { recursive: true, force: true })
  }
}

export async function closeAllSessions(): Promise<void> {
  await Promise.all([...live].map((s) => s.close()))
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'gov-tv-bench-profile-'))
}
