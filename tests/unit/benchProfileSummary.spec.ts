import { describe, expect, it } from 'vitest'
import { heapComposition, selfTimeByFunction, timeline, type CpuProfile } from '../../tests/bench/profileSummary'

describe('a CPU profile read as self time per function', () => {
  const frame = (functionName: string, url = 'http://127.0.0.1/js/app.js', lineNumber = 0, columnNumber = 0) => ({ functionName, url, lineNumber, columnNumber })
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(program)', '') },
      { id: 2, callFrame: frame('measureText', 'http://127.0.0.1/js/app.js', 0, 86391) },
      { id: 3, callFrame: frame('', 'http://127.0.0.1/js/app.js', 4, 10) },
    ],
    samples: [2, 1, 2, 3, 2],
    timeDeltas: [1000, 500, 2000, 250, 1500],
  }

  it('adds each sample\'s time to the function it landed in, largest first, named by file, line and column', () => {
    expect(selfTimeByFunction(profile)).toEqual([
      { where: 'measureText app.js:0:86391', ms: 4.5 },
      { where: '(program)', ms: 0.5 },
      { where: '(anonymous) app.js:4:10', ms: 0.25 },
    ])
  })

  it('cuts the profile into slices of time, each with its busy time (idle left out) and heaviest functions', () => {
    const withIdle: CpuProfile = {
      nodes: [...profile.nodes, { id: 4, callFrame: frame('(idle)', '') }],
      // at 1, 1.5, 3.5 | 3.75, 5.25 | 9 (idle) ms
      samples: [2, 1, 2, 3, 2, 4],
      timeDeltas: [1000, 500, 2000, 250, 1500, 3750],
    }
    expect(timeline(withIdle, 3.6)).toEqual([
      { fromMs: 0, busyMs: 3.5, top: [{ where: 'measureText app.js:0:86391', ms: 3 }, { where: '(program)', ms: 0.5 }] },
      { fromMs: 3.6, busyMs: 1.75, top: [{ where: 'measureText app.js:0:86391', ms: 1.5 }, { where: '(anonymous) app.js:4:10', ms: 0.25 }] },
    ])
  })
})

describe('a heap snapshot read as what holds the memory', () => {
  const snapshot = JSON.stringify({
    snapshot: { meta: { node_fields: ['type', 'name', 'self_size'], node_types: [['object', 'string', 'code']] } },
    // type, name (index into strings), self size
    nodes: [1, 0, 24, 1, 1, 40, 1, 2, 72, 1, 3, 20, 2, 4, 300, 0, 5, 36],
    strings: ['bulk-000001', '2026-11-20T09:00:00+08:00', '临武县关于冬春森林防火的通知', 'keydown', '(bytecode)', 'Object'],
  })

  it('sums self sizes per node type', () => {
    expect(heapComposition(snapshot).byType).toEqual({ string: 156, code: 300, object: 36 })
  })

  it('tells notice ids, timestamps and Chinese text apart from the other strings', () => {
    expect(heapComposition(snapshot).strings).toEqual({ noticeIds: 24, timestamps: 40, chinese: 72, other: 20 })
  })
})
