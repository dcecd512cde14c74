/**
 * Once per e2e run: build the mock bundle (MOCKS=1 LEGACY=0: msw's worker answers the feed and the progress API)
 * into a folder of its own, serve it on loopback and hand its address to the tests as `inject('baseUrl')`.
 *
 * E2E_BASE_URL=http://127.0.0.1:8080 skips both and tests an app that is already running (npm start).
 * E2E_KEEP_BUILD=1 keeps the built folder for a look afterwards (its path is printed).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { serve } from '../../scripts/serve'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the mock build is served, without a trailing slash: `http://127.0.0.1:PORT`. */
    baseUrl: string
  }
}

function buildMockBundle(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn('npx', ['rollup', '-c', '--silent'], {
      // LEGACY=0: Chromium loads the module bundle only; the ES5 bundle (a minute of Babel) has its own unit spec.
      env: { ...process.env, MOCKS: '1', LEGACY: '0', OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) {
        console.log(`[e2e] mock bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outDir}`)
        resolve()
      } else {
        reject(new Error(`MOCKS=1 rollup -c failed (exit ${code}):\n${output}`))
      }
    })
  })
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.E2E_BASE_URL
  if (external) {
    project.provide('baseUrl', external.replace(/\/+$/, ''))
    return async () => {}
  }

  const outDir = mkdtempSync(join(tmpdir(), 'gov-tv-e2e-'))
  try {
    await buildMockBundle(outDir)
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true })
    throw error
  }
  const server = await serve({ dir: outDir })
  project.provide('baseUrl', server.url)

  return async () => {
    // A browser a crashed test left behind could hold a keep-alive connection open: do not wait forever.
    await Promise.race([server.close(), new Promise((ok) => setTimeout(ok, 5000))])
    if (process.env.E2E_KEEP_BUILD === '1') console.log(`[e2e] build kept in ${outDir}`)
    else rmSync(outDir, { recursive: true, force: true })
  }
}
