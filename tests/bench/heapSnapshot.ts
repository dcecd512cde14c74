/**
 * How much of V8's heap is compiled code, from a heap snapshot. Over hundreds of identical navigations V8
 * keeps optimising the functions that run most (new machine code, bounded by the code there is), which
 * shows as growth in Runtime.getHeapUsage without one more object being kept: the snapshot tells the two
 * apart, so a growing heap can be read as the app's objects or the engine's code.
 */
import type { CDPSession } from 'playwright-core'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
}

/** Total self size of the snapshot's `code` nodes (bytecode, machine code and their metadata). */
export function codeBytesOf(json: string): number {
  const snap = JSON.parse(json) as Snapshot
  const fields = snap.snapshot.meta.node_fields
  const stride = fields.length
  const typeAt = fields.indexOf('type')
  const sizeAt = fields.indexOf('self_size')
  const code = snap.snapshot.meta.node_types[0].indexOf('code')
  let bytes = 0
  for (let i = 0; i < snap.nodes.length; i += stride) {
    if (snap.nodes[i + typeAt] === code) bytes += snap.nodes[i + sizeAt] ?? 0
  }
  return bytes
}

/** Takes a heap snapshot (which collects garbage first) and returns its compiled-code bytes. */
export async function compiledCodeBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = []
  const onChunk = (event: { chunk: string }): void => {
    chunks.push(event.chunk)
  }
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  return codeBytesOf(chunks.join(''))
}
