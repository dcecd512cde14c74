/**
 * Settles with `work` or, after `ms`, rejects with `makeError()`, whichever comes first. Nothing in
 * the feed layer may wait forever: old boxes have no AbortController, and IndexedDB can hang.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, makeError: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(makeError()), ms)
    work.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}
