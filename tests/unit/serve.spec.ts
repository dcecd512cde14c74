/**
 * `npm start` (scripts/serve.ts): a taken port is a common state of a developer's machine, not a crash.
 * With the default port it moves on to the next free one and prints that URL; a port given explicitly
 * is a promise to whoever asked for it, so it is kept or refused in one line.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseServeArgs, serve, type RunningServer } from '../../scripts/serve'

const TSX = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
const SCRIPT = join(process.cwd(), 'scripts', 'serve.ts')

let dir: string
const held: Server[] = []
const running: RunningServer[] = []

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>box</title>')
})
afterAll(async () => {
  await Promise.all(running.map((s) => s.close()))
  await Promise.all(held.map((s) => new Promise<void>((ok) => s.close(() => ok()))))
  rmSync(dir, { recursive: true, force: true })
})

/** Takes a free loopback port and keeps it taken until the end of the file. */
function occupy(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      held.push(server)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** A port with the next `n` after it free too (checked, then released), so a test can rely on them. */
async function freeRun(n: number): Promise<number> {
  for (;;) {
    const probe = createServer()
    const port = await new Promise<number>((ok) =>
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address()
        ok(typeof address === 'object' && address ? address.port : 0)
      }),
    )
    await new Promise<void>((ok) => probe.close(() => ok()))
    if (port + n > 65535) continue
    const tries = await Promise.all(
      Array.from({ length: n + 1 }, (_, i) =>
        new Promise<boolean>((ok) => {
          const s = createServer()
          s.once('error', () => ok(false))
          s.listen(port + i, '127.0.0.1', () => s.close(() => ok(true)))
        }),
      ),
    )
    if (tries.every(Boolean)) return port
  }
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, ...args], { cwd: process.cwd(), env: { ...process.env, PORT: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('serve()', () => {
  it('moves on to the next free port when the one it was given is taken and may move', async () => {
    const port = await freeRun(2)
    await occupy(port)
    const server = await serve({ dir, port, nextFreePorts: 19 })
    running.push(server)
    expect(server.url).toBe(`http://127.0.0.1:${port + 1}`)
    const res = await fetch(`${server.url}/index.html`)
    expect(await res.text()).toContain('<title>box</title>')
  })

  it('skips every taken port in a row', async () => {
    const port = await freeRun(3)
    await occupy(port)
    await occupy(port + 1)
    const server = await serve({ dir, port, nextFreePorts: 19 })
    running.push(server)
    expect(server.url).toBe(`http://127.0.0.1:${port + 2}`)
  })

  it('refuses a taken port it may not move from, with one plain sentence', async () => {
    const port = await occupy()
    await expect(serve({ dir, port })).rejects.toThrow(`port ${port} is already in use`)
  })

  it('says which ports it tried when all of them are taken', async () => {
    const port = await freeRun(1)
    await occupy(port)
    await occupy(port + 1)
    await expect(serve({ dir, port, nextFreePorts: 1 })).rejects.toThrow(`ports ${port}–${port + 1} are all in use`)
  })
})

describe('parseServeArgs', () => {
  it('starts at 8080 and may move up to 8099 when no port is given', () => {
    expect(parseServeArgs(['--dir', 'dist'], {})).toMatchObject({ dir: 'dist', port: 8080, nextFreePorts: 19 })
  })

  it('keeps to a port given with --port or PORT', () => {
    expect(parseServeArgs(['--port', '9000'], {})).toMatchObject({ port: 9000, nextFreePorts: 0 })
    expect(parseServeArgs([], { PORT: '9001' })).toMatchObject({ port: 9001, nextFreePorts: 0 })
  })

  it('refuses a port that is not a port', () => {
    expect(() => parseServeArgs(['--port', 'http'], {})).toThrow('--port must be a number from 0 to 65535; got http')
  })
})

describe('npm start with --port taken', { timeout: 30_000 }, () => {
  it('says so in one line on stderr and exits 1, without a stack trace', async () => {
    const port = await occupy()
    const result = await runCli(['--dir', dir, '--port', String(port)])
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      `serve: port ${port} is already in use; choose another with --port, or leave --port out to take the next free one`,
    ])
  })
})
