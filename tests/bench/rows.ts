/**
 * The table's rows from what was measured: every row has the app's figure, the floor's from the same run
 * and variant, their ratio, issue 11's target worked out for this run, and PASS/FAIL (or info).
 */
import type { BuildInfo } from './build'
import type { FaqSearchResult } from './faqSearch'
import type { ScreenResult } from './interaction'
import type { AtRest, HeapResult, HeapSample, TextureMemory } from './memory'
import type { Outcome } from './measure'
import type { Options, Region } from './options'
import { judge, type Metric, type Target, type Unit } from './report'
import { SCREENS, type ScreenId } from './screens'
import type { StartResult } from './start'
import { median, round } from './stats'
import type { TraceSummary } from './traceSummary'
import type { Variant } from './variants'

export type Runs<T> = Outcome<T>[]
export type StartTarget = 'floor' | Region

/** Everything measured, keyed by `key(...)` parts joined with '|'. */
export interface Collected {
  cold: Map<string, Runs<StartResult>>
  warm: Map<string, Runs<StartResult>>
  /** `${variant}|${screen or 'floor'}|${rate}` → one outcome (its presses are the samples). */
  screens: Map<string, Outcome<ScreenResult>>
  atRest: Map<'floor' | 'app', Runs<AtRest>>
  heap?: Outcome<HeapResult>
  texture: Map<'floor' | 'app', Outcome<TextureMemory>>
  /** The variant memory was measured in. */
  memoryVariant?: Variant
  /** 常见问题 digit search over 30 000 questions (faqSearch.ts). */
  faqSearch?: Outcome<FaqSearchResult>
}

export const key = (...parts: (string | number)[]): string => parts.join('|')

export function emptyCollected(): Collected {
  return { cold: new Map(), warm: new Map(), screens: new Map(), atRest: new Map(), texture: new Map() }
}

function values<T>(runs: Runs<T> | undefined, pick: (value: T) => number | null | undefined): (number | null)[] {
  return (runs ?? []).map((r) => (r.ok ? (pick(r.value) ?? null) : null))
}

function note<T>(runs: Runs<T> | undefined): string | undefined {
  if (!runs || runs.length === 0) return 'not measured'
  const failed = runs.filter((r): r is { ok: false; reason: string; ms: number } => !r.ok)
  if (failed.length === 0) return undefined
  const why = [...new Set(failed.map((r) => r.reason))].join('; ')
  return failed.length === runs.length ? why : `${runs.length - failed.length} of ${runs.length} runs (${why})`
}

export function ratioOf(app: number | null | undefined, floor: number | null | undefined): number | null {
  return app !== null && app !== undefined && floor ? round(app / floor, 2) : null
}

const info: Target = { text: 'info' }

/** A row comparing app and floor. */
function row(
  id: string,
  section: string,
  label: string,
  unit: Unit,
  app: number | null,
  floor: number | null | undefined,
  target: Target,
  extra: Partial<Metric> = {},
): Metric {
  return {
    id,
    section,
    label,
    unit,
    app: unit === 'ms' ? round(app) : app,
    ...(floor !== undefined ? { floor: unit === 'ms' ? round(floor) : floor } : {}),
    ...(floor !== undefined ? { ratio: ratioOf(app, floor) } : {}),
    target,
    ...extra,
  }
}

const REGION_LABEL: Record<Region, string> = { large: '10 000 notices', fixture: 'fixture region 431025' }

// ---------------------------------------------------------------------------------------------------------

