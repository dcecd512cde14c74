/**
 * Memory: V8's heap at rest (after forced GC), its growth over many open/close navigations, and
 * Lightning's texture memory while the whole 10 000-notice list goes by, against the stage's
 * memoryPressure (the point at which Lightning starts freeing textures).
 */
import type { Session } from './browser'
import { compiledCodeBytes } from './heapSnapshot'
import { openSettled, type PageSpec, type Tracker } from './measure'
import { percentile } from './stats'

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
  /** Of usedBytes, V8's compiled code (heap snapshot): growth there is the engine optimising, not a kept object. */
  codeBytes: number
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

async function liveTextures(session: Session): Promise<number> {
  return (await session.evaluate<{ liveTextures: number }>('__bench.counters()')).liveTextures
}

/**
 * Open and close a notice `navigations` times (Enter on the focused notice, then Back) in the 10 000-notice
 * list; V8's heap after forced GC (HeapProfiler.collectGarbage, twice) before and after, with samples on the
 * way so a steady climb can be told from noise. Each step waits for its hash and then for 5 frames without
 * drawing (the page drawn and settled) before the next key.
 */
export function heapOverNavigations(
  list: PageSpec,
  options: { navigations: number; warmup: number; sampleEvery: number; log(line: string): void },
): (t: Tracker) => Promise<HeapResult> {
  return async (tracker) => {
    const { session } = await openSettled(tracker, list, 1)
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
    const samples: HeapSample[] = [
      { navigations: 0, ...before, liveTextures: await liveTextures(session), codeBytes: await compiledCodeBytes(session.cdp) },
    ]
    for (let i = 1; i <= options.navigations; i++) {
      await navigate(i)
      if (i % options.sampleEvery === 0 || i === options.navigations) {
        const heap = await session.heap()
        const codeBytes = await compiledCodeBytes(session.cdp)
        samples.push({ navigations: i, ...heap, liveTextures: await liveTextures(session), codeBytes })
        options.log(`    ${i} navigations: heap ${(heap.usedBytes / 1e6).toFixed(2)} MB, of which compiled code ${(codeBytes / 1e6).toFixed(2)} MB`)
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

/** Heap after forced GC once the page has drawn its first content and settled (the floor, or any page). */
export function heapAtRest(page: PageSpec): (t: Tracker) => Promise<AtRest> {
  return async (tracker) => {
    const { session, firstContentMs } = await openSettled(tracker, page, 1)
    const heap = await session.heap()
    return { firstContentMs, ...heap, liveTextures: await liveTextures(session) }
  }
}

export interface TextureMemory {
  /** Lightning's memory in use (Stage.usedMemory: textures, render textures, renderer caches), in pixels. */
  maxUsedPixels: number
  /** Of which the texture manager's share, at its largest. */
  maxTexturePixels: number
  /** The stage's memoryPressure option (pixels): above it Lightning frees textures. */
  memoryPressure: number | null
  /** Times Lightning's texture GC ran while scrolling. */
  gcs: number
  presses: number
  /** Whether the end of the list was reached (presses stopped drawing) within the budget. */
  reachedEnd: boolean
  durationMs: number
}

interface MemoryProbe {
  maxUsed: number
  maxTextures: number
  samples: number
  memoryPressure: number | null
  gcs: number
}

/**
 * PageDown through the whole list (one page per press, the next press after the page's next frame; a held
 * key's pace where the page keeps up) until three presses in a row draw nothing (the end) or `budgetMs`
 * runs out, sampling Lightning's texture memory at the end of every frame.
 */
export function textureMemory(page: PageSpec, options: { cpuRate: number; budgetMs: number; maxPresses: number }): (t: Tracker) => Promise<TextureMemory> {
  return async (tracker) => {
    const { session } = await openSettled(tracker, page, options.cpuRate)
    if (!(await session.evaluate<boolean | null>('__bench.sampleMemory()'))) throw new Error('no Lightning stage found by the probe')
    const started = Date.now()
    let presses = 0
    let idle = 0
    let drawnBefore = (await session.evaluate<{ drawnFrames: number }>('__bench.counters()')).drawnFrames
    while (idle < 3 && presses < options.maxPresses && Date.now() - started < options.budgetMs) {
      await session.press('PageDown')
      presses++
      await session.evaluate('__bench.frames(2)')
      const drawn = (await session.evaluate<{ drawnFrames: number }>('__bench.counters()')).drawnFrames
      idle = drawn === drawnBefore ? idle + 1 : 0
      drawnBefore = drawn
    }
    const probe = await session.evaluate<MemoryProbe | null>('__bench.stopMemory()')
    if (!probe) throw new Error('the texture memory probe was not running')
    return {
      maxUsedPixels: probe.maxUsed,
      maxTexturePixels: probe.maxTextures,
      memoryPressure: probe.memoryPressure,
      gcs: probe.gcs,
      presses,
      reachedEnd: idle >= 3,
      durationMs: Date.now() - started,
    }
  }
}
