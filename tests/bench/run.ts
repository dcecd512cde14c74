/**
 * `npm run bench`: the app against a blank Lightning app (the floor), in one run, on this machine.
 *
 *   1. builds the production app (no mocks), the app without Lightning core/SDK (its own code's size), and
 *      the floor (tests/bench/floor/index.ts) into temporary folders with rollup.config.js's modern entry;
 *   2. serves them on loopback with the fixture feed over plain HTTP (scripts/serve.ts `feed`), plus a
 *      generated 10 000-notice region (`largeRegion`, code 999999): one copy of the app build per feed
 *      (10 000 notices, fixture county 431025) and per stage size, each with its settings.json;
 *   3. measures in headless Chromium, per variant (720p and 1080p, WebGL and canvas2d: variants.ts), the
 *      app and the floor of that variant in the same run: cold and warm offline start (start.ts), key →
 *      next paint and main-thread work per key on every focusable screen (keys.ts, screens.ts), a held
 *      Down on the list (scroll.ts), what each screen draws per frame (paint.ts); then memory (memory.ts)
 *      and bundle sizes; the 常见问题 digit search over 30 000 questions at 4× CPU (faqSearch.ts, no app build);
 *   4. prints the table and writes bench/results.json (machine, every figure with units, every run) and
 *      bench/results.md (the table for the README); `--quick` writes bench/quick.json and bench/quick.md.
 *
 * It measures and reports; it asserts nothing and is not part of `npm test`. Arguments: options.ts.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/ensure-browser'
import { serve, type RunningServer } from '../../scripts/serve'
import { indexKey } from '../../src/feed/cacheKeys'
import { closeAllSessions } from './browser'
import { DEFAULT_FAQ_SEARCH, faqSearch } from './faqSearch'
import { buildApp, buildAppOnly, buildFloor, type BuildInfo } from './build'
import { screenRun, type ScreenPlan } from './interaction'
import { attempt, type BenchContext, type PageSpec } from './measure'
import { heapAtRest, heapOverNavigations, textureMemory } from './memory'
import { parseArgs, type Options, type Region } from './options'
import { markdownTable, textTable } from './report'
import { buildRows, emptyCollected, key, type Collected, type StartTarget } from './rows'
import { FLOOR_CYCLE, FLOOR_ROWS, SCREENS } from './screens'
import { coldStart, warmStart } from './start'
import { floorQuery, variant, type Resolution, type Variant } from './variants'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT_DIR = join(ROOT, 'bench')
const LARGE_REGION = '999999'
const LARGE_COUNT = 10_000
const FIXTURE_REGION = '431025'
const HOLD_HZ = 30

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
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'static', 'tests/bench'], { cwd: ROOT, encoding: 'utf8' })
  if (head.status !== 0) return 'unknown'
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' (with uncommitted changes)' : ''}`
}

const ms = (v: number | null | undefined): string => (v === null || v === undefined ? 'n/a' : `${Math.round(v)} ms`)

// ---------------------------------------------------------------------------------------------------------
// Pages

interface Sites {
  /** App servers per feed and stage size. */
  app: Map<string, RunningServer>
  floor: RunningServer
}

function appUrl(sites: Sites, region: Region, resolution: Resolution, hash = ''): string {
  const server = sites.app.get(`${region}-${resolution}`)
  if (!server) throw new Error(`no app server for ${region} at ${resolution}`)
  return `${server.url}/${hash}`
}

function startPage(sites: Sites, v: Variant, target: StartTarget): PageSpec {
  if (target === 'floor') return { url: `${sites.floor.url}/${floorQuery(v)}`, variant: v }
  return {
    url: appUrl(sites, target, v.resolution),
    variant: v,
    cacheKey: indexKey(target === 'large' ? LARGE_REGION : FIXTURE_REGION),
  }
}

const floorRows = (sites: Sites, v: Variant): PageSpec => ({ url: `${sites.floor.url}/${floorQuery(v, FLOOR_ROWS)}`, variant: v })

