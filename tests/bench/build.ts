/**
 * The three builds the benchmark needs, each into a folder of its own, with rollup's JS API so that only
 * the modern entry of rollup.config.js is built (its preview and legacy entries are not measured here and
 * must not be able to break the benchmark):
 *
 * - app:      rollup.config.js's modern entry as it is (production: no MOCKS), static files copied;
 * - appOnly:  the same entry with `@lightningjs/core` and `@lightningjs/sdk` external: the app's own code
 *             (src/ plus valibot, idb-keyval, qrcode-generator), i.e. what the app adds to the floor;
 * - floor:    tests/bench/floor/index.ts with the same plugins (resolve, json, commonjs, esbuild es2019 minified).
 *
 * rollup.config.js reads OUT_DIR, MOCKS and LEGACY when it is evaluated, so it is imported once per build
 * (a query string makes Node evaluate it afresh), which also gives every build fresh plugin instances.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { rollup, type OutputOptions, type Plugin, type RollupOptions, type RollupOutput } from 'rollup'

export interface FileSize {
  file: string
  raw: number
  gzip: number
}

export interface BuildInfo {
  dir: string
  /** The entry the page loads (js/app.js). */
  entry: FileSize
  /** Chunks loaded only on demand (dynamic imports), not at start. */
  lazy: FileSize[]
  /** Rendered (pre-minification) bytes per origin: 'src', '@lightningjs/core', 'valibot', … */
  byOrigin?: Record<string, number>
  ms: number
}

const CONFIG_PATH = 'rollup.config.js'

function gzipSize(buffer: Buffer): number {
  return gzipSync(buffer, { level: 9 }).length
}

function sizeOf(path: string, root: string): FileSize {
  const buffer = readFileSync(path)
  return { file: relative(root, path), raw: buffer.length, gzip: gzipSize(buffer) }
}

/** The modern entry of rollup.config.js evaluated with these env values. */
async function modernConfig(root: string, env: Record<string, string | undefined>, tag: string): Promise<RollupOptions> {
  const saved: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name]
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  try {
    const url = `${pathToFileURL(join(root, CONFIG_PATH)).href}?bench=${tag}-${Date.now()}`
    const module = (await import(url)) as { default: RollupOptions | RollupOptions[] }
    const configs = Array.isArray(module.default) ? module.default : [module.default]
    const modern = configs.find((c) => {
      const output = (Array.isArray(c.output) ? c.output[0] : c.output) as OutputOptions | undefined
      return c.input === 'src/index.ts' && output?.format === 'es'
    })
    if (!modern) throw new Error(`${CONFIG_PATH} has no modern entry (input src/index.ts, format es)`)
    return modern
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

function withoutCopyStatic(plugins: RollupOptions['plugins']): Plugin[] {
  const flat: unknown[] = []
  const walk = (item: unknown): void => {
    if (Array.isArray(item)) item.forEach(walk)
    else flat.push(item)
  }
  walk(plugins)
  // Promises of plugins are not used by rollup.config.js; anything else that is not a plugin object goes.
  return flat.filter((p): p is Plugin => typeof p === 'object' && p !== null && 'name' in p && (p as Plugin).name !== 'copy-static')
}

/** 'src', 'tests', or the npm package a module comes from. */
function originOf(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '')
  const nm = clean.lastIndexOf('/node_modules/')
  if (nm >= 0) {
    const parts = clean.slice(nm + '/node_modules/'.length).split('/')
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? clean)
  }
  const rel = relative(root, clean)
  return rel.startsWith('..') || rel === clean ? 'other' : (rel.split('/')[0] ?? 'other')
}

async function runBuild(options: RollupOptions, output: OutputOptions): Promise<RollupOutput> {
  const bundle = await rollup(options)
  try {
    return await bundle.write(output)
  } finally {
    await bundle.close()
  }
}

function describe(root: string, dir: string, result: RollupOutput, started: number): BuildInfo {
  const jsDir = join(dir, 'js')
  const entryName = result.output.find((o) => o.type === 'chunk' && o.isEntry)?.fileName ?? 'app.js'
  const entry = sizeOf(join(jsDir, entryName), dir)
  const lazy = readdirSync(jsDir)
    .filter((f) => f.endsWith('.js') && f !== entryName && statSync(join(jsDir, f)).isFile())
    .map((f) => sizeOf(join(jsDir, f), dir))
  const byOrigin: Record<string, number> = {}
  for (const chunk of result.output) {
    if (chunk.type !== 'chunk' || !chunk.isEntry) continue
    for (const [id, info] of Object.entries(chunk.modules)) {
      const origin = originOf(id, root)
      byOrigin[origin] = (byOrigin[origin] ?? 0) + info.renderedLength
    }
  }
  return { dir, entry, lazy, byOrigin, ms: Date.now() - started }
}

/** The production app (modern entry, no mocks) into `dir`, with static/ copied next to it. */
export async function buildApp(root: string, dir: string): Promise<BuildInfo> {
  const started = Date.now()
  const config = await modernConfig(root, { OUT_DIR: dir, MOCKS: undefined, LEGACY: '0' }, 'app')
  const output = (Array.isArray(config.output) ? config.output[0] : config.output) as OutputOptions
  const result = await runBuild(config, { ...output, dir: join(dir, 'js') })
  return describe(root, dir, result, started)
}

const LIGHTNING = /^@lightningjs\/(core|sdk)(\/|$)/

/** The app without Lightning core and SDK (external): the app's own share of the bundle. */
export async function buildAppOnly(root: string, dir: string): Promise<BuildInfo> {
  const started = Date.now()
  const config = await modernConfig(root, { OUT_DIR: dir, MOCKS: undefined, LEGACY: '0' }, 'app-only')
  const output = (Array.isArray(config.output) ? config.output[0] : config.output) as OutputOptions
  const result = await runBuild(
    { ...config, plugins: withoutCopyStatic(config.plugins), external: (id) => LIGHTNING.test(id) },
    { ...output, dir: join(dir, 'js'), sourcemap: false },
  )
  return describe(root, dir, result, started)
}

const FLOOR_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>floor</title>
    <link rel="icon" href="data:," />
    <style>
      html, body { margin: 0; padding: 0; background: #0a1628; overflow: hidden; }
      canvas { display: block; }
    </style>
  </head>
  <body>
    <script type="module" src="./js/app.js"></script>
  </body>
</html>
`

/** The blank Lightning app (tests/bench/floor/index.ts) with the app's plugins, and an index.html like the app's. */
export async function buildFloor(root: string, dir: string): Promise<BuildInfo> {
  const started = Date.now()
  const config = await modernConfig(root, { OUT_DIR: dir, MOCKS: undefined, LEGACY: '0' }, 'floor')
  const output = (Array.isArray(config.output) ? config.output[0] : config.output) as OutputOptions
  const result = await runBuild(
    { ...config, input: 'tests/bench/floor/index.ts', plugins: withoutCopyStatic(config.plugins) },
    { ...output, dir: join(dir, 'js') },
  )
  writeFileSync(join(dir, 'index.html'), FLOOR_HTML)
  return describe(root, dir, result, started)
}
