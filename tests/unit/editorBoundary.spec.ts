/**
 * Who may import whom, read from the import graph esbuild resolves (the same resolution the bundles use):
 * the box's entry points reach no editor-only code (src/editor/: problem texts, the preview's readers),
 * and the feed layer reaches no Lightning. Static and dynamic imports both count: a dynamic import is
 * still code the box can load. Type-only imports do not: they leave nothing in a bundle.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { build, type Metafile } from 'esbuild'
import { describe, expect, it } from 'vitest'

const BOX_ENTRIES = ['src/index.ts', 'src/legacy.ts']

/** The files reachable from `entries`, with packages left unresolved (their names stay in the graph). */
async function importGraph(entries: string[]): Promise<Metafile> {
  const result = await build({
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    format: 'esm',
    platform: 'browser',
    outdir: 'out',
    splitting: true,
    logLevel: 'silent',
    // __MOCKS__ is left undefined on purpose: both sides of `if (__MOCKS__)` are followed.
  })
  return result.metafile
}

/** Every path from an entry to each file matching `bad`, as `a.ts → b.ts → c`, shortest first. */
function chainsTo(graph: Metafile, entries: string[], bad: (path: string) => boolean): string[] {
  const cameFrom = new Map<string, string | undefined>(entries.map((e) => [e, undefined]))
  const queue = [...entries]
  const found: string[] = []
  while (queue.length > 0) {
    const file = queue.shift() as string
    const chain = (): string => {
      const steps = [file]
      for (let at = cameFrom.get(file); at !== undefined; at = cameFrom.get(at)) steps.unshift(at)
      return steps.join(' → ')
    }
    if (bad(file)) {
      found.push(chain())
      continue
    }
    for (const { path } of graph.inputs[file]?.imports ?? []) {
      if (cameFrom.has(path)) continue
      cameFrom.set(path, file)
      queue.push(path)
    }
  }
  return found
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : []
  })
}

describe('the box and the editors’ code', () => {
  it('the box’s entry points reach nothing under src/editor/', async () => {
    const graph = await importGraph(BOX_ENTRIES)
    // The walk is real: it reaches the feed, the screens and the preview's transport.
    expect(Object.keys(graph.inputs)).toEqual(expect.arrayContaining(['src/feed/repository.ts', 'src/screens/Home.ts', 'src/feed/draftTransport.ts']))
    expect(chainsTo(graph, BOX_ENTRIES, (path) => path.startsWith('src/editor/'))).toEqual([])
  })

  it('the editors’ preview page does reach the problem texts (the walk sees src/editor/ when it is there)', async () => {
    const graph = await importGraph(['src/editor/previewPage.ts'])
    expect(chainsTo(graph, ['src/editor/previewPage.ts'], (path) => path === 'src/editor/problemText.ts')).toEqual([
      'src/editor/previewPage.ts → src/editor/problemText.ts',
    ])
  })

  it('nothing under src/feed/ imports @lightningjs/*, directly or through another module', async () => {
    const feed = filesUnder('src/feed')
    expect(feed.length).toBeGreaterThan(20)
    const graph = await importGraph(feed)
    expect(chainsTo(graph, feed, (path) => path.startsWith('@lightningjs/'))).toEqual([])
  })
})