// ---------------------------------------------------------------------------------------------------------
// Measuring

async function measureStarts(ctx: BenchContext, options: Options, sites: Sites, c: Collected): Promise<void> {
  const kinds = (['cold', 'warm'] as const).filter((k) => options.only.has(k))
  if (kinds.length === 0) return
  const targets: StartTarget[] = ['floor', ...options.regions]
  for (let run = 1; run <= options.runs; run++) {
    for (const v of options.variants) {
      for (const rate of options.rates) {
        for (const kind of kinds) {
          // App and floor alternate within a run, so a machine that slows down mid-way affects both.
          for (const target of targets) {
            const page = startPage(sites, v, target)
            const label = `${kind} ${v.label} ${target} ${rate}×`
            const outcome =
              kind === 'cold'
                ? await attempt(ctx, label, 120_000, coldStart(page, rate))
                : await attempt(ctx, label, 180_000, warmStart(page, rate))
            const map = kind === 'cold' ? c.cold : c.warm
            const k = key(v.id, target, rate)
            map.set(k, [...(map.get(k) ?? []), outcome])
            if (outcome.ok) {
              const feed = outcome.value.feed ? `, index.json ${ms(outcome.value.feed.durationMs)}` : ''
              log(`run ${run}/${options.runs} ${label}: first content ${ms(outcome.value.firstContentMs)}${feed}`)
            }
          }
        }
      }
    }
  }
}

async function measureScreens(ctx: BenchContext, options: Options, sites: Sites, c: Collected): Promise<void> {
  if (!options.only.has('keys') && !options.only.has('scroll')) return
  const hold = options.only.has('scroll') ? { holdMs: options.holdMs, hz: HOLD_HZ } : undefined
  for (const v of options.variants) {
    for (const rate of options.keyRates) {
      const budget = (plan: ScreenPlan) => 120_000 + plan.presses * 1_500 * rate + (plan.hold ? 90_000 : 0)
      const floorPlan: ScreenPlan = { setup: [], cycle: FLOOR_CYCLE, presses: options.presses, cpuRate: rate, trace: options.trace, ...(hold ? { hold } : {}) }
      const runs: { id: string; page: PageSpec; plan: ScreenPlan }[] = [{ id: 'floor', page: floorRows(sites, v), plan: floorPlan }]
      for (const s of SCREENS.filter((x) => options.screens.includes(x.id))) {
        runs.push({
          id: s.id,
          page: { url: appUrl(sites, s.feed, v.resolution, s.hash), variant: v },
          plan: {
            setup: s.setup,
            cycle: s.cycle,
            presses: options.presses,
            cpuRate: rate,
            trace: options.trace,
            ...(hold && s.id === 'notices' ? { hold } : {}),
            ...(s.waitForMark ? { waitForMark: s.waitForMark } : {}),
          },
        })
      }
      for (const r of runs) {
        const label = `keys ${v.label} ${rate}× ${r.id}`
        const outcome = await attempt(ctx, label, budget(r.plan), screenRun(r.page, r.plan))
        c.screens.set(key(v.id, r.id, rate), outcome)
        if (outcome.ok) {
          const k = outcome.value.keys
          const scroll = outcome.value.scroll ? `; held Down: frame p95 ${ms(outcome.value.scroll.p95Ms)}` : ''
          log(
            `${label}: next paint p50 ${ms(k.nextPaintMs.p50)} p95 ${ms(k.nextPaintMs.p95)}, work ${k.workMs.p50?.toFixed(1)} ms, ` +
              `texts/key ${k.textsPerKey.p50}; ${outcome.value.paint.quads} quads${scroll}`,
          )
          const trace = outcome.value.trace
          if (trace) log(`  traced, ms per key: ${trace.threads.slice(0, 6).map((t) => `${t.thread} ${t.msPerKey}`).join(', ')}`)
        }
      }
    }
  }
}

