/**
 * A remote control and a pair of eyes for the browser journeys: one headless Chromium showing the app at
 * TV size, keys pressed the way a remote sends them, and what is on screen read back from Lightning's
 * inspector (`?inspector=1` mirrors every element as a DOM <div> with `texture-text`, `focused`, `ref`).
 *
 * Every wait polls the inspector DOM (page.waitForFunction); there are no fixed sleeps.
 * Every console error and page error is recorded; `expectNoErrors()` fails the test on any that the
 * test did not name as expected.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core'
import type { ScenarioName } from '../../mocks/scenarios'
import { zhCN } from '../../src/i18n/strings'
import { HOME_TILES } from '../../src/layout/homeTiles'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/ensure-browser'

/** The Home tiles' labels as the box shows them (Chinese), left to right. */
export function homeTileLabels(): string[] {
  return HOME_TILES.map((tile) => zhCN[tile.label])
}

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))


/** The region static/settings.json names and the mock feed serves. */
export const REGION = { code: '431025', name: '临武县' } as const

/**
 * How long a wait for something on screen lasts by default. Generous: these machines have two cores
 * that other jobs share, and a cold Chromium start with a service worker can take several seconds.
 */
export const DEFAULT_WAIT_MS = 20_000

export const VIEWPORT_1080 = { width: 1920, height: 1080 } as const
export const VIEWPORT_720 = { width: 1280, height: 720 } as const

/** "Failed to load resource" for one URL path (a regular expression source), as Chromium logs it. */
export function failedResource(pathPattern: string, status?: number): RegExp {
  const why = status === undefined ? '.*' : `the server responded with a status of ${status}\\b.*`
  return new RegExp(`^Failed to load resource: ${why} https?://[^/]+/${pathPattern}`)
}

/** The mock feed's named failures (mocks/scenarios.ts), chosen with `?scenario=`. */
export type Scenario = ScenarioName

/** Remote keys by the names people use, plus anything Playwright's keyboard knows ('PageDown', '7'). */
const KEY_ALIASES: Record<string, string> = {
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  OK: 'Enter',
  Back: 'Backspace',
}
export type RemoteKey =
  | 'Up'
  | 'Down'
  | 'Left'
  | 'Right'
  | 'OK'
  | 'Back'
  | 'ArrowUp'
  | 'ArrowDown'
  | 'ArrowLeft'
  | 'ArrowRight'
  | 'Enter'
  | 'Backspace'
  | 'Escape'
  | 'PageUp'
  | 'PageDown'
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'

export interface RecordedError {
  kind: 'console' | 'pageerror'
  text: string
  /** For console messages: the script or, for "Failed to load resource", the resource that failed. */
  url: string
}

export interface LaunchOptions {
  viewport?: { width: number; height: number }
  /**
   * A Chromium profile folder to reuse (IndexedDB, the service worker and the HTTP cache survive a
   * restart when the same folder is passed again). Without it a fresh one is made and deleted on close.
   */
  profile?: string
  /** More Chromium switches, e.g. '--disable-webgl' for a box whose WebGL cannot make a context. */
  extraArgs?: readonly string[]
  /** Plain JavaScript run before any page script on every load (e.g. chromium30InitScript()). */
  initScript?: string
  /**
   * Serve index.html with only the legacy bundle's script, as an engine without ES modules sees it
   * (it ignores type="module" and runs the nomodule script).
   */
  legacyOnly?: boolean
  /**
   * Wait by polling from Node (page.evaluate) instead of page.waitForFunction, whose in-page helper
   * needs the engine's native Map and Symbol: for pages whose init script takes them away.
   */
  pollFromNode?: boolean
}

/**
 * The product's own index.html as an engine without ES modules runs it: the `type="module"` script is
 * not run and the `nomodule` one is. Fails loudly if the page no longer has both.
 */
