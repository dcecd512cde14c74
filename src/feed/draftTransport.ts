/**
 * The app's transport in the editors' preview (index.html?preview=1, inside static/preview.html's frame):
 * instead of the network, it answers from the draft files the preview page posts in with
 * `postMessage({ type: 'gov-tv-draft', files: { 'v1/regions/431025/index.json': '{…}', … } })`.
 *
 * The frame says `{ type: 'gov-tv-ready' }` to its parent once it listens, so the parent can post even
 * when it loaded first. A request whose URL ends with one of the paths gets 200 and the text; anything
 * else 404. Without a draft within `waitMs` it settles with an empty draft, so the app shows its
 * "cannot reach" page instead of waiting forever. No Lightning imports.
 *
 * Feed layer, not src/editor/: the box itself loads it (src/index.ts, in preview mode) as one more
 * Transport for http.ts; the preview page only borrows its two message names.
 */
import type { Transport, TransportResponse } from './http'

export const DRAFT_MESSAGE = 'gov-tv-draft'
export const READY_MESSAGE = 'gov-tv-ready'

export interface DraftMessage {
  type: typeof DRAFT_MESSAGE
  files: Record<string, string>
}

/** The parts of `window` used here, so that tests can pass a fake. */
export interface DraftWindow {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  parent: { postMessage(message: unknown, targetOrigin: string): void } | null
  location: { origin: string }
}

export interface DraftTransportOptions {
  /** Default 10 000 ms. */
  waitMs?: number
  /** Default: the global window. */
  window?: DraftWindow
}

function isDraftMessage(data: unknown): data is DraftMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as { type?: unknown; files?: unknown }
  if (message.type !== DRAFT_MESSAGE || typeof message.files !== 'object' || message.files === null) return false
  return Object.values(message.files as Record<string, unknown>).every((text) => typeof text === 'string')
}

/** `./v1/…`, `/v1/…` and `v1\…` all become `v1/…`. */
function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/|\/)+/, '')
}

function response(status: number, text: string): TransportResponse {
  const headers: Record<string, string> = status === 200 ? { 'content-type': 'application/json' } : {}
  return { status, text, header: (name) => headers[name.toLowerCase()] ?? null }
}

/** A transport over a fixed set of files: the longest path the URL (without query) ends with wins. */
export function filesTransport(files: Record<string, string>): Transport {
  const entries = Object.keys(files)
    .map((path) => ({ path: normalize(path), text: files[path] ?? '' }))
    .filter((entry) => entry.path !== '')
    .sort((a, b) => b.path.length - a.path.length)
  return (url) => {
    const bare = url.split('#')[0]?.split('?')[0] ?? ''
    const found = entries.find((entry) => bare === entry.path || bare.endsWith(`/${entry.path}`))
    return Promise.resolve(found ? response(200, found.text) : response(404, ''))
  }
}

/** Waits for the preview page's draft (or `waitMs`), then answers from it. */
export function draftTransport(options: DraftTransportOptions = {}): Promise<Transport> {
  const win = options.window ?? (window as unknown as DraftWindow)
  const waitMs = options.waitMs ?? 10_000
  return new Promise<Transport>((resolve) => {
    let settled = false
    const finish = (files: Record<string, string>): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      win.removeEventListener('message', onMessage)
      resolve(filesTransport(files))
    }
    const onMessage = (event: MessageEvent): void => {
      // Only the page that framed us (same origin) may hand in a draft.
      if (event.origin !== win.location.origin) return
      if (win.parent && event.source !== null && event.source !== (win.parent as unknown)) return
      if (isDraftMessage(event.data)) finish(event.data.files)
    }
    const timer = setTimeout(() => finish({}), waitMs)
    win.addEventListener('message', onMessage)
    try {
      // The ready signal carries nothing private, so any origin may read it.
      if (win.parent && win.parent !== (win as unknown)) win.parent.postMessage({ type: READY_MESSAGE }, '*')
    } catch {
      // A parent on another origin cannot be told; the timeout still ends the wait.
    }
  })
}