async function measureMemory(ctx: BenchContext, options: Options, sites: Sites, c: Collected): Promise<void> {
  if (!options.only.has('heap') && !options.only.has('texture')) return
  // Memory does not depend on the CPU rate; the shipped setting (1080p) in WebGL when it is measured.
  const v = options.variants.find((x) => x.id === '1080-webgl') ?? options.variants[0] ?? variant(1080, 'webgl')
  c.memoryVariant = v
  const list: PageSpec = { url: appUrl(sites, 'large', v.resolution, '#notices'), variant: v }
  if (options.only.has('heap')) {
    for (let run = 1; run <= options.runs; run++) {
      for (const [target, page] of [
        ['floor', floorRows(sites, v)],
        ['app', { url: appUrl(sites, 'large', v.resolution), variant: v }],
      ] as const) {
        const outcome = await attempt(ctx, `heap at rest ${target}`, 120_000, heapAtRest(page))
        c.atRest.set(target, [...(c.atRest.get(target) ?? []), outcome])
        if (outcome.ok) log(`run ${run}/${options.runs} heap at rest ${target}: ${(outcome.value.usedBytes / 1e6).toFixed(2)} MB`)
      }
    }
    log(`Heap over ${options.navs} navigations (open a notice, Back) in the 10 000-notice list…`)
    c.heap = await attempt(
      ctx,
      'heap growth',
      120_000 + options.navs * 4_000,
      heapOverNavigations(list, { navigations: options.navs, warmup: 10, sampleEvery: Math.max(1, Math.round(options.navs / 10)), log }),
    )
  }
  if (options.only.has('texture')) {
    // 10 000 notices at 4 a page: 2 500 PageDowns; at 1× the page keeps up with one press per two frames.
    const plan = { cpuRate: 1, budgetMs: 600_000, maxPresses: Math.ceil(LARGE_COUNT / 4) + 50 }
    for (const [target, page] of [
      ['floor', floorRows(sites, v)],
      ['app', list],
    ] as const) {
      log(`Texture memory: ${target}, PageDown through the list…`)
      const outcome = await attempt(ctx, `texture memory ${target}`, plan.budgetMs + 120_000, textureMemory(page, plan))
      c.texture.set(target, outcome)
      if (outcome.ok) {
        const t = outcome.value
        log(`  ${target}: max ${(t.maxUsedPixels / 1e6).toFixed(2)} MP of memoryPressure ${((t.memoryPressure ?? 0) / 1e6).toFixed(0)} MP, ${t.presses} presses, ${t.gcs} GCs`)
      }
    }
  }
}

/** 常见问题: the search code alone in a blank page, at the key figures' CPU rate (issue 12: ≤ 4 ms a key at 4×). */
async function measureFaqSearch(ctx: BenchContext, options: Options, c: Collected): Promise<void> {
  if (!options.only.has('faq-search')) return
  const cpuRate = options.keyRates.includes(4) ? 4 : (options.keyRates[0] ?? 4)
  const v = options.variants[0] ?? variant(1080, 'webgl')
  c.faqSearch = await attempt(ctx, 'faq-search', 180_000, faqSearch(v, { cpuRate, ...DEFAULT_FAQ_SEARCH }))
  if (c.faqSearch.ok) {
    const r = c.faqSearch.value
    log(`faq-search ${r.questions} questions ${cpuRate}×: typed p50 ${r.typed.p50} ms, p95 ${r.typed.p95} ms, max ${r.typed.max} ms; prepare ${r.prepare.totalMs} ms in ${r.prepare.slices} slices`)
  }
}

// ---------------------------------------------------------------------------------------------------------

