/**
 * Test support, not a spec: the XMLHttpRequest of an old set-top-box browser (no fetch, or fetch
 * without AbortController), just enough of the API, driven by a script. Node has no XMLHttpRequest.
 */
import { vi } from 'vitest'

export type XhrScript = (xhr: FakeXhr) => void

export class FakeXhr {
  static script: XhrScript = () => undefined
  static instances: FakeXhr[] = []
  method = ''
  url = ''
  async: boolean | undefined
  timeout = 0
  withCredentials = false
  status = 0
  responseText = ''
  sent: unknown
  requestHeaders: Record<string, string> = {}
  responseHeaders: Record<string, string> = {}
  aborted = false
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  ontimeout: (() => void) | null = null

  constructor() {
    FakeXhr.instances.push(this)
  }
  open(method: string, url: string, async?: boolean): void {
    this.method = method
    this.url = url
    this.async = async
  }
  setRequestHeader(name: string, value: string): void {
    this.requestHeaders[name] = value
  }
  getResponseHeader(name: string): string | null {
    const key = Object.keys(this.responseHeaders).find((k) => k.toLowerCase() === name.toLowerCase())
    return key === undefined ? null : (this.responseHeaders[key] ?? null)
  }
  send(body?: unknown): void {
    this.sent = body
    FakeXhr.script(this)
  }
  abort(): void {
    this.aborted = true
    this.onabort?.()
  }
  respond(status: number, text: string, headers: Record<string, string> = {}): void {
    setTimeout(() => {
      this.status = status
      this.responseText = text
      this.responseHeaders = headers
      this.onload?.()
    }, 0)
  }
}

export function installFakeXhr(script: XhrScript): void {
  FakeXhr.script = script
  FakeXhr.instances = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
}