function startRows(options: Options, c: Collected, v: Variant): Metric[] {
  const out: Metric[] = []
  const section = `Start, ${v.label}`
  for (const kind of ['cold', 'warm'] as const) {
    if (!options.only.has(kind)) continue
    const map = kind === 'cold' ? c.cold : c.warm
    for (const region of options.regions) {
      for (const rate of options.rates) {
        const appRuns = map.get(key(v.id, region, rate))
        const floorRuns = map.get(key(v.id, 'floor', rate))
        const app = median(values(appRuns, (s) => s.firstContentMs))
        const floor = median(values(floorRuns, (s) => s.firstContentMs))
        const rtt = median(values(appRuns, (s) => s.feed?.durationMs))
        const why = note(appRuns) ?? note(floorRuns)
        const runs = { app: values(appRuns, (s) => round(s.firstContentMs)), floor: values(floorRuns, (s) => round(s.firstContentMs)) }
        let target: Target
        if (kind === 'cold') {
          target =
            floor !== null && rtt !== null
              ? judge(app, { text: '≤ 1.3×floor + RTT', limit: Math.round(1.3 * floor + rtt) })
              : { text: '≤ 1.3×floor + RTT', pass: null }
        } else {
          target = floor !== null ? judge(app, { text: '≤ 1.2×floor', limit: Math.round(1.2 * floor) }) : { text: '≤ 1.2×floor', pass: null }
        }
        const label =
          kind === 'cold'
            ? `Cold start to first content, ${REGION_LABEL[region]}, ${rate}× CPU`
            : `Warm start offline (app: index from IndexedDB; floor: restart), ${REGION_LABEL[region]}, ${rate}× CPU`
        out.push(row(`${kind}.${v.id}.${region}.${rate}x`, section, label, 'ms', app, floor, target, { runs, ...(why ? { note: why } : {}) }))
        if (kind !== 'cold') continue
        out.push(
          row(`rtt.${v.id}.${region}.${rate}x`, section, '  one feed round trip (index.json, start to last byte)', 'ms', rtt, undefined, {
            text: 'RTT in the target above',
          }),
          row(
            `feedStart.${v.id}.${region}.${rate}x`,
            section,
            '  index.json requested at (ms after navigation start)',
            'ms',
            median(values(appRuns, (s) => s.feed?.startMs)),
            undefined,
            info,
          ),
          row(
            `webgl.${v.id}.${region}.${rate}x`,
            section,
            v.renderer === 'webgl'
              ? '  of the start: getContext(webgl) calls (app: its probe too; GPU process, SwiftShader)'
              : '  of the start: getContext(webgl) calls refused (the probe that picks canvas2d)',
            'ms',
            median(values(appRuns, (s) => s.webglMs)),
            median(values(floorRuns, (s) => s.webglMs)),
            info,
          ),
        )
      }
    }
  }
  return out
}

function screenValue(c: Collected, v: Variant, screen: ScreenId | 'floor', rate: number): Outcome<ScreenResult> | undefined {
  return c.screens.get(key(v.id, screen, rate))
}

function outcomeNote(o: Outcome<unknown> | undefined): string | undefined {
  if (!o) return 'not measured'
  return o.ok ? undefined : o.reason
}

/** The threads a traced key's time is told on, in the order shown. */
const TRACED_THREADS = [
  { suffix: '/ CrRendererMain', label: "the page's main thread" },
  { suffix: '/ Compositor', label: "the page's compositor thread" },
  { suffix: '/ CrGpuMain', label: "the GPU process's main thread (SwiftShader draws here)" },
  { suffix: '/ VizCompositorThread', label: 'the display compositor (Viz)' },
] as const

function tracedRows(id: string, section: string, app: TraceSummary | undefined, floor: TraceSummary | undefined): Metric[] {
  const busy = (t: TraceSummary | undefined, suffix: string): number | null =>
    t ? (t.threads.find((x) => x.thread.endsWith(suffix))?.msPerKey ?? 0) : null
  return TRACED_THREADS.map((thread) =>
    row(`${id}.${thread.suffix.slice(2)}`, section, `  traced: busy per key, ${thread.label}`, 'ms', busy(app, thread.suffix), busy(floor, thread.suffix), info),
  )
}

