/**
 * What a CPU profile or a heap snapshot says, in a few lines. Used by diagnose.ts, which finds where a
 * start's time or the heap at rest goes, once a figure of the bench has to be explained.
 */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
}

export interface SelfTime {
  /** `name file:line:column`, or the engine's own bucket: (program), (garbage collector), (idle). */
  where: string
  ms: number
}

type CallFrame = CpuProfile['nodes'][number]['callFrame']

/** `name file:line:column`, or the engine's bucket name for a frame with no script. */
function whereOf(frame: CallFrame): string {
  const file = frame.url.split('/').pop() ?? ''
  return file ? `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}:${frame.columnNumber}` : frame.functionName
}

/** Self time per function, largest first. A sample's time is its delta to the one before (the profile's own rule). */
export function selfTimeByFunction(profile: CpuProfile): SelfTime[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id)
    if (!frame) return
    const where = whereOf(frame)
    totals.set(where, (totals.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...totals].map(([where, ms]) => ({ where, ms })).sort((a, b) => b.ms - a.ms)
}

export interface TimelineSlice {
  /** Start of the slice, ms after the profile started. */
  fromMs: number
  /** Sampled time in the slice that was not idle (engine buckets included). */
  busyMs: number
  /** The slice's heaviest functions by self time, largest first (at most three). */
  top: SelfTime[]
}

/**
 * The profile cut into equal slices of time, each with its busy time and heaviest functions: where in a
 * start the main thread waited (a fetch, the GPU process) and what it ran between the waits.
 */
export function timeline(profile: CpuProfile, sliceMs: number): TimelineSlice[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const slices: { busy: number; totals: Map<string, number> }[] = []
  let at = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    at += ms
    const frame = frames.get(id)
    if (!frame || frame.functionName === '(idle)') return
    const index = Math.max(0, Math.floor(at / sliceMs))
    while (slices.length <= index) slices.push({ busy: 0, totals: new Map() })
    const slice = slices[index]!
    const where = whereOf(frame)
    slice.busy += ms
    slice.totals.set(where, (slice.totals.get(where) ?? 0) + ms)
  })
  return slices.map((slice, i) => ({
    fromMs: i * sliceMs,
    busyMs: slice.busy,
    top: [...slice.totals].map(([where, ms]) => ({ where, ms })).sort((a, b) => b.ms - a.ms).slice(0, 3),
  }))
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

export interface HeapComposition {
  /** Self size per node type (string, code, object, array, …), in bytes. */
  byType: Record<string, number>
  /** Strings by what they hold, in bytes: the large feed's notice ids and timestamps, Chinese text, the rest. */
  strings: { noticeIds: number; timestamps: number; chinese: number; other: number }
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d/
const CHINESE = /[\u4e00-\u9fff]/

/** `noticeId` tells the generated feed's ids (mocks/largeFeed.ts: bulk-000001) from other strings. */
export function heapComposition(json: string, noticeId: RegExp = /^bulk-\d{6}$/): HeapComposition {
  const snap = JSON.parse(json) as HeapSnapshot
  const fields = snap.snapshot.meta.node_fields
  const types = snap.snapshot.meta.node_types[0]
  const stride = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const byType: Record<string, number> = {}
  const strings = { noticeIds: 0, timestamps: 0, chinese: 0, other: 0 }
  for (let i = 0; i < snap.nodes.length; i += stride) {
    const type = types[snap.nodes[i + typeAt] ?? -1] ?? 'unknown'
    const size = snap.nodes[i + sizeAt] ?? 0
    byType[type] = (byType[type] ?? 0) + size
    if (type !== 'string') continue
    const text = snap.strings[snap.nodes[i + nameAt] ?? -1] ?? ''
    const kind = noticeId.test(text) ? 'noticeIds' : TIMESTAMP.test(text) ? 'timestamps' : CHINESE.test(text) ? 'chinese' : 'other'
    strings[kind] += size
  }
  return { byType, strings }
}
