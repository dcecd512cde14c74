/**
 * Builds the app for one operator and packs it as a zip with a manifest.
 *
 *   npm run package -- --operator hunan-cable [--out release] [--no-legacy] [--sourcemaps]
 *
 * 1. reads operators/NAME.json (partial settings) and merges it over static/settings.json (objects
 *    merged key by key, everything else replaced);
 * 2. validates the result with readSettings: a wrong field stops here, naming the field;
 * 3. runs the production build (no mocks) into a temporary folder with SETTINGS_FILE pointing at the
 *    merged settings, and writes the merged settings.json there again to be sure;
 * 4. writes release/gov-affairs-tv-NAME-VERSION.zip: the build plus manifest.json with the name,
 *    operator, version, build time, the SHA-256 of settings.json and of every file.
 *
 * Source maps stay out unless --sourcemaps. --no-legacy skips the Chrome 38 bundle (quick checks only:
 * old boxes need it). Exit status: 0 done, 1 bad operator settings or failed build, 2 usage error.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { zipSync, type Zippable } from 'fflate'
import { readSettings, SettingsError } from '../src/config/settings'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface ManifestFile {
  path: string
  bytes: number
  sha256: string
}

export interface Manifest {
  name: string
  operator: string
  version: string
  buildTime: string
  settingsDigest: string
  legacy: boolean
  files: ManifestFile[]
}

interface Options {
  operator: string
  operatorsDir: string
  out: string
  legacy: boolean
  sourcemaps: boolean
}

class UsageError extends Error {}
class PackageError extends Error {}

const USAGE = 'usage: npm run package -- --operator NAME [--out DIR] [--operators-dir DIR] [--no-legacy] [--sourcemaps]'

function parseArgs(argv: readonly string[]): Options {
  const options: Partial<Options> = { legacy: true, sourcemaps: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`)
      return v
    }
    if (name === '--operator') options.operator = value()
    else if (name === '--out') options.out = value()
    else if (name === '--operators-dir') options.operatorsDir = value()
    else if (name === '--no-legacy') options.legacy = false
    else if (name === '--sourcemaps') options.sourcemaps = true
    else throw new UsageError(`unknown argument ${arg}`)
  }
  if (!options.operator) throw new UsageError('--operator is required')
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(options.operator)) {
    throw new UsageError(`--operator must be lower-case letters, digits and "-" (a file name in operators/); got ${options.operator}`)
  }
  return {
    operator: options.operator,
    operatorsDir: resolve(options.operatorsDir ?? join(ROOT, 'operators')),
    out: resolve(options.out ?? join(ROOT, 'release')),
    legacy: options.legacy ?? true,
    sourcemaps: options.sourcemaps ?? false,
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Objects merged key by key; arrays and everything else replaced. */
export function mergeSettings(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) out[key] = mergeSettings(base[key], value)
  return out
}

function readJson(path: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    throw new PackageError(`cannot read ${what} (${path}): ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new PackageError(`${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex')

function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

function build(outDir: string, settingsFile: string, legacy: boolean): void {
  const rollupBin = join(ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup')
  const result = spawnSync(process.execPath, [rollupBin, '-c'], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: outDir, SETTINGS_FILE: settingsFile, MOCKS: '0', LEGACY: legacy ? '1' : '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) throw new PackageError(`the build failed (rollup exit status ${String(result.status)})`)
}

export function packageOperator(options: Options): { zipPath: string; manifest: Manifest; zipBytes: number } {
  const operatorFile = join(options.operatorsDir, `${options.operator}.json`)
  if (!existsSync(operatorFile)) throw new PackageError(`no such operator: ${operatorFile}`)
  const base = readJson(join(ROOT, 'static', 'settings.json'), 'static/settings.json')
  const overrides = readJson(operatorFile, `operators/${options.operator}.json`)
  if (!isPlainObject(overrides)) throw new PackageError(`operators/${options.operator}.json must be a JSON object`)
  const merged = mergeSettings(base, overrides)
  try {
    readSettings(merged)
  } catch (error) {
    if (error instanceof SettingsError) {
      throw new PackageError(`operators/${options.operator}.json merged over static/settings.json: ${error.message}`)
    }
    throw error
  }
  const settingsText = `${JSON.stringify(merged, null, 2)}\n`
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string }

  const work = mkdtempSync(join(tmpdir(), `gov-tv-package-${options.operator}-`))
  try {
    const settingsFile = join(work, 'settings.json')
    const dist = join(work, 'dist')
    writeFileSync(settingsFile, settingsText)
    build(dist, settingsFile, options.legacy)
    // The build copies it (SETTINGS_FILE); written again so the package never holds the defaults.
    writeFileSync(join(dist, 'settings.json'), settingsText)
    if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'js', 'app.js'))) {
      throw new PackageError('the build produced no index.html or js/app.js')
    }
    if (options.legacy && !existsSync(join(dist, 'js', 'app.legacy.js'))) {
      throw new PackageError('the build produced no js/app.legacy.js')
    }

    const buildTime = new Date()
    const zippable: Zippable = {}
    const files: ManifestFile[] = []
    for (const path of listFiles(dist)) {
      if (!options.sourcemaps && path.endsWith('.map')) continue
      const data = new Uint8Array(readFileSync(join(dist, path)))
      files.push({ path, bytes: data.byteLength, sha256: sha256(data) })
      zippable[path] = [data, { mtime: buildTime }]
    }
    const manifest: Manifest = {
      name: pkg.name,
      operator: options.operator,
      version: pkg.version,
      buildTime: buildTime.toISOString(),
      settingsDigest: sha256(settingsText),
      legacy: options.legacy,
      files,
    }
    zippable['manifest.json'] = [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime: buildTime }]
    const zip = zipSync(zippable, { level: 9 })
    mkdirSync(options.out, { recursive: true })
    const zipPath = join(options.out, `${pkg.name}-${options.operator}-${pkg.version}.zip`)
    writeFileSync(zipPath, zip)
    return { zipPath, manifest, zipBytes: statSync(zipPath).size }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export function main(argv: readonly string[]): number {
  let options: Options
  try {
    options = parseArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`package: ${error.message}`)
      console.error(USAGE)
      return 2
    }
    throw error
  }
  try {
    const { zipPath, manifest, zipBytes } = packageOperator(options)
    const raw = manifest.files.reduce((sum, f) => sum + f.bytes, 0)
    console.log(
      `wrote ${relative(process.cwd(), zipPath) || zipPath}: ${manifest.files.length} files, ${raw} bytes, zip ${zipBytes} bytes; settings sha256 ${manifest.settingsDigest}`,
    )
    return 0
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(`package: ${error.message}`)
      return 1
    }
    throw error
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2))
}
