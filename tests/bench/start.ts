/**
 * Start-up: cold (a fresh profile: empty HTTP cache, empty IndexedDB, the page over loopback HTTP) and
 * warm offline (the same profile again with every /feed/ request refused: the app starts from IndexedDB,
 * the floor from the HTTP and code caches). First content is the page's own `app:first-content` mark;
 * the pages run untouched (no probe), only getContext('webgl') is timed.
 */
import { rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { newProfileDir, type Session } from './browser'
import { expectRenderer, type PageSpec, type Tracker } from './measure'

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
  /** Time spent in getContext('webgl') calls (GPU process and SwiftShader start-up; the app's probe too). */
  webglMs: number | null
  resources: ResourceTiming[]
  pageErrors: string[]
  loadAvg1: number
}

const RESOURCES = `JSON.stringify(performance.getEntriesByType('resource').map(function (e) {
  return { name: e.name.replace(location.origin, ''), startMs: e.startTime, ttfbMs: e.responseStart > 0 ? e.responseStart - e.startTime : -1,
    endMs: e.responseEnd, durationMs: e.responseEnd - e.startTime, bytes: e.encodedBodySize }
}))`

async function readStart(session: Session, page: PageSpec, markTimeoutMs: number): Promise<StartResult> {
  const firstContent = await session.mark('app:first-content', markTimeoutMs)
  if (firstContent === null) throw new Error(`no app:first-content mark within ${markTimeoutMs / 1000} s`)
  await expectRenderer(session, page.variant)
  const boot = await session.mark('app:boot', 1000)
  const resources = JSON.parse(await session.evaluate<string>(RESOURCES)) as ResourceTiming[]
  const feed = resources.find((r) => /\/index\.json(\?|$)/.test(r.name))
  const webgl = await session.evaluate<number[] | undefined>('window.__benchWebglMs')
  return {
    firstContentMs: firstContent,
    bootMs: boot,
    webglMs: webgl ? webgl.reduce((a, b) => a + b, 0) : null,
    ...(feed ? { feed } : {}),
    resources,
    pageErrors: session.errors.slice(),
    loadAvg1: loadavg()[0] ?? 0,
  }
}

export function coldStart(page: PageSpec, cpuRate: number, markTimeoutMs = 60_000): (t: Tracker) => Promise<StartResult> {
  return async (tracker) => {
    const session = await tracker.open(page.variant, { cpuRate, webglTimer: true })
    await session.goto(page.url)
    return readStart(session, page, markTimeoutMs)
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
export function warmStart(page: PageSpec, cpuRate: number, markTimeoutMs = 60_000): (t: Tracker) => Promise<StartResult> {
  return async (tracker) => {
    const profile = newProfileDir()
    try {
      const online = await tracker.open(page.variant, { cpuRate: 1, profile, webglTimer: true })
      await online.goto(page.url)
      await readStart(online, page, markTimeoutMs)
      if (page.cacheKey && !(await online.evaluate<boolean>(waitForCachedExpression(page.cacheKey, 30_000)))) {
        throw new Error(`the online visit did not cache ${page.cacheKey} within 30 s`)
      }
      await online.close()

      const offline = await tracker.open(page.variant, { cpuRate, profile, feedOffline: true, webglTimer: true })
      await offline.goto(page.url)
      return await readStart(offline, page, markTimeoutMs)
    } finally {
      await tracker.closeAll() // the browsers let go of the profile before it is removed
      rmSync(profile, { recursive: true, force: true })
    }
  }
}
