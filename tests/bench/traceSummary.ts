/**
 * Where a key's time goes outside the page's JavaScript: a Chromium trace (the `toplevel` category: every
 * task a thread runs) taken while the bench presses keys, summed per thread. In this machine's headless
 * Chromium the frame is drawn by SwiftShader on the GPU process's main thread (CrGpuMain) and composited
 * on VizCompositorThread, so a screen that costs the page's main thread no more than the floor's can still
 * present its frame later: this shows on which thread. Pure functions over the trace's events, so they are
 * unit-tested without a browser.
 */

/** A Chrome trace event, the fields used here (Trace Event Format). */
export interface TraceEvent {
  ph: string
  name: string
  cat?: string
  pid: number
  tid: number
  /** Microseconds. */
  ts: number
  dur?: number
  args?: { name?: string }
}

export interface ThreadBusy {
  /** e.g. "GPU Process / CrGpuMain". */
  thread: string
  /** Time the thread ran tasks, per key press (overlapping tasks counted once). */
  msPerKey: number
}

export interface TraceSummary {
  presses: number
  /** Busiest first; threads under 0.05 ms per key left out. */
  threads: ThreadBusy[]
}

/** Sum of the union of [start, end) intervals, in the intervals' unit. */
export function unionLength(intervals: readonly [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  let total = 0
  let from = -Infinity
  let to = -Infinity
  for (const [start, end] of sorted) {
    if (start > to) {
      if (to > from) total += to - from
      from = start
      to = end
    } else if (end > to) {
      to = end
    }
  }
  if (to > from) total += to - from
  return total
}

const round = (ms: number): number => Math.round(ms * 100) / 100

/**
 * Per thread, the time its top-level tasks ran, divided by the presses. (What inside a GPU task is slow is
 * not in these categories: SwiftShader's command decoding is uninstrumented work of the task itself.)
 */
export function summariseTrace(events: readonly TraceEvent[], presses: number): TraceSummary {
  const processNames = new Map<number, string>()
  const threadNames = new Map<string, string>()
  for (const e of events) {
    if (e.ph !== 'M') continue
    if (e.name === 'process_name' && e.args?.name) processNames.set(e.pid, e.args.name)
    if (e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name)
  }
  const threadOf = (e: TraceEvent): string =>
    `${processNames.get(e.pid) ?? `pid ${e.pid}`} / ${threadNames.get(`${e.pid}:${e.tid}`) ?? `tid ${e.tid}`}`

  const tasks = new Map<string, [number, number][]>()
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !(e.cat ?? '').split(',').includes('toplevel')) continue
    const thread = threadOf(e)
    const list = tasks.get(thread) ?? []
    list.push([e.ts, e.ts + e.dur])
    tasks.set(thread, list)
  }
  const per = Math.max(1, presses)
  const threads = [...tasks.entries()]
    .map(([thread, intervals]) => ({ thread, msPerKey: round(unionLength(intervals) / 1000 / per) }))
    .filter((t) => t.msPerKey >= 0.05)
    .sort((a, b) => b.msPerKey - a.msPerKey)

  return { presses, threads }
}
