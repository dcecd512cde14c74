/**
 * Once per e2e run: build the mock bundle (MOCKS=1: msw's worker answers the feed and the progress API, and
 * the ES5 legacy bundle, which never contains mocks) into a folder of its own, serve it on loopback and
 * hand its address to the tests as `inject('baseUrl')`. The same folder is served a second time with the
 * feed answered over plain HTTP (scripts/serve.ts --feed) as `inject('legacyBaseUrl')`: the legacy bundle
 * has no service worker, like the old boxes it is for.
 *
 * E2E_BASE_URL=http://127.0.0.1:8080 skips both and tests an app that is already running (npm start);
 * E2E_LEGACY_BASE_URL names the server for the legacy journeys then (default: the same).
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
    /** The same build with the feed answered over HTTP, for the legacy bundle (no msw). */
    legacyBaseUrl: string
  }
}

function buildMockBundle(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn('npx', ['rollup', '-c', '--silent'], {
      // The ES5 bundle takes most of the build (Babel over core, SDK and app): the old-engine journey needs it.
      env: { ...process.env, MOCKS: '1', LEGACY: '1', OUT_DIR: outDir },
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
    project.provide('legacyBaseUrl', (process.env.E2E_LEGACY_BASE_URL ?? external).replace(/\/+$/, ''))
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
  const legacyServer = await serve({ dir: outDir, feed: true })
  project.provide('baseUrl', server.url)
  project.provide('legacyBaseUrl', legacyServer.url)

  return async () => {
    // A browser a crashed test left behind could hold a keep-alive connection open: do not wait forever.
    await Promise.race([Promise.all([server.close(), legacyServer.close()]), new Promise((ok) => setTimeout(ok, 5000))])
    if (process.env.E2E_KEEP_BUILD === '1') console.log(`[e2e] build kept in ${outDir}`)
    else rmSync(outDir, { recursive: true, force: true })
  }
}