function keyRows(options: Options, c: Collected, v: Variant): Metric[] {
  const out: Metric[] = []
  for (const rate of options.keyRates) {
    const section = `Keys, ${v.label}, ${rate}× CPU (${options.presses} presses per screen)`
    const floorOutcome = screenValue(c, v, 'floor', rate)
    const floor = floorOutcome?.ok ? floorOutcome.value : undefined
    for (const s of SCREENS.filter((x) => options.screens.includes(x.id))) {
      const outcome = screenValue(c, v, s.id, rate)
      const app = outcome?.ok ? outcome.value : undefined
      const why = outcomeNote(outcome) ?? outcomeNote(floorOutcome)
      const extra = (a: ScreenResult | undefined): Partial<Metric> => ({
        ...(why ? { note: why } : {}),
        ...(a && a.keys.drawn < a.keys.presses ? { note: `${a.keys.presses - a.keys.drawn} of ${a.keys.presses} presses drew nothing (left out)` } : {}),
      })
      const p95 = app?.keys.nextPaintMs.p95 ?? null
      const floorP95 = floor?.keys.nextPaintMs.p95 ?? null
      out.push(
        row(
          `key.p95.${v.id}.${s.id}.${rate}x`,
          section,
          `Key → next paint p95 (Event Timing), ${s.label}`,
          'ms',
          p95,
          floorP95,
          floorP95 !== null ? judge(p95, { text: '≤ 1.1×floor', limit: round(1.1 * floorP95) ?? undefined }) : { text: '≤ 1.1×floor', pass: null },
          extra(app),
        ),
        row(`key.p50.${v.id}.${s.id}.${rate}x`, section, '  key → next paint p50', 'ms', app?.keys.nextPaintMs.p50 ?? null, floor?.keys.nextPaintMs.p50 ?? null, info),
      )
      const work = app?.keys.workMs.p50 ?? null
      const floorWork = floor?.keys.workMs.p50 ?? null
      out.push(
        row(
          `key.work.${v.id}.${s.id}.${rate}x`,
          section,
          '  main-thread work per key, median (handlers + the frame it draws)',
          'ms',
          work,
          floorWork,
          rate === 4 && floorWork !== null
            ? judge(work, { text: '≤ floor + 4 ms', limit: round(floorWork + 4) ?? undefined })
            : { text: rate === 4 ? '≤ floor + 4 ms' : 'info (target is at 4×)', ...(rate === 4 ? { pass: null } : {}) },
        ),
        row(
          `key.texts.${v.id}.${s.id}.${rate}x`,
          section,
          '  texts drawn per key, median (TextTexture draws)',
          'count',
          app?.keys.textsPerKey.p50 ?? null,
          floor?.keys.textsPerKey.p50 ?? null,
          info,
        ),
      )
      if (options.trace) out.push(...tracedRows(`key.trace.${v.id}.${s.id}.${rate}x`, section, app?.trace, floor?.trace))
    }
    if (options.only.has('scroll') && options.screens.includes('notices')) {
      const app = screenValue(c, v, 'notices', rate)
      const appScroll = app?.ok ? (app.value.scroll?.p95Ms ?? null) : null
      const floorScroll = floor?.scroll?.p95Ms ?? null
      const why = outcomeNote(app) ?? outcomeNote(floorOutcome)
      out.push(
        row(
          `scroll.p95.${v.id}.${rate}x`,
          section,
          `Down held ${options.holdMs / 1000} s (30 Hz auto-repeat): frame interval p95, 10 000-notice list vs floor rows`,
          'ms',
          appScroll,
          floorScroll,
          floorScroll !== null
            ? judge(appScroll, { text: '≤ 1.1×floor', limit: round(1.1 * floorScroll) ?? undefined })
            : { text: '≤ 1.1×floor', pass: null },
          why ? { note: why } : {},
        ),
        row(
          `scroll.received.${v.id}.${rate}x`,
          section,
          '  frames that drew while held and draining',
          'count',
          app?.ok ? (app.value.scroll?.drawnFrames ?? null) : null,
          floor?.scroll?.drawnFrames ?? null,
          info,
        ),
      )
    }
  }
  return out
}

