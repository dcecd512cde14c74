import { describe, expect, it } from 'vitest'
import { summariseTrace, unionLength, type TraceEvent } from '../../tests/bench/traceSummary'

const GPU = 10
const RENDERER = 20
const meta: TraceEvent[] = [
  { ph: 'M', name: 'process_name', pid: GPU, tid: 0, ts: 0, args: { name: 'GPU Process' } },
  { ph: 'M', name: 'thread_name', pid: GPU, tid: 1, ts: 0, args: { name: 'CrGpuMain' } },
  { ph: 'M', name: 'process_name', pid: RENDERER, tid: 0, ts: 0, args: { name: 'Renderer' } },
  { ph: 'M', name: 'thread_name', pid: RENDERER, tid: 2, ts: 0, args: { name: 'CrRendererMain' } },
]
const task = (pid: number, tid: number, ts: number, dur: number): TraceEvent => ({ ph: 'X', cat: 'toplevel', name: 'RunTask', pid, tid, ts, dur })

describe('the bench trace summary: where a key press spends time outside the page', () => {
  it('counts overlapping intervals once and adds separate ones', () => {
    expect(unionLength([[0, 10], [5, 15], [20, 25]])).toBe(20)
    expect(unionLength([[20, 25], [0, 10], [2, 3]])).toBe(15)
    expect(unionLength([])).toBe(0)
  })

  it('gives each named thread its task time per press, busiest first, nested tasks counted once', () => {
    const events = [
      ...meta,
      // GPU main: 30 ms and 10 ms tasks, one nested task inside the first.
      task(GPU, 1, 0, 30_000),
      task(GPU, 1, 5_000, 5_000),
      task(GPU, 1, 100_000, 10_000),
      task(RENDERER, 2, 0, 4_000),
      // An event inside a task is not a task of its own.
      { ph: 'X', cat: 'gpu', name: 'DoSwapBuffers', pid: GPU, tid: 1, ts: 200_000, dur: 50_000 },
    ]
    const summary = summariseTrace(events, 2)
    expect(summary.threads).toEqual([
      { thread: 'GPU Process / CrGpuMain', msPerKey: 20 },
      { thread: 'Renderer / CrRendererMain', msPerKey: 2 },
    ])
  })
})
