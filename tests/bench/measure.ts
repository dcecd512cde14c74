/**
 * The measurements, each in browsers of its own, each bounded by a time budget: when a budget runs out the
 * measurement's browsers are closed and it is reported as n/a with the reason, instead of hanging.
 */
import { rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { Session, newProfileDir, type SessionOptions } from './browser'
import { deltas, percentile } from './stats'

export type Target = 'floor' | 'appLarge' | 'appFixture'

export interface BenchContext {
  executablePath: string
  /** More Chromium switches for every browser (--chromium-arg). */
  extraArgs: readonly string[]
  /** Page addresses (with query and hash) per target. */
  urls: Record<Target, string>
  /** The IndexedDB key the app writes its index under, per app target (the warm start waits for it). */
  cacheKeys: Partial<Record<Target, string>>
  /** The address of the 10 000-notice list (#notices of appLarge). */
  listUrl: string
  log(line: string): void
}

// ---------------------------------------------------------------------------------------------------------
// Budgets

/** Browsers opened by one measurement, closed together when it ends or runs out of time. */
export class Tracker {
  private readonly sessions = new Set<Session>()
  private dead = false

  constructor(
    private readonly executablePath: string,
    private readonly extraArgs: readonly string[],
  ) {}

  async open(options: Omit<SessionOptions, 'executablePath'>): Promise<Session> {
    if (this.dead) throw new Error('measurement already ended')
    const session = await Session.open({ ...options, executablePath: this.executablePath, extraArgs: this.extraArgs })
    if (this.dead) {
      await session.close()
      throw new Error('measurement already ended')
    }
    this.sessions.add(session)
    return session
  }

  async closeAll(): Promise<void> {
    this.dead = true
    await Promise.all([...this.sessions].map((s) => s.close()))
    this.sessions.clear()
  }
}

export type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; reason: string; ms: number }