/** Paint counters of one variant (one CPU rate: they do not depend on it). */
function paintRows(options: Options, c: Collected, v: Variant): Metric[] {
  const out: Metric[] = []
  const rate = options.keyRates[0] ?? 4
  const section = `Paint per frame, ${v.label} (one full redraw of the screen at rest)`
  const floorOutcome = screenValue(c, v, 'floor', rate)
  const floor = floorOutcome?.ok ? floorOutcome.value.paint : undefined
  for (const s of SCREENS.filter((x) => options.screens.includes(x.id))) {
    const outcome = screenValue(c, v, s.id, rate)
    const app = outcome?.ok ? outcome.value.paint : undefined
    const why = outcomeNote(outcome)
    const shaders = app ? Object.entries(app.shaders).map(([name, n]) => `${name} ${n}`).join(', ') : ''
    out.push(
      row(`paint.quads.${v.id}.${s.id}`, section, `Quads, ${s.label}`, 'count', app?.quads ?? null, floor?.quads ?? null, info, why ? { note: why } : {}),
      row(
        `paint.shaderArea.${v.id}.${s.id}`,
        section,
        `  stage area drawn by a shader${shaders ? ` (${shaders} quads)` : ''}`,
        'stage',
        app?.shaderArea ?? null,
        floor?.shaderArea ?? null,
        info,
      ),
      row(`paint.covered.${v.id}.${s.id}`, section, '  stage area drawn, all quads (overdraw)', 'stage', app?.coveredArea ?? null, floor?.coveredArea ?? null, info),
      row(
        `paint.fullScreen.${v.id}.${s.id}`,
        section,
        '  full-screen layers (quads ≥ 90 % of the stage)',
        'count',
        app?.fullScreenLayers ?? null,
        floor?.fullScreenLayers ?? null,
        info,
      ),
      row(`paint.texts.${v.id}.${s.id}`, section, '  text quads', 'count', app?.textQuads ?? null, floor?.textQuads ?? null, info),
    )
    if (v.renderer === 'webgl') {
      out.push(row(`paint.glDraws.${v.id}.${s.id}`, section, '  WebGL draw calls', 'count', app?.glDraws ?? null, floor?.glDraws ?? null, info))
    }
  }
  return out
}

