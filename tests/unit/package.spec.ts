/**
 * `npm run package`: spawned as an operator's engineer runs it (with --no-legacy to keep the test quick:
 * the legacy bundle has its own spec), the zip opened with fflate and checked against its manifest.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mergeSettings, type Manifest } from '../../scripts/package'
import { readSettings } from '../../src/config/settings'

const ROOT = process.cwd()
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const SCRIPT = join(ROOT, 'scripts', 'package.ts')
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')

let dir: string
let operatorsDir: string

function run(...args: string[]) {
  return spawnSync(process.execPath, [TSX, SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 })
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'package-'))
  operatorsDir = join(dir, 'operators')
  mkdirSync(operatorsDir)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('sample operators', () => {
  for (const name of ['hunan-cable', 'example-iptv']) {
    it(`operators/${name}.json merged over static/settings.json is valid`, () => {
      const base = JSON.parse(readFileSync('static/settings.json', 'utf8')) as unknown
      const over = JSON.parse(readFileSync(`operators/${name}.json`, 'utf8')) as unknown
      expect(() => readSettings(mergeSettings(base, over))).not.toThrow()
    })
  }

  it('match what the brief promises', () => {
    const hunan = readSettings(mergeSettings({}, JSON.parse(readFileSync('operators/hunan-cable.json', 'utf8'))))
    expect(hunan).toMatchObject({ keyPreset: 'huawei-iptv', resolution: 720 })
    expect(hunan.portalUrl).toMatch(/^https?:\/\//)
    expect(hunan.operator.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/)
    const example = readSettings(mergeSettings({}, JSON.parse(readFileSync('operators/example-iptv.json', 'utf8'))))
    expect(example).toMatchObject({ keyPreset: 'zte-iptv', resolution: 1080 })
  })
})

describe('mergeSettings', () => {
  it('merges objects key by key and replaces everything else', () => {
    expect(
      mergeSettings(
        { a: 1, operator: { name: 'x', accentColor: '#000000' }, imageHosts: ['a'], keys: { '8': 'Back' } },
        { operator: { accentColor: '#FFFFFF' }, imageHosts: ['b'], keys: { '461': 'Back' } },
      ),
    ).toEqual({
      a: 1,
      operator: { name: 'x', accentColor: '#FFFFFF' },
      imageHosts: ['b'],
      keys: { '8': 'Back', '461': 'Back' },
    })
  })
})

describe('npm run package', { timeout: 300_000 }, () => {
  it('stops on a wrong field, naming it, before building', () => {
    writeFileSync(join(operatorsDir, 'bad-colour.json'), JSON.stringify({ operator: { accentColor: 'red' } }))
    const colour = run('--operator', 'bad-colour', '--operators-dir', operatorsDir, '--out', dir, '--no-legacy')
    expect(colour.status).toBe(1)
    expect(colour.stderr).toContain('"operator.accentColor" should be a colour as "#RRGGBB"')
    expect(colour.stderr).toContain('got "red"')

    writeFileSync(join(operatorsDir, 'bad-res.json'), JSON.stringify({ resolution: 900 }))
    const res = run('--operator', 'bad-res', '--operators-dir', operatorsDir, '--out', dir)
    expect(res.status).toBe(1)
    expect(res.stderr).toContain('"resolution"')

    writeFileSync(join(operatorsDir, 'not-json.json'), '{ resolution: 720 }')
    const notJson = run('--operator', 'not-json', '--operators-dir', operatorsDir, '--out', dir)
    expect(notJson.status).toBe(1)
    expect(notJson.stderr).toContain('not valid JSON')
  })

  it('says so for an unknown operator and for usage errors', () => {
    const unknown = run('--operator', 'nobody', '--operators-dir', operatorsDir, '--out', dir)
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('no such operator')
    expect(run().status).toBe(2)
    expect(run('--operator', '../etc/passwd').status).toBe(2)
  })

  it('writes a zip whose manifest matches every file it holds', () => {
    const result = run('--operator', 'hunan-cable', '--out', dir, '--no-legacy')
    expect(result.status, result.stderr).toBe(0)
    const zipPath = join(dir, `gov-affairs-tv-hunan-cable-${VERSION}.zip`)
    expect(result.stdout).toContain(`gov-affairs-tv-hunan-cable-${VERSION}.zip`)
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)))
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array)) as Manifest

    expect(manifest).toMatchObject({ name: 'gov-affairs-tv', operator: 'hunan-cable', version: VERSION, legacy: false })
    expect(new Date(manifest.buildTime).toISOString()).toBe(manifest.buildTime)
    expect(Date.now() - Date.parse(manifest.buildTime)).toBeLessThan(600_000)

    const inZip = Object.keys(entries).filter((name) => name !== 'manifest.json').sort()
    expect(manifest.files.map((f) => f.path)).toEqual(inZip)
    for (const file of manifest.files) {
      const data = entries[file.path] as Uint8Array
      expect(data.byteLength, file.path).toBe(file.bytes)
      expect(sha256(data), file.path).toBe(file.sha256)
    }
    expect(inZip).toEqual(expect.arrayContaining(['index.html', 'settings.json', 'js/app.js', 'preview.html', 'js/preview.js']))
    expect(inZip.some((name) => name.endsWith('.map'))).toBe(false)

    const settingsBytes = entries['settings.json'] as Uint8Array
    expect(sha256(settingsBytes)).toBe(manifest.settingsDigest)
    const settings = readSettings(JSON.parse(strFromU8(settingsBytes)))
    const operator = JSON.parse(readFileSync('operators/hunan-cable.json', 'utf8')) as Record<string, unknown>
    expect(settings).toMatchObject({ keyPreset: 'huawei-iptv', resolution: 720, feedBaseUrl: operator.feedBaseUrl })
    // Merged over static/settings.json: what the operator file leaves out comes from there.
    const base = JSON.parse(readFileSync('static/settings.json', 'utf8')) as Record<string, unknown>
    expect(settings.language).toBe(base.language)

    // The production build: no mocks.
    expect(strFromU8(entries['js/app.js'] as Uint8Array)).not.toContain('mockServiceWorker')
    expect(inZip).not.toContain('mockServiceWorker.js')
  })
})