function mapToObject<T>(map: Map<string, T>): Record<string, T> {
  return Object.fromEntries(map)
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  process.chdir(ROOT)
  const started = new Date()
  const loadAtStart = loadavg()
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH.')
  const version = chromiumVersion(executablePath)
  log(`Chromium: ${version}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`)
  log(`Variants: ${options.variants.map((v) => v.label).join(', ')}; measuring ${[...options.only].join(', ')}${options.quick ? ' (quick)' : ''}`)
  if ((loadAtStart[0] ?? 0) > cpus().length) {
    log(`Warning: the machine is busy (load ${loadAtStart[0]?.toFixed(1)} on ${cpus().length} cores): figures will vary more than usual.`)
  }

  // 1. Builds (none for the search figure alone: it bundles its own page)
  const needsApp = [...options.only].some((m) => m !== 'faq-search')
  const temp = mkdtempSync(join(tmpdir(), 'gov-tv-bench-'))
  cleanups.push(() => {
    if (options.keep) log(`Builds kept in ${temp}`)
    else rmSync(temp, { recursive: true, force: true })
  })
  if (needsApp) log('Building the app (production, modern entry), the floor' + (options.only.has('size') ? ' and the app without core/SDK' : '') + '…')
  const builds: Record<'app' | 'appOnly' | 'floor', BuildInfo | undefined> = {
    app: needsApp ? await buildApp(ROOT, join(temp, 'app')) : undefined,
    appOnly: needsApp && options.only.has('size') ? await buildAppOnly(ROOT, join(temp, 'app-only')) : undefined,
    floor: needsApp ? await buildFloor(ROOT, join(temp, 'floor')) : undefined,
  }
  if (needsApp) log(`  built in ${(Object.values(builds).reduce((sum, b) => sum + (b?.ms ?? 0), 0) / 1000).toFixed(1)} s`)

  // 2. Servers: one app copy per feed and stage size (settings.json differs), one floor.
  const resolutions = [...new Set(options.variants.map((v) => v.resolution))]
  const regions = new Set<Region>(options.regions)
  if (options.only.has('keys') || options.only.has('scroll')) {
    for (const s of SCREENS) if (options.screens.includes(s.id)) regions.add(s.feed)
  }
  if (options.only.has('heap') || options.only.has('texture')) regions.add('large')
  // Without an app build nothing reads the servers (every measurement but faq-search is off).
  const sites: Sites = { app: new Map(), floor: needsApp ? await serve({ dir: join(temp, 'floor'), feed: true }) : (undefined as unknown as RunningServer) }
  if (needsApp) cleanups.push(() => closeServer(sites.floor))
  for (const region of needsApp ? regions : []) {
    for (const resolution of resolutions) {
      const dir = join(temp, `app-${region}-${resolution}`)
      cpSync(join(temp, 'app'), dir, { recursive: true })
      writeSettings(dir, { ...options.appSettings, regionCode: region === 'large' ? LARGE_REGION : FIXTURE_REGION, resolution })
      const server = await serve({ dir, feed: true, ...(region === 'large' ? { largeRegion: { code: LARGE_REGION, count: LARGE_COUNT } } : {}) })
      cleanups.push(() => closeServer(server))
      sites.app.set(`${region}-${resolution}`, server)
      // The first answer serializes the 10 000-notice index once (kept afterwards): not part of any run.
      const code = region === 'large' ? LARGE_REGION : FIXTURE_REGION
      const response = await fetch(`${server.url}/feed/v1/regions/${code}/index.json`)
      if (response.status !== 200) throw new Error(`the feed for region ${code} answered ${response.status}`)
      await response.arrayBuffer()
    }
  }

  // 3. Measurements
  const ctx: BenchContext = { executablePath, extraArgs: options.chromiumArgs, log }
  const collected = emptyCollected()
  await measureStarts(ctx, options, sites, collected)
  await measureScreens(ctx, options, sites, collected)
  await measureMemory(ctx, options, sites, collected)
  await measureFaqSearch(ctx, options, collected)

  // 4. The table
  const metrics = buildRows(options, collected, builds)
  const finished = new Date()
  const loadAtEnd = loadavg()
  const seconds = Math.round((finished.getTime() - started.getTime()) / 1000)
  console.log(`\n${textTable(metrics)}\n`)
  console.log(
    `Medians of ${options.runs} run(s) for start-up and heap at rest; ${options.presses} presses per screen; ` +
      `1 kB = 1000 B, 1 MB = 10^6 B, MP = 10^6 pixels. Ran in ${seconds} s.`,
  )

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    chromium: version,
    chromiumPath: executablePath,
    chromiumArgs: [...CHROMIUM_ARGS, ...options.chromiumArgs],
    loadAverage: { start: loadAtStart, end: loadAtEnd },
  }
  const result = {
    date: started.toISOString(),
    durationSeconds: seconds,
    commit: gitCommit(),
    machine,
    config: {
      quick: options.quick,
      runs: options.runs,
      startCpuRates: options.rates,
      keyCpuRates: options.keyRates,
      presses: options.presses,
      holdMs: options.holdMs,
      holdHz: HOLD_HZ,
      navigations: options.navs,
      variants: options.variants,
      screens: options.screens,
      regions: options.regions,
      largeRegion: { code: LARGE_REGION, notices: LARGE_COUNT },
      fixtureRegion: FIXTURE_REGION,
      floorRows: FLOOR_ROWS,
      measured: [...options.only],
      units: { ms: 'milliseconds', bytes: 'bytes (1 kB = 1000 B)', pixels: 'pixels (Lightning texture memory)', stage: 'share of the stage area' },
    },
    metrics,
    sizes: builds,
    runs: {
      cold: mapToObject(collected.cold),
      warm: mapToObject(collected.warm),
      screens: mapToObject(collected.screens),
      heapAtRest: mapToObject(collected.atRest),
      heapNavigations: collected.heap ?? null,
      textureMemory: mapToObject(collected.texture),
      faqSearch: collected.faqSearch ?? null,
    },
  }
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(join(OUT_DIR, `${options.out}.json`), `${JSON.stringify(result, null, 2)}\n`)
  const patched = Object.entries(options.appSettings).map(([k, v]) => `--setting ${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
  const flags = [...(options.quick ? ['--quick'] : []), ...(options.out === 'faq-search' ? ['--only faq-search'] : []), ...patched]
  const command = `\`npm run bench${flags.length ? ` -- ${flags.join(' ')}` : ''}\``
  const md = [
    `## Benchmark${options.quick ? ', quick mode' : ''} (${started.toISOString().slice(0, 10)})`,
    '',
    `${machine.cores} × ${machine.cpu}, ${version}, headless; WebGL on SwiftShader, canvas2d with \`--disable-webgl\`; ` +
      `${options.variants.map((v) => v.label).join(', ')} (720p: 1280×720 window, resolution 720; 1080p: 1920×1080 window, resolution 1080); ` +
      `medians of ${options.runs} run(s) for start-up, ${options.presses} presses per screen; load average ` +
      `${loadAtStart[0]?.toFixed(1)} at start, ${loadAtEnd[0]?.toFixed(1)} at end; ${seconds} s. ` +
      `${patched.length ? `The app's settings.json has ${patched.map((p) => p.replace('--setting ', '')).join(', ')}. ` : ''}${command} regenerates it ` +
      `(bench/${options.out}.json has every run and sample).`,
    '',
    markdownTable(metrics),
    '',
    'Floor: a blank Lightning 2 app built with the same plugins, in the same variant: for start-up one text; for keys, ' +
      'held keys, paint and heap one title and 20 focusable rows (Down moves focus, a colour change). ' +
      'RTT: the index.json request as the page saw it (start to last byte, loopback). ' +
      'Key → next paint: Event Timing `duration` of the keydown (8 ms steps; under 16 ms counts as 16). ' +
      'Main-thread work: the key handlers plus the frame they cause (Stage.updateFrame start → renderFrame end). ' +
      'Stage area: a share of the stage (100 % = every pixel once). 1 kB = 1000 B, 1 MB = 10^6 B, MP = 10^6 pixels.',
    '',
  ].join('\n')
  writeFileSync(join(OUT_DIR, `${options.out}.md`), md)
  console.log(`Wrote bench/${options.out}.json and bench/${options.out}.md.`)
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exitCode = 1
  })
  .finally(() => cleanUp())