function memoryRows(options: Options, c: Collected): Metric[] {
  const out: Metric[] = []
  const section = `Memory, ${c.memoryVariant?.label ?? ''} (1× CPU)`
  if (options.only.has('heap')) {
    const appRest = median(values(c.atRest.get('app'), (v) => v.usedBytes))
    const floorRest = median(values(c.atRest.get('floor'), (v) => v.usedBytes))
    const why = note(c.atRest.get('app')) ?? note(c.atRest.get('floor'))
    out.push(
      row(
        'heap.atRest',
        section,
        'JS heap at rest after first content (app: 10 000 notices loaded; floor: 20 rows), after forced GC',
        'bytes',
        appRest === null ? null : Math.round(appRest),
        floorRest === null ? null : Math.round(floorRest),
        floorRest !== null ? judge(appRest, { text: '≤ 2×floor', limit: Math.round(2 * floorRest) }) : { text: '≤ 2×floor', pass: null },
        { runs: { app: values(c.atRest.get('app'), (v) => v.usedBytes), floor: values(c.atRest.get('floor'), (v) => v.usedBytes) }, ...(why ? { note: why } : {}) },
      ),
    )
    const heap = c.heap
    const growth = heap?.ok ? heap.value.growthBytes : null
    out.push(
      row(
        'heap.growth',
        section,
        `JS heap growth over ${options.navs} navigations (open a notice, Back), after forced GC`,
        'bytes',
        growth,
        undefined,
        judge(growth, { text: '< 1 MB', limit: 1_000_000, strict: true }),
        heap && !heap.ok ? { note: heap.reason } : {},
      ),
    )
    if (heap?.ok) {
      const samples = heap.value.samples
      const first = samples[0]
      const last = samples[samples.length - 1]
      const half = samples.find((x) => x.navigations >= options.navs / 2)
      if (half && last && first && last !== half) {
        const firstHalf = half.usedBytes - first.usedBytes
        const secondHalf = last.usedBytes - half.usedBytes
        out.push(
          row(
            'heap.growth.secondHalf',
            section,
            `  of which over the last ${last.navigations - half.navigations} navigations (a leak keeps climbing)`,
            'bytes',
            secondHalf,
            undefined,
            // "Does not climb": the second half adds no more than a tenth of what the first half did, or under 100 kB.
            judge(secondHalf, { text: '≤ max(100 kB, first half/10)', limit: Math.max(100_000, Math.round(firstHalf / 10)) }),
          ),
        )
        // The same figures without V8's compiled code: what is left is the objects the app keeps.
        const objects = (x: HeapSample): number => x.usedBytes - x.codeBytes
        const codeSecondHalf = last.codeBytes - half.codeBytes
        const objectsFirstHalf = objects(half) - objects(first)
        const objectsSecondHalf = objects(last) - objects(half)
        out.push(
          row('heap.growth.secondHalf.code', section, `    of it V8's compiled code (heap snapshot: optimised machine code for functions that keep running)`, 'bytes', codeSecondHalf, undefined, info),
          row(
            'heap.growth.secondHalf.objects',
            section,
            `    of it everything else (the objects kept: the leak figure without the engine's code)`,
            'bytes',
            objectsSecondHalf,
            undefined,
            judge(objectsSecondHalf, { text: '≤ max(100 kB, first half/10)', limit: Math.max(100_000, Math.round(objectsFirstHalf / 10)) }),
          ),
        )
      }
      if (first && last) {
        out.push(
          row('heap.textures', section, `  live WebGL textures: after minus before the ${options.navs} navigations`, 'count', last.liveTextures - first.liveTextures, undefined, info),
        )
        if (first.jsEventListeners !== undefined && last.jsEventListeners !== undefined) {
          out.push(row('heap.listeners', section, `  JS event listeners: after minus before`, 'count', last.jsEventListeners - first.jsEventListeners, undefined, info))
        }
      }
      out.push(
        row('nav.open.p50', section, '  Enter on a notice → detail drawn and settled, median', 'ms', heap.value.openMedianMs, undefined, info),
        row('nav.close.p50', section, '  Back → 10 000-notice list drawn and settled, median', 'ms', heap.value.closeMedianMs, undefined, info),
      )
    }
  }
  if (options.only.has('texture')) {
    const app = c.texture.get('app')
    const floor = c.texture.get('floor')
    const a = app?.ok ? app.value : undefined
    const f = floor?.ok ? floor.value : undefined
    const pressure = a?.memoryPressure ?? null
    const how = a ? `${a.presses} PageDown${a.reachedEnd ? ', to the end' : ', budget ran out before the end'}` : ''
    out.push(
      row(
        'texture.maxUsed',
        section,
        `Texture memory while paging through the whole 10 000-notice list (Stage.usedMemory, max; ${how || 'n/a'})`,
        'pixels',
        a?.maxUsedPixels ?? null,
        f?.maxUsedPixels ?? null,
        pressure !== null ? judge(a?.maxUsedPixels ?? null, { text: '< memoryPressure', limit: pressure, strict: true }) : { text: '< memoryPressure', pass: null },
        outcomeNote(app) ? { note: outcomeNote(app) as string } : {},
      ),
      row('texture.textures', section, '  of which textures (TextureManager.usedMemory, max)', 'pixels', a?.maxTexturePixels ?? null, f?.maxTexturePixels ?? null, info),
      row('texture.gcs', section, '  Lightning texture GCs while paging', 'count', a?.gcs ?? null, f?.gcs ?? null, info),
    )
  }
  return out
}

