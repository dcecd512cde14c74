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

export interface NamedTime {
  name: string
  msPerKey: number
}

export interface TraceSummary {
  presses: number
  /** Busiest first; threads under 0.05 ms per key left out. */
  threads: ThreadBusy[]
  /** On the GPU process's main thread: the events inside its tasks, by name, by time not spent in a nested event. */
  gpuMainTop: NamedTime[]
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
 * Per thread, the time its top-level tasks ran, divided by the presses; and on the GPU main thread the
 * self time of the events inside them (an event's duration minus the events nested in it).
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
  const inner = new Map<string, TraceEvent[]>()
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue
    const thread = threadOf(e)
    if ((e.cat ?? '').split(',').includes('toplevel')) {
      const list = tasks.get(thread) ?? []
      list.push([e.ts, e.ts + e.dur])
      tasks.set(thread, list)
    } else {
      const list = inner.get(thread) ?? []
      list.push(e)
      inner.set(thread, list)
    }
  }
  const per = Math.max(1, presses)
  const threads = [...tasks.entries()]
    .map(([thread, intervals]) => ({ thread, msPerKey: round(unionLength(intervals) / 1000 / per) }))
    .filter((t) => t.msPerKey >= 0.05)
    .sort((a, b) => b.msPerKey - a.msPerKey)

  const gpuMain = [...inner.keys()].find((t) => t.endsWith('/ CrGpuMain'))
  return { presses, threads, gpuMainTop: gpuMain ? selfTimes(inner.get(gpuMain) ?? [], per) : [] }
}

/** Self time by event name on one thread: nested complete events are subtracted from their parent. */
function selfTimes(events: readonly TraceEvent[], per: number): NamedTime[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const self = new Map<string, number>()
  const stack: { end: number; name: string }[] = []
  for (const e of sorted) {
    const dur = e.dur ?? 0
    while (stack.length > 0 && (stack[stack.length - 1] as { end: number }).end <= e.ts) stack.pop()
    const parent = stack[stack.length - 1]
    // Only the part of a child inside its parent is taken from the parent.
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - Math.min(dur, parent.end - e.ts))
    self.set(e.name, (self.get(e.name) ?? 0) + dur)
    stack.push({ end: e.ts + dur, name: e.name })
  }
  return [...self.entries()]
    .map(([name, us]) => ({ name, msPerKey: round(us / 1000 / per) }))
    .filter((t) => t.msPerKey >= 0.05)
    .sort((a, b) => b.msPerKey - a.msPerKey)
    .slice(0, 8)
}
