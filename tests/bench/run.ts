/**
 * `npm run bench`: the app against a blank Lightning app (the floor), in one run, on this machine.
 *
 *   1. builds the production app (no mocks), the app without Lightning core/SDK (its own code's size), and
 *      the floor (tests/bench/floor/index.ts) into temporary folders with rollup.config.js's modern entry;
 *   2. serves them on loopback with the fixture feed over plain HTTP (scripts/serve.ts `feed`), plus a
 *      generated 10 000-notice region (`largeRegion`, code 999999); the app's settings.json points at it
 *      (a second copy of the build points at the fixture region 431025, a county of ordinary size);
 *   3. measures in headless Chromium at 1280×720, CPU throttling 1× and 4×, the median of --runs runs:
 *      cold start, warm offline start, key latency and scrolling in the 10 000-notice list, heap growth over
 *      open/close navigations, bundle sizes;
 *   4. prints the table and writes bench/results.json (machine, every figure with units, every run) and
 *      bench/results.md (the table for the README).
 *
 * It measures and reports; it asserts nothing and is not part of `npm test`.
 *
 *   --runs N          runs per start-up and list figure (default 5)
 *   --rates 1,4       CPU throttling rates (default 1,4)
 *   --presses N       ArrowDown presses for key latency (default 200)
 *   --navs N          open/close navigations for heap growth (default 500)
 *   --resolution R    720 (default, the stage fills the 1280×720 viewport) or 1080 (the shipped setting)
 *   --only a,b        some of: size,cold,warm,keys,heap (default all)
 *   --keep            keep the temporary builds (their paths are printed)
 *   --chromium-arg X  one more Chromium switch for every browser (repeatable), e.g.
 *                     --disable-accelerated-2d-canvas to see how much of the time is the canvas readback
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from '../../scripts/ensure-browser'
import { serve, type RunningServer } from '../../scripts/serve'
import { indexKey } from '../../src/feed/cacheKeys'
import { CHROMIUM_ARGS } from '../../scripts/ensure-browser'
import { closeAllSessions } from './browser'
import { buildApp, buildAppOnly, buildFloor, type BuildInfo } from './build'
import {
  attempt,
  coldStart,
  heapAtRest,
  heapOverNavigations,
  listInteraction,
  warmStart,
  type AtRest,
  type BenchContext,
  type HeapResult,
  type InteractionResult,
  type Outcome,
  type StartResult,
  type Target as PageTarget,
} from './measure'
import { judge, markdownTable, textTable, type Metric } from './report'
import { median, round } from './stats'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT_DIR = join(ROOT, 'bench')
const LARGE_REGION = '999999'
const LARGE_COUNT = 10_000
const FIXTURE_REGION = '431025'

// ---------------------------------------------------------------------------------------------------------
// Arguments

interface Options {
  runs: number
  rates: number[]
  presses: number
  navs: number
  resolution: 720 | 1080
  only: Set<string>
  keep: boolean
  chromiumArgs: string[]
}

function parseArgs(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const int = (name: string, fallback: number): number => {
    const raw = value(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} wants a whole number ≥ 1, got ${raw}`)
    return n
  }
  const rates = (value('--rates') ?? '1,4').split(',').map(Number)
  if (rates.some((r) => !(r >= 1))) throw new Error(`--rates wants numbers ≥ 1, e.g. 1,4`)
  const resolution = Number(value('--resolution') ?? 720)
  if (resolution !== 720 && resolution !== 1080) throw new Error('--resolution is 720 or 1080')
  const all = ['size', 'cold', 'warm', 'keys', 'heap']
  const only = new Set((value('--only') ?? all.join(',')).split(',').filter(Boolean))
  for (const o of only) if (!all.includes(o)) throw new Error(`--only knows ${all.join(', ')}; got ${o}`)
  return {
    runs: int('--runs', 5),
    rates,
    presses: int('--presses', 200),
    navs: int('--navs', 500),
    resolution,
    only,
    keep: argv.includes('--keep'),
    chromiumArgs: argv.flatMap((arg, i) => (arg === '--chromium-arg' && argv[i + 1] ? [argv[i + 1] as string] : [])),
  }
}

// ---------------------------------------------------------------------------------------------------------
// Set-up and clean-up

const cleanups: (() => Promise<void> | void)[] = []
let cleaning: Promise<void> | undefined

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await closeAllSessions()
    for (const fn of cleanups.reverse()) {
      try {
        await fn()
      } catch {
        // best effort: nothing may stop the rest of the clean-up
      }
    }
  })()
  return cleaning
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: closing browsers and servers…`)
    void cleanUp().finally(() => process.exit(130))
  })
}

function log(line: string): void {
  console.error(line)
}

function writeSettings(dir: string, patch: Record<string, unknown>): void {
  const base = JSON.parse(readFileSync(join(ROOT, 'static/settings.json'), 'utf8')) as Record<string, unknown>
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify({ ...base, ...patch }, null, 2)}\n`)
}

async function closeServer(server: RunningServer): Promise<void> {
  // A keep-alive connection a browser left open must not hold the benchmark.
  await Promise.race([server.close(), new Promise((ok) => setTimeout(ok, 5000))])
}

function chromiumVersion(path: string): string {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000 })
  return result.status === 0 ? result.stdout.trim() : 'unknown'
}

function gitCommit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' })
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' })
  if (head.status !== 0) return 'unknown'
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' (with uncommitted changes)' : ''}`
}

// ---------------------------------------------------------------------------------------------------------
// Figures from runs

type Runs<T> = Outcome<T>[]

function values<T>(runs: Runs<T> | undefined, pick: (value: T) => number | null | undefined): (number | null)[] {
  return (runs ?? []).map((r) => (r.ok ? (pick(r.value) ?? null) : null))
}

function reasons<T>(runs: Runs<T> | undefined): string {
  const failed = (runs ?? []).filter((r): r is { ok: false; reason: string; ms: number } => !r.ok)
  return [...new Set(failed.map((r) => r.reason))].join('; ')
}

function note<T>(runs: Runs<T> | undefined): string | undefined {
  if (!runs || runs.length === 0) return 'not measured'
  const failed = runs.filter((r) => !r.ok).length
  if (failed === 0) return undefined
  return failed === runs.length ? reasons(runs) : `${runs.length - failed} of ${runs.length} runs (${reasons(runs)})`
}

function ratioOf(app: number | null, floor: number | null | undefined): number | null {
  return app !== null && floor ? round(app / floor, 2) : null
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  process.chdir(ROOT)
  const started = new Date()
  const loadAtStart = loadavg()
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH.')
  const version = chromiumVersion(executablePath)
  log(`Chromium: ${version}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`)
  if ((loadAtStart[0] ?? 0) > cpus().length) {
    log(`Warning: the machine is busy (load ${loadAtStart[0]?.toFixed(1)} on ${cpus().length} cores): figures will vary more than usual.`)
  }

  // 1. Builds
  const temp = mkdtempSync(join(tmpdir(), 'gov-tv-bench-'))
  cleanups.push(() => {
    if (options.keep) log(`Builds kept in ${temp}`)
    else rmSync(temp, { recursive: true, force: true })
  })
  const dirs = {
    app: join(temp, 'app'),
    appFixture: join(temp, 'app-fixture'),
    appOnly: join(temp, 'app-only'),
    floor: join(temp, 'floor'),
  }
  log('Building the app (production, modern entry), the app without core/SDK, and the floor…')
  const builds: Record<'app' | 'appOnly' | 'floor', BuildInfo> = {
    app: await buildApp(ROOT, dirs.app),
    appOnly: await buildAppOnly(ROOT, dirs.appOnly),
    floor: await buildFloor(ROOT, dirs.floor),
  }
  writeSettings(dirs.app, { regionCode: LARGE_REGION, resolution: options.resolution })
  cpSync(dirs.app, dirs.appFixture, { recursive: true })
  writeSettings(dirs.appFixture, { regionCode: FIXTURE_REGION, resolution: options.resolution })
  log(`  built in ${((builds.app.ms + builds.appOnly.ms + builds.floor.ms) / 1000).toFixed(1)} s`)

  // 2. Servers
  const servers = {
    appLarge: await serve({ dir: dirs.app, feed: true, largeRegion: { code: LARGE_REGION, count: LARGE_COUNT } }),
    appFixture: await serve({ dir: dirs.appFixture, feed: true }),
    floor: await serve({ dir: dirs.floor, feed: true }),
  }
  for (const server of Object.values(servers)) cleanups.push(() => closeServer(server))
  // The first answer serializes the 10 000-notice index once (kept afterwards): not part of any run.
  for (const [server, region] of [
    [servers.appLarge, LARGE_REGION],
    [servers.appFixture, FIXTURE_REGION],
  ] as const) {
    const response = await fetch(`${server.url}/feed/v1/regions/${region}/index.json`)
    if (response.status !== 200) throw new Error(`the feed for region ${region} answered ${response.status}`)
    await response.arrayBuffer()
  }

  const res = options.resolution === 1080 ? '?res=1080' : ''
  const ctx: BenchContext = {
    executablePath,
    extraArgs: options.chromiumArgs,
    urls: { appLarge: `${servers.appLarge.url}/`, appFixture: `${servers.appFixture.url}/`, floor: `${servers.floor.url}/${res}` },
    cacheKeys: { appLarge: indexKey(LARGE_REGION), appFixture: indexKey(FIXTURE_REGION) },
    listUrl: `${servers.appLarge.url}/#notices`,
    log,
  }

  // 3. Measurements
  const targets: PageTarget[] = ['floor', 'appLarge', 'appFixture']
  const cold = new Map<string, Runs<StartResult>>()
  const warm = new Map<string, Runs<StartResult>>()
  const key = (target: PageTarget, rate: number) => `${target}@${rate}`
  const push = <T>(map: Map<string, Runs<T>>, k: string, outcome: Outcome<T>) => map.set(k, [...(map.get(k) ?? []), outcome])
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : `${Math.round(v)} ms`)

  if (options.only.has('cold') || options.only.has('warm')) {
    for (let run = 1; run <= options.runs; run++) {
      for (const rate of options.rates) {
        // App and floor alternate within a run, so a machine that slows down mid-way affects both.
        if (options.only.has('cold')) {
          for (const target of targets) {
            const outcome = await attempt(ctx, `cold ${target} ${rate}×`, 120_000, coldStart(ctx, target, rate))
            push(cold, key(target, rate), outcome)
            if (outcome.ok) {
              const feed = outcome.value.feed ? `, index.json ${ms(outcome.value.feed.durationMs)}` : ''
              log(`run ${run}/${options.runs} ${rate}× cold ${target}: first content ${ms(outcome.value.firstContentMs)}${feed}`)
            }
          }
        }
        if (options.only.has('warm')) {
          for (const target of targets) {
            const outcome = await attempt(ctx, `warm ${target} ${rate}×`, 180_000, warmStart(ctx, target, rate))
            push(warm, key(target, rate), outcome)
            if (outcome.ok) log(`run ${run}/${options.runs} ${rate}× warm offline ${target}: first content ${ms(outcome.value.firstContentMs)}`)
          }
        }
      }
    }
  }

  const interaction = new Map<number, Runs<InteractionResult>>()
  const atRest = new Map<PageTarget, Runs<AtRest>>()
  let heap: Outcome<HeapResult> | undefined
  if (options.only.has('keys')) {
    const listOptions = { presses: options.presses, scrollDown: 150, scrollPageDown: 20 }
    for (let run = 1; run <= options.runs; run++) {
      for (const rate of options.rates) {
        const budget = (60_000 + options.presses * 500 + 170 * 500) * rate
        const outcome = await attempt(ctx, `list ${rate}×`, budget, listInteraction(ctx, rate, listOptions))
        interaction.set(rate, [...(interaction.get(rate) ?? []), outcome])
        if (outcome.ok) {
          const { keys, scroll } = outcome.value
          log(
            `run ${run}/${options.runs} ${rate}× list: key→frame p50 ${keys.p50Ms?.toFixed(1)} ms, p95 ${keys.p95Ms?.toFixed(1)} ms; ` +
              `scroll frame p95 ${scroll.p95Ms?.toFixed(1)} ms over ${scroll.frames} frames`,
          )
        }
      }
    }
  }
  if (options.only.has('heap')) {
    for (let run = 1; run <= options.runs; run++) {
      for (const target of ['floor', 'appLarge'] as const) {
        const outcome = await attempt(ctx, `heap at rest ${target}`, 120_000, heapAtRest(ctx, target))
        atRest.set(target, [...(atRest.get(target) ?? []), outcome])
        if (outcome.ok) log(`run ${run}/${options.runs} heap at rest ${target}: ${(outcome.value.usedBytes / 1e6).toFixed(2)} MB`)
      }
    }
    log(`Heap over ${options.navs} navigations (open a notice, Back) in the 10 000-notice list…`)
    heap = await attempt(
      ctx,
      'heap growth',
      120_000 + options.navs * 4_000,
      heapOverNavigations(ctx, { navigations: options.navs, warmup: 10, sampleEvery: Math.max(1, Math.round(options.navs / 10)) }),
    )
  }

  // 4. The table
  const metrics: Metric[] = []
  const startRows = (kind: 'cold' | 'warm', map: Map<string, Runs<StartResult>>) => {
    for (const [target, region] of [
      ['appLarge', `${LARGE_COUNT.toLocaleString('en').replace(',', ' ')} notices`],
      ['appFixture', `fixture region ${FIXTURE_REGION}`],
    ] as const) {
      for (const rate of options.rates) {
        const appRuns = map.get(key(target, rate))
        const floorRuns = map.get(key('floor', rate))
        const app = median(values(appRuns, (v) => v.firstContentMs))
        const floor = median(values(floorRuns, (v) => v.firstContentMs))
        const rtt = median(values(appRuns, (v) => v.feed?.durationMs))
        const metric: Metric = {
          id: `${kind}.${target}.${rate}x`,
          label:
            kind === 'cold'
              ? `Cold start to first content, ${region}, ${rate}× CPU`
              : `Warm start offline (app: index from IndexedDB; floor: restart), ${region}, ${rate}× CPU`,
          unit: 'ms',
          app: round(app),
          floor: round(floor),
          ratio: ratioOf(app, floor),
          runs: { app: values(appRuns, (v) => round(v.firstContentMs)), floor: values(floorRuns, (v) => round(v.firstContentMs)) },
        }
        const why = note(appRuns) ?? note(floorRuns)
        if (why) metric.note = why
        if (kind === 'cold') {
          metric.target =
            floor !== null && rtt !== null
              ? judge(app, { text: '≤ 1.3×floor + RTT', limit: Math.round(1.3 * floor + rtt) })
              : { text: '≤ 1.3×floor + RTT', pass: null }
        } else {
          metric.target = { text: 'info' }
        }
        metrics.push(metric)
        if (kind === 'cold') {
          const rttRuns = values(appRuns, (v) => v.feed?.durationMs)
          metrics.push({
            id: `rtt.${target}.${rate}x`,
            label: `  one feed round trip (index.json, start to last byte), ${rate}× CPU`,
            unit: 'ms',
            app: round(rtt),
            runs: { app: rttRuns.map((v) => round(v)) },
            target: { text: 'RTT in the target above' },
            ...(rtt === null ? { note: why ?? 'no index.json request seen' } : {}),
          })
          const feedStart = median(values(appRuns, (v) => v.feed?.startMs))
          metrics.push({
            id: `feedStart.${target}.${rate}x`,
            label: `  index.json requested at (ms after navigation start), ${rate}× CPU`,
            unit: 'ms',
            app: round(feedStart),
            runs: { app: values(appRuns, (v) => round(v.feed?.startMs)) },
            target: { text: 'info' },
          })
          const appGl = median(values(appRuns, (v) => v.webglMs))
          const floorGl = median(values(floorRuns, (v) => v.webglMs))
          metrics.push({
            id: `webgl.${target}.${rate}x`,
            label: `  of the start: creating the WebGL context (GPU process, SwiftShader), ${rate}× CPU`,
            unit: 'ms',
            app: round(appGl),
            floor: round(floorGl),
            ratio: ratioOf(appGl, floorGl),
            runs: { app: values(appRuns, (v) => round(v.webglMs)), floor: values(floorRuns, (v) => round(v.webglMs)) },
            target: { text: 'info' },
          })
        }
      }
    }
  }
  if (options.only.has('cold')) startRows('cold', cold)
  if (options.only.has('warm')) startRows('warm', warm)

  if (options.only.has('keys')) {
    for (const [id, figure, pick, limitAt4] of [
      ['key.p50', 'Key press → next frame p50, 10 000-notice list', (v: InteractionResult) => v.keys.p50Ms, undefined],
      ['key.p95', 'Key press → next frame p95, 10 000-notice list', (v: InteractionResult) => v.keys.p95Ms, 50],
      ['scroll.p95', 'Frame time p95 while scrolling the 10 000-notice list', (v: InteractionResult) => v.scroll.p95Ms, 33],
    ] as const) {
      for (const rate of options.rates) {
        const runs = interaction.get(rate)
        const app = median(values(runs, pick))
        const metric: Metric = {
          id: `${id}.${rate}x`,
          label: `${figure}, ${rate}× CPU`,
          unit: 'ms',
          app: round(app),
          runs: { app: values(runs, (v) => round(pick(v))) },
        }
        const why = note(runs)
        if (why) metric.note = why
        if (limitAt4 !== undefined && rate === 4) metric.target = judge(app, { text: `< ${limitAt4} ms at 4×`, limit: limitAt4, strict: true })
        else metric.target = { text: limitAt4 !== undefined ? `info (target is at 4×)` : 'info' }
        metrics.push(metric)
      }
    }
  }

  if (options.only.has('heap')) {
    const growth = heap?.ok ? heap.value.growthBytes : null
    metrics.push({
      id: 'heap.growth',
      label: `JS heap growth over ${options.navs} navigations (open a notice, Back), after forced GC`,
      unit: 'bytes',
      app: growth,
      target: judge(growth, { text: '< 1 MB', limit: 1_000_000, strict: true }),
      ...(heap && !heap.ok ? { note: heap.reason } : {}),
    })
    if (heap?.ok) {
      const first = heap.value.samples[0]
      const last = heap.value.samples[heap.value.samples.length - 1]
      const half = heap.value.samples.find((x) => x.navigations >= options.navs / 2)
      if (half && last && last !== half) {
        metrics.push({
          id: 'heap.growth.secondHalf',
          label: `  of which over the last ${last.navigations - half.navigations} navigations (a leak keeps climbing)`,
          unit: 'bytes',
          app: last.usedBytes - half.usedBytes,
          target: { text: 'info' },
        })
      }
      if (first && last) {
        metrics.push({
          id: 'heap.textures',
          label: `  live WebGL textures: after minus before the ${options.navs} navigations`,
          unit: 'count',
          app: last.liveTextures - first.liveTextures,
          target: { text: 'info' },
        })
        if (first.domNodes !== undefined && last.domNodes !== undefined) {
          metrics.push({
            id: 'heap.listeners',
            label: `  JS event listeners: after minus before the ${options.navs} navigations`,
            unit: 'count',
            app: (last.jsEventListeners ?? 0) - (first.jsEventListeners ?? 0),
            target: { text: 'info' },
          })
        }
      }
      metrics.push({
        id: 'nav.open.p50',
        label: '  Enter on a notice → detail drawn and settled, median (1× CPU)',
        unit: 'ms',
        app: round(heap.value.openMedianMs),
        target: { text: 'info' },
      })
      metrics.push({
        id: 'nav.close.p50',
        label: '  Back → 10 000-notice list drawn and settled, median (1× CPU)',
        unit: 'ms',
        app: round(heap.value.closeMedianMs),
        target: { text: 'info' },
      })
    }
    const appRest = median(values(atRest.get('appLarge'), (v) => v.usedBytes))
    const floorRest = median(values(atRest.get('floor'), (v) => v.usedBytes))
    metrics.push({
      id: 'heap.atRest',
      label: 'JS heap at rest after first content (app: 10 000 notices loaded), after forced GC',
      unit: 'bytes',
      app: appRest === null ? null : Math.round(appRest),
      floor: floorRest === null ? null : Math.round(floorRest),
      ratio: ratioOf(appRest, floorRest),
      runs: { app: values(atRest.get('appLarge'), (v) => v.usedBytes), floor: values(atRest.get('floor'), (v) => v.usedBytes) },
      target: { text: 'info' },
      ...(note(atRest.get('appLarge')) ?? note(atRest.get('floor')) ? { note: note(atRest.get('appLarge')) ?? note(atRest.get('floor')) } : {}),
    })
  }

  if (options.only.has('size')) {
    metrics.push(
      {
        id: 'size.bundle.raw',
        label: 'Bundle loaded at start (js/app.js), raw',
        unit: 'bytes',
        app: builds.app.entry.raw,
        floor: builds.floor.entry.raw,
        ratio: ratioOf(builds.app.entry.raw, builds.floor.entry.raw),
        target: { text: 'info' },
      },
      {
        id: 'size.bundle.gzip',
        label: 'Bundle loaded at start (js/app.js), gzip -9',
        unit: 'bytes',
        app: builds.app.entry.gzip,
        floor: builds.floor.entry.gzip,
        ratio: ratioOf(builds.app.entry.gzip, builds.floor.entry.gzip),
        target: { text: 'info' },
      },
      {
        id: 'size.appCode.raw',
        label: 'App code without Lightning core and SDK, raw',
        unit: 'bytes',
        app: builds.appOnly.entry.raw,
        target: { text: 'info' },
      },
      {
        id: 'size.appCode.gzip',
        label: 'App code without Lightning core and SDK, gzip -9',
        unit: 'bytes',
        app: builds.appOnly.entry.gzip,
        target: judge(builds.appOnly.entry.gzip, { text: '< 60 kB gzip', limit: 60_000, strict: true }),
      },
    )
  }

  const finished = new Date()
  const loadAtEnd = loadavg()
  const table = textTable(metrics)
  console.log(`\n${table}\n`)
  console.log(`Medians of ${options.runs} run(s); 1 kB = 1000 B, 1 MB = 10^6 B. Ran in ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s.`)

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    chromium: version,
    chromiumPath: executablePath,
    chromiumArgs: [...CHROMIUM_ARGS, ...options.chromiumArgs],
    viewport: '1280x720',
    loadAverage: { start: loadAtStart, end: loadAtEnd },
  }
  const result = {
    date: started.toISOString(),
    durationSeconds: Math.round((finished.getTime() - started.getTime()) / 1000),
    commit: gitCommit(),
    machine,
    config: {
      runs: options.runs,
      cpuRates: options.rates,
      presses: options.presses,
      navigations: options.navs,
      resolution: options.resolution,
      largeRegion: { code: LARGE_REGION, notices: LARGE_COUNT },
      fixtureRegion: FIXTURE_REGION,
      measured: [...options.only],
      units: { ms: 'milliseconds', bytes: 'bytes (1 kB = 1000 B)' },
    },
    metrics,
    sizes: builds,
    runs: {
      cold: Object.fromEntries(cold),
      warm: Object.fromEntries(warm),
      list: Object.fromEntries(interaction),
      heapAtRest: Object.fromEntries(atRest),
      heapNavigations: heap ?? null,
    },
  }
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(result, null, 2)}\n`)
  const md = [
    `## Benchmark (${started.toISOString().slice(0, 10)})`,
    '',
    `${machine.cores} × ${machine.cpu}, ${version}, headless with SwiftShader WebGL, 1280×720 viewport, ` +
      `stage ${options.resolution === 720 ? '1280×720' : '1920×1080'}; medians of ${options.runs} run(s); ` +
      `load average ${loadAtStart[0]?.toFixed(1)} at start, ${loadAtEnd[0]?.toFixed(1)} at end. ` +
      '`npm run bench` regenerates it (bench/results.json has every run).',
    '',
    markdownTable(metrics),
    '',
    'Floor: a blank Lightning 2 app (core + SDK, `Launch`, one text) built with the same plugins. ' +
      'RTT: the index.json request as the page saw it (start to last byte, loopback). ' +
      '1 kB = 1000 B, 1 MB = 10^6 B.',
    '',
  ].join('\n')
  writeFileSync(join(OUT_DIR, 'results.md'), md)
  console.log(`Wrote ${join('bench', 'results.json')} and ${join('bench', 'results.md')}.`)
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exitCode = 1
  })
  .finally(() => cleanUp())
