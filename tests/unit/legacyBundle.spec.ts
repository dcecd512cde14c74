/**
 * The legacy bundle (js/app.legacy.js) must be ES5 all through: Chrome 38-era set-top-box engines stop
 * at the first `const`, arrow or `catch {}`. Builds it once with rollup's JS API into a temporary folder
 * (about half a minute), unless dist/js/app.legacy.js is newer than every input, or LEGACY_BUNDLE names
 * a built file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parse } from 'acorn'
import { rollup, type OutputOptions, type RollupOptions } from 'rollup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = process.cwd()
const DIST_BUNDLE = join(ROOT, 'dist', 'js', 'app.legacy.js')

function newestInput(): number {
  let newest = 0
  const visit = (path: string): void => {
    const stat = statSync(path)
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const path of ['src', 'rollup.config.js', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    try {
      visit(join(ROOT, path))
    } catch {
      // A missing input cannot make the build stale.
    }
  }
  return newest
}

function freshDistBundle(): string | undefined {
  try {
    return statSync(DIST_BUNDLE).mtimeMs > newestInput() ? DIST_BUNDLE : undefined
  } catch {
    return undefined
  }
}

let code = ''
let source = ''
/** Module ids in the bundle (only when built here, not when reusing a built file). */
let modules: string[] | undefined
let tempDir: string | undefined

beforeAll(async () => {
  const given = process.env.LEGACY_BUNDLE ? resolve(process.env.LEGACY_BUNDLE) : freshDistBundle()
  if (given) {
    source = given
    code = readFileSync(given, 'utf8')
    return
  }
  tempDir = mkdtempSync(join(tmpdir(), 'legacy-bundle-'))
  const config = (await import(pathToFileURL(join(ROOT, 'rollup.config.js')).href)) as {
    legacyConfig(dir: string, options: { compress: boolean }): RollupOptions & { output: OutputOptions }
  }
  const options = config.legacyConfig(tempDir, { compress: process.env.LEGACY_FULL === '1' })
  const started = Date.now()
  const bundle = await rollup(options)
  const output = { ...options.output, sourcemap: false }
  const written = await bundle.write(output)
  await bundle.close()
  const chunk = written.output.find((o) => o.type === 'chunk')
  modules = chunk && chunk.type === 'chunk' ? Object.keys(chunk.modules) : []
  source = String(output.file)
  code = readFileSync(source, 'utf8')
  console.info(`legacy bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 300_000)

afterAll(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

/** A text as an ASCII-only bundle writes it, lower-case hex. */
function escaped(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

describe('legacy bundle (js/app.legacy.js)', () => {
  it('is ASCII only, so an engine holds its source at one byte per character', () => {
    const at = code.search(/[^\x00-\x7f]/)
    expect(at < 0 ? '' : code.slice(Math.max(0, at - 40), at + 10)).toBe('')
  })

  it('parses as ECMAScript 5', () => {
    let error: unknown
    try {
      parse(code, { ecmaVersion: 5, sourceType: 'script' })
    } catch (e) {
      error = e
    }
    if (error) {
      const pos = (error as { pos?: number }).pos ?? 0
      throw new Error(`${source}: ${String(error)} near …${code.slice(Math.max(0, pos - 80), pos + 80)}…`)
    }
  })

  it('is the whole app: core, SDK, the app’s Chinese texts', () => {
    const raw = Buffer.byteLength(code)
    const gzip = gzipSync(code, { level: 9 }).byteLength
    console.info(`legacy bundle: ${raw} bytes raw, ${gzip} bytes gzip (${(gzip / 1024).toFixed(1)} KiB)`)
    expect(raw).toBeGreaterThan(300_000)
    // Written as \u escapes: the bundle is ASCII only (the case above).
    expect(code.toLowerCase()).toContain(escaped('通知公告'))
    expect(code.toLowerCase()).toContain(escaped('办事指南'))
    // Lightning core's WebGL renderer and the SDK's router are in.
    expect(code).toContain('webgl')
    expect(code).toMatch(/^(?:!function|\(function|var )/)
  })

  it('carries the polyfills old engines lack, and no mocks', () => {
    // core-js keeps its state under this global key; URL/URLSearchParams come from web.url.
    expect(code).toContain('__core-js_shared__')
    expect(code).toContain('URLSearchParams')
    expect(code).not.toContain('mockServiceWorker')
    expect(code).not.toMatch(/\bmsw\b/)
  })

  it('polyfills what the app and Lightning use (when built here)', (context) => {
    if (!modules) return context.skip()
    const polyfills = modules.map((id) => /core-js\/modules\/([^/]+)\.js$/.exec(id)?.[1]).filter(Boolean)
    expect(polyfills).toEqual(
      expect.arrayContaining([
        'es.promise.constructor',
        'es.map.constructor',
        'es.set.constructor',
        'es.array.from',
        'es.object.assign',
        'es.string.code-point-at',
        'es.array.flat-map',
        'web.url.constructor',
        'web.url-search-params.constructor',
        'es.symbol.constructor',
      ]),
    )
    // Iterator helpers and ES2025 set methods are dropped on purpose (rollup.config.js, UNUSED_POLYFILL).
    expect(polyfills.filter((name) => /^es\.(iterator|set\.union)/.test(String(name)))).toEqual([])
  })

  it('runs the Chromium-30 polyfills before any library or app module (when built here)', (context) => {
    if (!modules) return context.skip()
    const at = (pattern: RegExp): number => modules!.findIndex((id) => pattern.test(id))
    const isInteger = at(/core-js\/modules\/es\.number\.is-integer\.js$/)
    const promise = at(/core-js\/modules\/es\.promise\.js$/)
    const url = at(/core-js\/modules\/web\.url\.js$/)
    // valibot keeps Number.isInteger when its module loads; Lightning and the SDK use Promise and Map at once.
    const firstLibrary = at(/node_modules\/(valibot|@lightningjs|idb-keyval)\//)
    const firstApp = at(/\/src\/(?!platform\/(legacyPolyfills|idleCallback|symbolPropertyKey))[^/]+/)
    for (const polyfill of [isInteger, promise, url]) {
      expect(polyfill).toBeGreaterThanOrEqual(0)
      expect(polyfill).toBeLessThan(firstLibrary)
      expect(polyfill).toBeLessThan(firstApp)
    }
  })

  it('has no dynamic import left (inlined)', () => {
    expect(code).not.toMatch(/\bimport\s*\(/)
  })
})