function sizeRows(builds: Record<'app' | 'appOnly' | 'floor', BuildInfo | undefined>): Metric[] {
  const section = 'Size'
  const { app, appOnly, floor } = builds
  const out: Metric[] = []
  if (app && floor) {
    out.push(
      row('size.bundle.raw', section, 'Bundle loaded at start (js/app.js), raw', 'bytes', app.entry.raw, floor.entry.raw, info),
      row('size.bundle.gzip', section, 'Bundle loaded at start (js/app.js), gzip -9', 'bytes', app.entry.gzip, floor.entry.gzip, info),
    )
  }
  if (appOnly) {
    out.push(
      row('size.appCode.raw', section, 'App code without Lightning core and SDK, raw', 'bytes', appOnly.entry.raw, undefined, info),
      row(
        'size.appCode.gzip',
        section,
        'App code without Lightning core and SDK, gzip -9',
        'bytes',
        appOnly.entry.gzip,
        undefined,
        judge(appOnly.entry.gzip, { text: '< 60 kB gzip', limit: 60_000, strict: true }),
      ),
    )
  }
  return out
}

function faqSearchRows(c: Collected): Metric[] {
  const o = c.faqSearch
  const r = o?.ok ? o.value : undefined
  const why = outcomeNote(o)
  const section = `常见问题 search, ${r?.questions ?? 30_000} questions, ${r?.cpuRate ?? 4}× CPU (search code alone, headless Chromium)`
  const worst = r?.worst.reduce<FaqSearchResult['worst'][number] | undefined>((a, b) => (!a || b.ms > a.ms ? b : a), undefined)
  return [
    row(
      'faq-search.type.p95',
      section,
      `Digit typed → answer, p95 of ${r?.typed.keys ?? 'n/a'} keys (1–6 initials of real questions; each the median of ${r?.repeats ?? '?'} batches)`,
      'ms',
      r?.typed.p95 ?? null,
      undefined,
      judge(r?.typed.p95 ?? null, { text: '≤ 4 ms', limit: 4 }),
      why ? { note: why } : {},
    ),
    row('faq-search.type.p50', section, '  median', 'ms', r?.typed.p50 ?? null, undefined, info),
    row('faq-search.type.max', section, '  slowest key', 'ms', r?.typed.max ?? null, undefined, info),
    row(
      'faq-search.worst',
      section,
      `  heaviest fourth digit, the first that narrows (${worst ? `${worst.query}: ${worst.total} found among the most candidates` : 'n/a'})`,
      'ms',
      worst?.ms ?? null,
      undefined,
      judge(worst?.ms ?? null, { text: '≤ 4 ms', limit: 4 }),
    ),
    row('faq-search.delete.max', section, `  digit deleted (0 / Back) → answer, slowest of ${r?.deleted.keys ?? 'n/a'}`, 'ms', r?.deleted.max ?? null, undefined, info),
    row(
      'faq-search.prepare',
      section,
      `  preparing the list's index once, in ${r?.prepare.slices ?? '?'} idle slices (total; longest slice ${r?.prepare.longestSliceMs ?? 'n/a'} ms)`,
      'ms',
      r?.prepare.totalMs ?? null,
      undefined,
      info,
    ),
  ]
}

/** Every row, in the table's order: per variant start and keys, paint for WebGL variants, memory, size. */
export function buildRows(options: Options, c: Collected, builds: Record<'app' | 'appOnly' | 'floor', BuildInfo | undefined>): Metric[] {
  const out: Metric[] = []
  for (const v of options.variants) {
    out.push(...startRows(options, c, v))
    if (options.only.has('keys')) out.push(...keyRows(options, c, v))
  }
  if (options.only.has('keys')) {
    // Paint counters are a property of the screen, not of the stage size: one WebGL variant is enough in
    // the table (the 1080p one when measured); results.json has every variant's.
    const webgl = options.variants.filter((v) => v.renderer === 'webgl')
    const shown = webgl.find((v) => v.resolution === 1080) ?? webgl[0] ?? options.variants[0]
    if (shown) out.push(...paintRows(options, c, shown))
  }
  if (options.only.has('heap') || options.only.has('texture')) out.push(...memoryRows(options, c))
  if (options.only.has('size')) out.push(...sizeRows(builds))
  if (options.only.has('faq-search')) out.push(...faqSearchRows(c))
  return out
}
