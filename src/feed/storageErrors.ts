/**
 * How the feed cache names and tells apart storage failures. IndexedDB rejects with DOMExceptions (not
 * always Errors on old engines) or with null from an aborted transaction; the cache reports them as one
 * readable `name: message` and decides by name whether reopening could help. No Lightning imports.
 */

/** An open that never answered: usually blocked by another connection, so reopening would only wait again. */
export class OpenTimeoutError extends Error {
  constructor(message: string) {
    super(message)
    // Keeps `instanceof` true where the class is compiled down to ES5 functions (the legacy bundle).
    Object.setPrototypeOf(this, OpenTimeoutError.prototype)
    this.name = 'TimeoutError'
  }
}

/** An Error with a DOMException-style name, where the engine gave no error at all. */
export function namedError(name: string, message: string): Error {
  const e = new Error(message)
  e.name = name
  return e
}

/** `name: message`, for DOMExceptions (not always Errors on old engines), nulls from aborted transactions. */
export function describeError(e: unknown): string {
  if (e === null || e === undefined) return 'UnknownError: the transaction was aborted'
  if (typeof e === 'object') {
    const { name, message } = e as { name?: unknown; message?: unknown }
    const n = typeof name === 'string' && name ? name : 'Error'
    return typeof message === 'string' && message ? `${n}: ${message}` : n
  }
  return String(e)
}

export function errorName(e: unknown): string | undefined {
  if (e && typeof e === 'object') {
    const { name } = e as { name?: unknown }
    if (typeof name === 'string') return name
  }
  return undefined
}
