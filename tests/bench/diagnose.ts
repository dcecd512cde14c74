/**
 * `npm run bench:diagnose -- start|heap [options]`: where a figure of the bench comes from, for a closing note
 * or before a lever is tried. It builds like the bench (build.ts), serves like the bench (scripts/serve.ts,
 * the fixture county or the generated 10 000-notice region) and prints:
 *
 *   start  a CPU profile from navigation to `app:first-content`: self time per function, largest first
 *          (--target app|floor, --region fixture|large, --mode cold|warm (warm: offline, from IndexedDB), --rate 4);
 *          --after MS profiles MS ms past first content too; --timeline MS adds the profile in slices of MS ms, each with its busy time and heaviest functions
 *   heap   a heap snapshot of the 10 000-notice list at rest (after forced GC; --target floor: the floor's 20 rows): bytes per node type and
 *          what the strings are (notice ids, timestamps, Chinese text, the rest); --save FILE keeps it
 *
 *   keys   a CPU profile of one screen's key presses (--screen notices|chips|guides|…, the bench's cycle,
 *          --presses 40, --rate 4; --target floor: its 20 rows): self time per function per key
 *   hold   a CPU profile of Down held 3 s at 30 Hz on the 10 000-notice list (--target floor: its 20 rows),
 *          as the bench's scroll row holds it: frame interval p50/p95 and self time per drawn frame
 *
 * 1080p unless --res 720; WebGL unless --renderer canvas2d. Minified names: look a `file:line:column` up in the build's source map (--keep prints
 * the folder). It measures one run and asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from '../../scripts/ensure-browser'
import { serve } from '../../scripts/serve'
import { Session, newProfileDir } from './browser'
import { buildApp, buildFloor } from './build'
import { measureKeys, pressSetup } from './keys'
import { settled } from './measure'
import { holdKey } from './scroll'
import { FLOOR_CYCLE, FLOOR_ROWS, SCREENS } from './screens'
import { floorQuery, variant } from './variants'
import type { RemoteKey } from './browser'
import { heapComposition, selfTimeByFunction, timeline, type CpuProfile } from './profileSummary'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const REGIONS = { fixture: '431025', large: '999999' } as const
/** --res 720: the 1280×720 window and stage (the app's resolution 720), as the bench's 720p rows. */
const RESOLUTION = option('res', '1080') === '720' ? 720 : 1080
const VIEWPORT = variant(RESOLUTION, 'webgl').viewport

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} kB`

async function main(): Promise<void> {
  const what = process.argv[2]
  if (what !== 'start' && what !== 'heap' && what !== 'keys' && what !== 'hold') {
    throw new Error('usage: npm run bench:diagnose -- start|heap|keys|hold [--target app|floor] [--renderer webgl|canvas2d] [--res 720|1080] [--region fixture|large] [--mode cold|warm] [--rate N] [--after MS] [--timeline MS] [--screen ID] [--presses N] [--save FILE] [--keep]')
  }
  const target = option('target', 'app')
  const screen = what === 'keys' ? SCREENS.find((s) => s.id === option('screen', 'notices')) : undefined
  if (what === 'keys' && !screen) throw new Error(`--screen is one of ${SCREENS.map((s) => s.id).join(', ')}`)
  const region = what === 'heap' || what === 'hold' ? 'large' : screen ? screen.feed : option('region', 'fixture')
  if (region !== 'fixture' && region !== 'large') throw new Error(`--region is fixture or large, not ${region}`)
  const code = REGIONS[region]
  const temp = mkdtempSync(join(tmpdir(), 'gov-tv-diagnose-'))
  const dir = join(temp, target)
  if (target === 'floor') await buildFloor(ROOT, dir)
  else await buildApp(ROOT, dir)
  const base = JSON.parse(readFileSync(join(ROOT, 'static/settings.json'), 'utf8')) as Record<string, unknown>
  const renderer = option('renderer', 'webgl')
  if (renderer !== 'webgl' && renderer !== 'canvas2d') throw new Error(`--renderer is webgl or canvas2d, not ${renderer}`)
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...base, regionCode: code, resolution: RESOLUTION, renderer }))
  const server = await serve({ dir, feed: true, ...(region === 'large' ? { largeRegion: { code } } : {}) })
  await (await fetch(`${server.url}/feed/v1/regions/${code}/index.json`)).arrayBuffer()
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH.')
  // The floor for keys and heap is its 20 rows, as the bench measures it; for a start, its one text.
  const floorPage = `${server.url}/${floorQuery(variant(RESOLUTION, renderer), what === 'start' ? 0 : FLOOR_ROWS)}`
  const page = target === 'floor' ? floorPage : `${server.url}/${what === 'heap' || what === 'hold' ? '#notices' : screen ? screen.hash : ''}`
  const profile = newProfileDir()
  try {
    if (what === 'heap') await heap(executablePath, page)
    else if (what === 'hold') await hold(executablePath, page, Number(option('rate', '4')))
    else if (screen) await keys(executablePath, page, target === 'floor' ? { setup: [], cycle: FLOOR_CYCLE } : screen, Number(option('presses', '40')), Number(option('rate', '4')))
    else await start(executablePath, page, profile, option('mode', 'warm'), Number(option('rate', '4')))
  } finally {
    await server.close()
    rmSync(profile, { recursive: true, force: true })
    if (process.argv.includes('--keep')) console.log(`build kept in ${dir}`)
    else rmSync(temp, { recursive: true, force: true })
  }
}

/** Runs `run` under V8's sampling profiler (200 µs) and returns its result with the profile. */
async function profiled<T>(session: Session, run: () => Promise<T>): Promise<{ result: T; cpu: CpuProfile }> {
  await session.cdp.send('Profiler.enable')
  await session.cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await session.cdp.send('Profiler.start')
  const result = await run()
  const { profile: cpu } = (await session.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  return { result, cpu }
}

async function start(executablePath: string, page: string, profile: string, mode: string, cpuRate: number): Promise<void> {
  if (mode === 'warm') {
    // The visit that fills IndexedDB and the HTTP cache, as the bench's warm start does.
    const online = await Session.open({ executablePath, cpuRate: 1, profile, viewport: VIEWPORT })
    await online.goto(page)
    await online.mark('app:first-content', 60_000)
    await new Promise((done) => setTimeout(done, 4000))
    await online.close()
  }
  const session = await Session.open({ executablePath, cpuRate, profile, viewport: VIEWPORT, feedOffline: mode === 'warm' })
  try {
    const afterMs = Number(option('after', '0'))
    const { result: [firstContent, boot], cpu } = await profiled(session, async () => {
      await session.goto(page)
      const marks = [await session.mark('app:first-content', 60_000), await session.mark('app:boot', 1000)] as const
      // --after MS: keep profiling that long past first content (images decoded, textures drawn late).
      if (afterMs > 0) await new Promise((done) => setTimeout(done, afterMs))
      return marks
    })
    const times = selfTimeByFunction(cpu)
    const busy = times.filter((t) => t.where !== '(idle)').reduce((sum, t) => sum + t.ms, 0)
    const window = afterMs > 0 ? ` until ${afterMs} ms after it` : ''
    console.log(`${mode} start at ${cpuRate}× CPU: boot ${Math.round(boot ?? NaN)} ms, first content ${Math.round(firstContent ?? NaN)} ms, ${Math.round(busy)} ms busy${window}`)
    for (const t of times.slice(0, 40)) console.log(`${t.ms.toFixed(1).padStart(9)} ms  ${t.where}`)
    // --timeline MS: the same profile in slices of MS, to see what waits and what runs, in order.
    const sliceMs = Number(option('timeline', '0'))
    if (sliceMs > 0) {
      console.log(`timeline in ${sliceMs} ms slices: busy ms, then the heaviest functions`)
      for (const s of timeline(cpu, sliceMs)) {
        const top = s.top.map((t) => `${t.where} ${t.ms.toFixed(0)}`).join('; ')
        console.log(`${String(s.fromMs).padStart(6)} ms ${s.busyMs.toFixed(0).padStart(4)}  ${top}`)
      }
    }
  } finally {
    await session.close()
  }
}

/** A CPU profile of a screen's key presses (the bench's cycle, each press awaited until drawn): self time per function. */
async function keys(executablePath: string, page: string, screen: { setup: readonly RemoteKey[]; cycle: readonly RemoteKey[]; waitForMark?: string }, presses: number, cpuRate: number): Promise<void> {
  const session = await Session.open({ executablePath, cpuRate, viewport: VIEWPORT, probe: true })
  try {
    await session.goto(page)
    await session.mark('app:first-content', 60_000)
    if (screen.waitForMark) await session.mark(screen.waitForMark, 60_000)
    await settled(session, 20_000)
    await pressSetup(session, screen.setup)
    const { result, cpu } = await profiled(session, () => measureKeys(session, screen.cycle, presses))
    const times = selfTimeByFunction(cpu).filter((t) => t.where !== '(idle)')
    console.log(`${presses} presses at ${cpuRate}× CPU: main-thread work per key median ${(result.workMs.p50 ?? NaN).toFixed(1)} ms, texts per key median ${result.textsPerKey.p50}; self time per key:`)
    for (const t of times.slice(0, 40)) console.log(`${(t.ms / presses).toFixed(2).padStart(9)} ms  ${t.where}`)
    console.log(`per key, in order: main-thread work ms ${result.samples.workMs.join(' ')}`)
    console.log(`per key, in order: texts drawn until settled ${result.samples.texts.join(' ')}`)
  } finally {
    await session.close()
  }
}

/** A CPU profile of Down held as the bench's scroll row holds it: where each drawn frame's time goes. */
async function hold(executablePath: string, page: string, cpuRate: number): Promise<void> {
  const session = await Session.open({ executablePath, cpuRate, viewport: VIEWPORT, probe: true })
  try {
    await session.goto(page)
    await session.mark('app:first-content', 60_000)
    await settled(session, 20_000)
    const { result, cpu } = await profiled(session, () => holdKey(session, 'ArrowDown', { holdMs: 3000, hz: 30 }))
    const times = selfTimeByFunction(cpu).filter((t) => t.where !== '(idle)')
    const frames = Math.max(1, result.drawnFrames)
    console.log(`Down held ${result.heldMs.toFixed(0)} ms at ${cpuRate}× CPU: ${result.received} of ${result.sent} keys received, ${result.drawnFrames} frames drawn, frame interval p50 ${(result.p50Ms ?? NaN).toFixed(1)} ms, p95 ${(result.p95Ms ?? NaN).toFixed(1)} ms; self time per drawn frame:`)
    for (const t of times.slice(0, 40)) console.log(`${(t.ms / frames).toFixed(2).padStart(9)} ms  ${t.where}`)
  } finally {
    await session.close()
  }
}

async function heap(executablePath: string, page: string): Promise<void> {
  const session = await Session.open({ executablePath, cpuRate: 1, viewport: VIEWPORT })
  try {
    await session.goto(page)
    await session.mark('app:first-content', 60_000)
    await new Promise((done) => setTimeout(done, 8000))
    await session.collectGarbage()
    const used = (await session.heap()).usedBytes
    const chunks: string[] = []
    session.cdp.on('HeapProfiler.addHeapSnapshotChunk', (event: { chunk: string }) => chunks.push(event.chunk))
    await session.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    const snapshot = chunks.join('')
    // --save FILE keeps the snapshot, to open in Chromium's DevTools (Memory, Load) for a closer look.
    const save = option('save', '')
    if (save) writeFileSync(save, snapshot)
    const { byType, strings } = heapComposition(snapshot)
    console.log(`heap at rest (Runtime.getHeapUsage): ${kb(used)}; the snapshot by node type (native is outside the JS heap):`)
    for (const [type, bytes] of Object.entries(byType).sort((a, b) => b[1] - a[1])) console.log(`${kb(bytes).padStart(9)}  ${type}`)
    console.log(`strings: notice ids ${kb(strings.noticeIds)}, timestamps ${kb(strings.timestamps)}, Chinese text ${kb(strings.chinese)}, other ${kb(strings.other)}`)
  } finally {
    await session.close()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
