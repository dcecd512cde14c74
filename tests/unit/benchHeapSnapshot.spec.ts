import { describe, expect, it } from 'vitest'
import { codeBytesOf } from '../bench/heapSnapshot'

/** A heap snapshot as V8 writes it: flat node records described by meta.node_fields. */
function snapshot(nodes: Array<{ type: string; size: number }>): string {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure']
  return JSON.stringify({
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [types, 'string'] } },
    nodes: nodes.flatMap((n, i) => [types.indexOf(n.type), 0, i + 1, n.size, 0]),
    strings: [''],
  })
}

describe('the bench tells compiled code from kept objects in a heap snapshot', () => {
  it('adds up the self size of code nodes only', () => {
    const json = snapshot([
      { type: 'object', size: 1000 },
      { type: 'code', size: 300 },
      { type: 'string', size: 50 },
      { type: 'code', size: 700 },
    ])
    expect(codeBytesOf(json)).toBe(1000)
  })

  it('reads no code in a snapshot without any', () => {
    expect(codeBytesOf(snapshot([{ type: 'object', size: 10 }]))).toBe(0)
  })
})