export function withoutModuleScripts(html: string): string {
  const moduleScript = /<script type="module"[^>]*><\/script>/g
  if (!moduleScript.test(html) || !/<script nomodule /.test(html)) {
    throw new Error('index.html should have one type="module" script and one nomodule script')
  }
  return html.replace(moduleScript, '').replace('<script nomodule ', '<script ')
}

export interface OpenOptions {
  scenario?: Scenario
  /** More query parameters, e.g. { mock: '0' }. */
  query?: Record<string, string>
  /** What the app must show before open() returns; default: the first frame (the stage canvas exists). */
  waitFor?: 'stage' | 'nothing'
}

/** A fresh, empty Chromium profile folder. The caller removes it (removeProfile) when done. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'gov-tv-profile-'))
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

// ---------------------------------------------------------------------------------------------------------
// What runs in the page, installed before the app's own scripts on every load as `window.__tv`. Plain
// JavaScript in a string: functions handed to page.evaluate from here would be transpiled with esbuild's
// `__name` helper, which does not exist in the page.
// An element is on screen when neither it nor an ancestor is hidden (the inspector writes visible="false"
// or alpha="0" and sets display:none).

const PAGE_HELPERS = `
window.__tv = (function () {
  function shown(el, stop) {
    for (var node = el; node && node !== stop; node = node.parentElement) {
      if (node.style && node.style.display === 'none') return false
      if (node.getAttribute('visible') === 'false' || node.getAttribute('alpha') === '0') return false
    }
    return true
  }
  function textsIn(root, stop) {
    var all = Array.prototype.slice.call(root.querySelectorAll('[texture-text]'))
    if (root.hasAttribute && root.hasAttribute('texture-text')) all.unshift(root)
    return all.filter(function (el) { return shown(el, stop) }).map(function (el) { return el.getAttribute('texture-text') || '' })
  }
  function focused() { return document.querySelector('[focused="true"]') }
  return {
    texts: function () { return textsIn(document, null) },
    focusedTexts: function () { var f = focused(); return f ? textsIn(f, f.parentElement) : [] },
    hasText: function (s) { return this.texts().some(function (t) { return t.indexOf(s) >= 0 }) },
    hasFocusedText: function (s) { return this.focusedTexts().some(function (t) { return t.indexOf(s) >= 0 }) },
    // The labels of chips marked chosen: a chip's ✓ is its own element (ChipRow), shown beside its label.
    chosenChips: function () {
      var marks = Array.prototype.slice.call(document.querySelectorAll('[ref="ChosenMark"]'))
      return marks.filter(function (m) { return shown(m, null) }).map(function (m) {
        var label = m.parentElement && m.parentElement.querySelector('[ref="Label"]')
        return label ? label.getAttribute('texture-text') || '' : ''
      })
    },
    // What a TypedDigits shows (常见问题's search line): the element shown at each place is At{place}d{digit}.
    typedDigits: function () {
      var places = []
      Array.prototype.slice.call(document.querySelectorAll('[ref^="At"]')).forEach(function (el) {
        var m = /^At(\\d+)d(\\d)$/.exec(el.getAttribute('ref') || '')
        if (m && shown(el, null)) places[Number(m[1])] = m[2]
      })
      return places.join('')
    },
    frames: function (n) {
      return new Promise(function (done) {
        (function next(left) { left <= 0 ? done() : requestAnimationFrame(function () { next(left - 1) }) })(n)
      })
    },
    mark: function (name) { var m = performance.getEntriesByName(name, 'mark')[0]; return m ? m.startTime : undefined },
    // Whether the app's feed cache (IndexedDB gov-affairs-tv, store feed) holds this key.
    cached: function (key) {
      return new Promise(function (resolve) {
        var open = indexedDB.open('gov-affairs-tv')
        open.onerror = function () { resolve(false) }
        open.onsuccess = function () {
          var db = open.result
          try {
            var get = db.transaction('feed', 'readonly').objectStore('feed').getKey(key)
            get.onsuccess = function () { db.close(); resolve(get.result !== undefined) }
            get.onerror = function () { db.close(); resolve(false) }
          } catch (e) { db.close(); resolve(false) }
        }
      })
    },
  }
})()
`

// ---------------------------------------------------------------------------------------------------------

export class Tv {
  readonly errors: RecordedError[] = []
  private cdp: CDPSession | undefined

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
    readonly profile: string,
    private readonly ownsProfile: boolean,
    /**
     * Poll from Node with page.evaluate instead of page.waitForFunction: Playwright's in-page helper for
     * the latter iterates Map keys with native syntax, which fails where Map is core-js's polyfill (the
     * Chromium-30 journeys take the native Map away).
     */
    private readonly pollFromNode = false,
  ) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      this.errors.push({ kind: 'console', text: message.text(), url: message.location().url })
    })
    page.on('pageerror', (error) => {
      this.errors.push({ kind: 'pageerror', text: error.stack ?? String(error), url: '' })
    })
  }

  static async launch(baseUrl: string, options: LaunchOptions = {}): Promise<Tv> {
    const executablePath = findChromium()
    if (!executablePath) {
      throw new Error('No Chromium: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH.')
    }
    const profile = options.profile ?? newProfile()
    const viewport = options.viewport ?? VIEWPORT_1080
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
      viewport,
      screen: viewport,
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    if (options.initScript) await context.addInitScript({ content: options.initScript })
    await context.addInitScript({ content: PAGE_HELPERS })
    const page = context.pages()[0] ?? (await context.newPage())
    if (options.legacyOnly) {
      // Only the page itself changes: the bundle, settings and feed come from the server as usual.
      await page.route(/^[^?#]*\/(index\.html)?(\?[^#]*)?$/, async (route) => {
        const response = await route.fetch()
        await route.fulfill({ response, body: withoutModuleScripts(await response.text()) })
      })
    }
    return new Tv(context, page, baseUrl.replace(/\/+$/, ''), profile, options.profile === undefined, options.pollFromNode === true)
  }

  /** The address open() would load. */
  url(hash = 'home', options: OpenOptions = {}): string {
    const params = new URLSearchParams({ inspector: '1', ...(options.scenario ? { scenario: options.scenario } : {}), ...options.query })
    return `${this.baseUrl}/?${params.toString()}#${hash.replace(/^#/, '')}`
  }

  /** Loads the app at `#hash` with the inspector on; waits for the stage canvas unless told otherwise. */
  async open(hash = 'home', options: OpenOptions = {}): Promise<void> {
    await this.page.goto(this.url(hash, options), { waitUntil: 'domcontentloaded' })
    if ((options.waitFor ?? 'stage') === 'stage') {
      await this.page.waitForSelector('[data-testid="stage"]', { state: 'attached', timeout: 30_000 })
    }
  }

  /** Presses a remote key `times` times, one frame apart (a person cannot press faster than the app draws). */
  async press(key: RemoteKey, times = 1): Promise<void> {
    const name = KEY_ALIASES[key] ?? key
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(name)
      await this.nextFrame()
    }
  }

  /**
   * On Home with a tile focused: moves along the tile row (src/layout/homeTiles.ts, left to right) to the
   * tile labelled `label`, one Right or Left per tile, and waits until it has the focus.
   */
  async focusHomeTile(label: string, from: string = homeTileLabels()[0]!): Promise<void> {
    const labels = homeTileLabels()
    const target = labels.indexOf(label)
    const start = labels.indexOf(from)
    if (target < 0 || start < 0) throw new Error(`no Home tile labelled ${label} (tiles: ${labels.join(', ')})`)
    if (target !== start) await this.press(target > start ? 'Right' : 'Left', Math.abs(target - start))
    await this.waitForFocusedText(label)
  }

  /** Resolves after the app has drawn two more frames. */
  async nextFrame(): Promise<void> {
    await this.page.evaluate('window.__tv.frames(2)')
  }

  /** Every text on screen (hidden elements left out), in element order. */
  texts(): Promise<string[]> {
    return this.page.evaluate<string[]>('window.__tv.texts()')
  }

  /** The texts of the focused element and its descendants, one per line; '' when nothing is focused. */
  async focusedText(): Promise<string> {
    return (await this.page.evaluate<string[]>('window.__tv.focusedTexts()')).join('\n')
  }

  /** Waits until some text on screen contains `substring`. On timeout the error lists what was on screen. */
  waitForText(substring: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitOrExplain(`text ${JSON.stringify(substring)} on screen`, timeout, `window.__tv.hasText(${JSON.stringify(substring)})`)
  }

  /** The labels of the chips on screen that are marked chosen (✓). */
  chosenChips(): Promise<string[]> {
    return this.page.evaluate<string[]>('window.__tv.chosenChips()')
  }

  /** The digits typed into a TypedDigits line, in order (`92` for `9 2_`). */
  typedDigits(): Promise<string> {
    return this.page.evaluate<string>('window.__tv.typedDigits()')
  }

  waitForTypedDigits(digits: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitOrExplain(`typed digits ${JSON.stringify(digits)}`, timeout, `window.__tv.typedDigits() === ${JSON.stringify(digits)}`)
  }

  /** Waits until a chip labelled exactly `label` is marked chosen (✓) on screen. */
  waitForChosenChip(label: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitOrExplain(
      `chip ${JSON.stringify(label)} chosen`,
      timeout,
      `window.__tv.chosenChips().indexOf(${JSON.stringify(label)}) >= 0`,
    )
  }

  /** Waits until every one of `substrings` is contained in some text on screen; returns the texts then. */
  async waitForAllTexts(substrings: readonly string[], timeout = DEFAULT_WAIT_MS): Promise<string[]> {
    const list = JSON.stringify(substrings)
    await this.waitOrExplain(
      `all of ${list} on screen`,
      timeout,
      `${list}.every(function (s) { return window.__tv.hasText(s) })`,
    )
    return this.texts()
  }

  /** Waits until some text on screen contains one of `substrings`; resolves with the one found. */
  async waitForAnyText(substrings: readonly string[], timeout = DEFAULT_WAIT_MS): Promise<string> {
    const list = JSON.stringify(substrings)
    await this.waitOrExplain(
      `one of ${substrings.length} texts on screen`,
      timeout,
      `${list}.some(function (s) { return window.__tv.hasText(s) })`,
    )
    const texts = await this.texts()
    return substrings.find((s) => texts.some((t) => t.includes(s))) ?? ''
  }

  /** Waits until no text on screen contains `substring`. */
  waitForTextGone(substring: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitOrExplain(`text ${JSON.stringify(substring)} gone`, timeout, `!window.__tv.hasText(${JSON.stringify(substring)})`)
  }

  /** Waits until the focused element (or one of its descendants) shows a text containing `substring`. */
  waitForFocusedText(substring: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitOrExplain(
      `focused text ${JSON.stringify(substring)}`,
      timeout,
      `window.__tv.hasFocusedText(${JSON.stringify(substring)})`,
    )
  }

  /** Waits for a JavaScript expression to be truthy in the page; on timeout explains what was on screen. */
  async waitOrExplain(what: string, timeout: number, expression: string): Promise<void> {
    try {
      if (this.pollFromNode) await this.pollUntil(expression, timeout)
      else await this.page.waitForFunction(expression, undefined, { timeout, polling: 'raf' })
    } catch (error) {
      const [texts, focused] = await Promise.all([this.texts().catch(() => []), this.focusedText().catch(() => '')])
      const lines = [
        `Timed out after ${timeout} ms waiting for ${what} at ${this.page.url()}`,
        `On screen: ${JSON.stringify(texts)}`,
        `Focused: ${JSON.stringify(focused)}`,
      ]
      if (this.errors.length) lines.push(`Errors so far: ${JSON.stringify(this.errors)}`)
      throw Object.assign(new Error(lines.join('\n')), { cause: error })
    }
  }

  private async pollUntil(expression: string, timeout: number): Promise<void> {
    const until = Date.now() + timeout
    for (;;) {
      if (await this.page.evaluate<unknown>(expression)) return
      if (Date.now() > until) throw new Error(`${expression} still false after ${timeout} ms`)
      await new Promise((ok) => setTimeout(ok, 50))
    }
  }

  /** Time (ms since navigation start) of a User Timing mark, e.g. 'app:first-content'; undefined if not set. */
  mark(name: string): Promise<number | undefined> {
    return this.page.evaluate<number | undefined>(`window.__tv.mark(${JSON.stringify(name)})`)
  }

  /** Waits until the app's IndexedDB cache holds `key` (the repository writes it just after showing content). */
  async waitForCached(key: string, timeout = DEFAULT_WAIT_MS): Promise<void> {
    await this.page.waitForFunction(`window.__tv.cached(${JSON.stringify(key)})`, undefined, { timeout, polling: 200 })
  }

  /** Slows the page's network through the DevTools protocol (latency in ms, throughput in KB/s). */
  async emulateNetwork(conditions: { latencyMs: number; kbPerSecond: number }): Promise<void> {
    this.cdp ??= await this.context.newCDPSession(this.page)
    await this.cdp.send('Network.enable')
    const bytesPerSecond = conditions.kbPerSecond * 1024
    await this.cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: conditions.latencyMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    })
  }

  /** Which renderer the app chose at boot (the stage canvas's data-renderer), e.g. 'canvas2d'. */
  renderer(): Promise<string | null> {
    return this.page.locator('[data-testid="stage"]').getAttribute('data-renderer')
  }

  /**
   * Where a colour is drawn on a canvas2d stage: how many pixels within `tolerance` per channel, and
   * their centre in design coordinates (1920×1080). Reads the stage's own 2D context, so it only works
   * when the app runs on Lightning's canvas2d renderer; a WebGL stage answers undefined.
   */
  async colourArea(rgb: number, tolerance = 6): Promise<{ pixels: number; x: number; y: number } | undefined> {
    const expression = `(function (rgb, tol) {
      var canvas = document.querySelector('[data-testid="stage"]');
      var ctx = canvas && canvas.getContext('2d');
      if (!ctx) return undefined;
      var data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      var r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
      var n = 0, sx = 0, sy = 0, w = canvas.width, scale = 1920 / canvas.width;
      for (var i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) <= tol && Math.abs(data[i + 1] - g) <= tol && Math.abs(data[i + 2] - b) <= tol) {
          var p = i / 4; n++; sx += p % w; sy += Math.floor(p / w);
        }
      }
      return { pixels: n, x: n ? (sx / n) * scale : 0, y: n ? (sy / n) * scale : 0 };
    })(${rgb}, ${tolerance})`
    await this.nextFrame()
    return this.page.evaluate<{ pixels: number; x: number; y: number } | undefined>(expression)
  }

  /** Writes docs/screenshots/{name}.png of the whole screen, after the app has drawn its latest state. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await this.nextFrame()
    const path = join(SCREENSHOT_DIR, `${name}.png`)
    await this.page.screenshot({ path, animations: 'disabled' })
    return path
  }

  /**
   * Fails when a console error or page error was recorded that matches none of `expected` (each pattern
   * is tried on "text url"). Name every expected error precisely: nothing is ignored wholesale.
   */
  expectNoErrors(expected: RegExp[] = []): void {
    const unexpected = this.errors.filter((e) => !expected.some((pattern) => pattern.test(`${e.text} ${e.url}`)))
    if (unexpected.length > 0) {
      throw new Error(
        `${unexpected.length} unexpected browser error(s):\n` +
          unexpected.map((e) => `  [${e.kind}] ${e.text}${e.url ? ` (${e.url})` : ''}`).join('\n'),
      )
    }
  }

  /** Closes Chromium; a profile this Tv made itself is deleted, one passed in is kept for a restart. */
  async close(): Promise<void> {
    await this.context.close().catch(() => undefined)
    if (this.ownsProfile) removeProfile(this.profile)
  }
}