export async function attempt<T>(
  ctx: BenchContext,
  label: string,
  budgetMs: number,
  fn: (tracker: Tracker) => Promise<T>,
): Promise<Outcome<T>> {
  const tracker = new Tracker(ctx.executablePath, ctx.extraArgs)
  const started = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  const work = fn(tracker)
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(budgetMs / 1000)} s`)), budgetMs)
  })
  try {
    const value = await Promise.race([work, timeout])
    return { ok: true, value, ms: Date.now() - started }
  } catch (error) {
    work.catch(() => undefined) // closing its browsers makes it fail; that is expected now
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error)
    ctx.log(`  ${label}: n/a (${reason})`)
    return { ok: false, reason, ms: Date.now() - started }
  } finally {
    clearTimeout(timer)
    await tracker.closeAll()
  }
}

// ---------------------------------------------------------------------------------------------------------
// Start-up

export interface ResourceTiming {
  name: string
  startMs: number
  /** Time to the first byte of the response, from the request's start. */
  ttfbMs: number
  endMs: number
  /** startMs → endMs: the whole request as the page waited for it. */
  durationMs: number
  bytes: number
}

export interface StartResult {
  /** app:first-content, ms from navigation start. */
  firstContentMs: number
  /** app:boot (the bundle started running), ms from navigation start. */
  bootMs: number | null
  /** The index.json request (app only; absent when offline or served from memory). */
  feed?: ResourceTiming
  /** Time spent creating the WebGL context (GPU process and SwiftShader start-up), inside the start. */
  webglMs: number | null
  resources: ResourceTiming[]
  pageErrors: string[]
  loadAvg1: number
}

const RESOURCES = `JSON.stringify(performance.getEntriesByType('resource').map(function (e) {
  return { name: e.name.replace(location.origin, ''), startMs: e.startTime, ttfbMs: e.responseStart > 0 ? e.responseStart - e.startTime : -1,
    endMs: e.responseEnd, durationMs: e.responseEnd - e.startTime, bytes: e.encodedBodySize }
}))`

async function readStart(session: Session, markTimeoutMs: number): Promise<StartResult> {
  const firstContent = await session.mark('app:first-content', markTimeoutMs)
  if (firstContent === null) throw new Error(`no app:first-content mark within ${markTimeoutMs / 1000} s`)
  const boot = await session.mark('app:boot', 1000)
  const resources = JSON.parse(await session.evaluate<string>(RESOURCES)) as ResourceTiming[]
  const feed = resources.find((r) => /\/index\.json(\?|$)/.test(r.name))
  const webgl = await session.evaluate<number[] | undefined>('window.__benchWebglMs')
  return {
    firstContentMs: firstContent,
    bootMs: boot,
    webglMs: webgl && webgl.length > 0 ? webgl.reduce((a, b) => a + b, 0) : null,
    ...(feed ? { feed } : {}),
    resources,
    pageErrors: session.errors.slice(),
    loadAvg1: loadavg()[0] ?? 0,
  }
}

/** A fresh profile (empty HTTP cache, empty IndexedDB), the page loaded over loopback HTTP. */
export function coldStart(ctx: BenchContext, target: Target, cpuRate: number, markTimeoutMs = 60_000): (t: Tracker) => Promise<StartResult> {
  return async (tracker) => {
    const session = await tracker.open({ cpuRate, webglTimer: true })
    await session.goto(ctx.urls[target])
    return readStart(session, markTimeoutMs)
  }
}

/** Resolves when the app's IndexedDB cache (gov-affairs-tv / feed) holds `key`; polls every 100 ms. */
function waitForCachedExpression(key: string, timeoutMs: number): string {
  return `new Promise(function (resolve) {
    var started = Date.now()
    ;(function check() {
      var open = indexedDB.open('gov-affairs-tv')
      function again(found) {
        if (found) return resolve(true)
        if (Date.now() - started > ${timeoutMs}) return resolve(false)
        setTimeout(check, 100)
      }
      open.onerror = function () { again(false) }
      open.onsuccess = function () {
        var db = open.result
        try {
          var get = db.transaction('feed', 'readonly').objectStore('feed').getKey(${JSON.stringify(key)})
          get.onsuccess = function () { db.close(); again(get.result !== undefined) }
          get.onerror = function () { db.close(); again(false) }
        } catch (e) { db.close(); again(false) }
      }
    })()
  })`
}

/**
 * One online visit (1× CPU) that fills the cache, then a restart with the same profile while every /feed/
 * request is aborted: first content from IndexedDB (the app) or from the HTTP/code cache (the floor).
 */
export function warmStart(ctx: BenchContext, target: Target, cpuRate: number, markTimeoutMs = 60_000): (t: Tracker) => Promise<StartResult> {
  return async (tracker) => {
    const profile = newProfileDir()
    try {
      const online = await tracker.open({ cpuRate: 1, profile, webglTimer: true })
      await online.goto(ctx.urls[target])
      await readStart(online, markTimeoutMs)
      const key = ctx.cacheKeys[target]
      if (key && !(await online.evaluate<boolean>(waitForCachedExpression(key, 30_000)))) {
        throw new Error(`the online visit did not cache ${key} within 30 s`)
      }
      await online.close()

      const offline = await tracker.open({ cpuRate, profile, feedOffline: true, webglTimer: true })
      await offline.goto(ctx.urls[target])
      return await readStart(offline, markTimeoutMs)
    } finally {
      await tracker.closeAll() // the browsers let go of the profile before it is removed
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The 10 000-notice list: key latency and scrolling

interface KeyResult {
  keyCode: number
  eventAt: number
  handlerAt: number
  frameAt: number
  settledAt: number
  frames: number
  drawn: boolean
}

interface QuietResult {
  ok: boolean
  frames: number
  lastDrawAt?: number
}

export interface KeyLatency {
  presses: number
  p50Ms: number | null
  p95Ms: number | null
  maxMs: number | null
  /** Presses after which nothing was drawn within 60 frames (the key did nothing visible). */
  undrawn: number
  samplesMs: number[]
  /** Key → the last frame that drew for it (new rows' texts uploaded, screen settled). */
  settledP50Ms: number | null
  settledP95Ms: number | null
  settledMs: number[]
}

export interface ScrollFrames {
  keys: { arrowDown: number; pageDown: number }
  frames: number
  p50Ms: number | null
  p95Ms: number | null
  maxMs: number | null
  /** Frame intervals over 33.4 ms (two vsyncs or more at 60 Hz). */
  over33: number
  /** Frames in which Lightning drew something. */
  drawnFrames: number
  durationMs: number
  intervalsMs: number[]
}

export interface InteractionResult {
  firstContentMs: number
  keys: KeyLatency
  scroll: ScrollFrames
  pageErrors: string[]
  loadAvg1: number
}

async function openList(tracker: Tracker, ctx: BenchContext, cpuRate: number): Promise<Session> {
  const session = await tracker.open({ cpuRate, probe: true })
  await session.goto(ctx.listUrl)
  return session
}

async function waitListReady(session: Session): Promise<number> {
  const firstContent = await session.mark('app:first-content', 60_000)
  if (firstContent === null) throw new Error('no app:first-content mark on #notices within 60 s')
  const settled = await session.evaluate<QuietResult>('__bench.quiet(5, 20000)')
  if (!settled.ok) throw new Error('the list did not settle (frames kept drawing for 20 s)')
  return firstContent
}

/**
 * Key latency, method: each ArrowDown is a trusted key event sent through CDP Input.dispatchKeyEvent
 * (the browser's input pipeline, as a remote's key arrives). probe.js listens for keydown in the capture
 * phase (before Lightning's listener) and takes the event's timeStamp (when the browser received it); it
 * then waits, with requestAnimationFrame, for the first frame after the key in which Lightning issued
 * WebGL draw calls, and from inside that frame posts a task (MessageChannel) that runs once the frame's
 * rendering work is done; that task's time minus the key's time is the latency ("key → next frame").
 * It goes on watching until two frames in a row draw nothing: the last frame that drew is "key →
 * settled" (the new row's texts uploaded too). The next key is sent only then, so each press is
 * measured alone.
 *
 * Scrolling, method: rAF frame start times are recorded while ArrowDown (then PageDown) is sent
 * continuously, each key as soon as the page has begun a new frame after the previous one (a held key
 * at the rate the app can draw); the frame intervals' p95 is the figure.
 */
export function listInteraction(
  ctx: BenchContext,
  cpuRate: number,
  options: { presses: number; scrollDown: number; scrollPageDown: number },
): (t: Tracker) => Promise<InteractionResult> {
  return async (tracker) => {
    const session = await openList(tracker, ctx, cpuRate)
    const firstContentMs = await waitListReady(session)

    await session.evaluate('__bench.keys.results = []; __bench.keys.armed = true')
    for (let i = 0; i < options.presses; i++) {
      await session.press('ArrowDown')
      if (!(await session.evaluate<boolean>(`__bench.awaitKeys(${i + 1}, 20000)`))) {
        throw new Error(`key ${i + 1}: no settled frame within 20 s`)
      }
    }
    await session.evaluate('__bench.keys.armed = false')
    const results = JSON.parse(await session.evaluate<string>('JSON.stringify(__bench.keys.results)')) as KeyResult[]
    const samples = results.map((r) => r.frameAt - r.eventAt)
    const settled = results.map((r) => Math.max(r.frameAt, r.settledAt) - r.eventAt)
    const keys: KeyLatency = {
      presses: results.length,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      maxMs: percentile(samples, 100),
      undrawn: results.filter((r) => !r.drawn).length,
      samplesMs: samples.map((v) => Math.round(v * 10) / 10),
      settledP50Ms: percentile(settled, 50),
      settledP95Ms: percentile(settled, 95),
      settledMs: settled.map((v) => Math.round(v * 10) / 10),
    }

    await session.evaluate('__bench.record()')
    const started = Date.now()
    for (let i = 0; i < options.scrollDown; i++) {
      await session.press('ArrowDown')
      await session.evaluate('__bench.frames(1)')
    }
    for (let i = 0; i < options.scrollPageDown; i++) {
      await session.press('PageDown')
      await session.evaluate('__bench.frames(1)')
    }
    await session.evaluate('__bench.frames(2)')
    const durationMs = Date.now() - started
    const recording = await session.evaluate<{ stamps: number[]; draws: number[] } | null>('__bench.stopRecording()')
    if (!recording || recording.stamps.length < 2) throw new Error('no frames were recorded while scrolling')
    const intervals = deltas(recording.stamps)
    const drawnFrames = deltas(recording.draws).filter((d) => d > 0).length
    const scroll: ScrollFrames = {
      keys: { arrowDown: options.scrollDown, pageDown: options.scrollPageDown },
      frames: intervals.length,
      p50Ms: percentile(intervals, 50),
      p95Ms: percentile(intervals, 95),
      maxMs: percentile(intervals, 100),
      over33: intervals.filter((d) => d > 33.4).length,
      drawnFrames,
      durationMs,
      intervalsMs: intervals.map((v) => Math.round(v * 10) / 10),
    }
    return { firstContentMs, keys, scroll, pageErrors: session.errors.slice(), loadAvg1: loadavg()[0] ?? 0 }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Memory

interface SettleResult {
  ok: boolean
  hash: string
  hashMs?: number
  drawnMs?: number
}

export interface HeapSample {
  navigations: number
  usedBytes: number
  domNodes?: number
  jsEventListeners?: number
  liveTextures: number
}

export interface HeapResult {
  navigations: number
  warmup: number
  atRestBytes: number
  beforeBytes: number
  afterBytes: number
  growthBytes: number
  samples: HeapSample[]
  /** Key to the last frame drawn for the navigation (the page on screen and settled), median over all. */
  openMedianMs: number | null
  closeMedianMs: number | null
  openP95Ms: number | null
  closeP95Ms: number | null
  pageErrors: string[]
}

async function counters(session: Session): Promise<{ liveTextures: number; draws: number; createdTextures: number }> {
  return session.evaluate('__bench.counters()')
}

/**
 * Open and close a notice `navigations` times (Enter on the focused notice, then Back) in the 10 000-notice
 * list; V8's heap after forced GC (HeapProfiler.collectGarbage, twice) before and after, with samples on the
 * way so a steady climb can be told from noise. Each step waits for its hash and then for 5 frames without
 * draw calls (the page drawn and settled) before the next key.
 */
export function heapOverNavigations(
  ctx: BenchContext,
  options: { navigations: number; warmup: number; sampleEvery: number },
): (t: Tracker) => Promise<HeapResult> {
  return async (tracker) => {
    const session = await openList(tracker, ctx, 1)
    await waitListReady(session)
    const atRest = await session.heap()

    const opens: number[] = []
    const closes: number[] = []
    const navigate = async (n: number): Promise<void> => {
      await session.press('Enter')
      const opened = await session.evaluate<SettleResult>(`__bench.settle('^#notices/.+', 5, 15000)`)
      if (!opened.ok) throw new Error(`navigation ${n}: the notice did not open and settle within 15 s (hash ${opened.hash})`)
      await session.press('Backspace')
      const closed = await session.evaluate<SettleResult>(`__bench.settle('^#notices$', 5, 15000)`)
      if (!closed.ok) throw new Error(`navigation ${n}: Back did not return to the list and settle within 15 s (hash ${closed.hash})`)
      if (opened.drawnMs !== undefined) opens.push(opened.drawnMs)
      if (closed.drawnMs !== undefined) closes.push(closed.drawnMs)
    }

    for (let i = 0; i < options.warmup; i++) await navigate(i + 1)
    opens.length = 0
    closes.length = 0
    const before = await session.heap()
    const samples: HeapSample[] = [{ navigations: 0, ...before, liveTextures: (await counters(session)).liveTextures }]
    for (let i = 1; i <= options.navigations; i++) {
      await navigate(i)
      if (i % options.sampleEvery === 0 || i === options.navigations) {
        const heap = await session.heap()
        samples.push({ navigations: i, ...heap, liveTextures: (await counters(session)).liveTextures })
        ctx.log(`    ${i} navigations: heap ${(heap.usedBytes / 1e6).toFixed(2)} MB`)
      }
    }
    const after = samples[samples.length - 1] as HeapSample
    return {
      navigations: options.navigations,
      warmup: options.warmup,
      atRestBytes: atRest.usedBytes,
      beforeBytes: before.usedBytes,
      afterBytes: after.usedBytes,
      growthBytes: after.usedBytes - before.usedBytes,
      samples,
      openMedianMs: percentile(opens, 50),
      closeMedianMs: percentile(closes, 50),
      openP95Ms: percentile(opens, 95),
      closeP95Ms: percentile(closes, 95),
      pageErrors: session.errors.slice(),
    }
  }
}

export interface AtRest {
  firstContentMs: number
  usedBytes: number
  domNodes?: number
  jsEventListeners?: number
  liveTextures: number
}

/** Heap after forced GC once the page has drawn its first content and settled (the floor, or any target). */
export function heapAtRest(ctx: BenchContext, target: Target): (t: Tracker) => Promise<AtRest> {
  return async (tracker) => {
    const session = await tracker.open({ cpuRate: 1, probe: true })
    await session.goto(ctx.urls[target])
    const firstContentMs = await session.mark('app:first-content', 60_000)
    if (firstContentMs === null) throw new Error('no app:first-content mark within 60 s')
    const settled = await session.evaluate<QuietResult>('__bench.quiet(5, 20000)')
    if (!settled.ok) throw new Error('the page did not settle (frames kept drawing for 20 s)')
    const heap = await session.heap()
    return { firstContentMs, ...heap, liveTextures: (await counters(session)).liveTextures }
  }
}
