/**
 * The moment the first screen with feed content is on screen. App says when (the frame after the index
 * was patched in); start-up work that can wait, storing a new index, waits for it, so that it does not
 * come before that frame. No Lightning import.
 */

/** A box whose App never shows content (an error page) still stores what arrived after this. */
export const FIRST_CONTENT_WAIT_MS = 3000

let drawn = false
const waiting: Array<() => void> = []

/** Called once by App on the frame that shows the first content; marks it for the benchmark and the tests. */
export function firstContentDrawn(): void {
  if (drawn) return
  drawn = true
  performance.mark('app:first-content')
  for (const resume of waiting.splice(0)) resume()
}

/** Resolves once the first content has been drawn, or after FIRST_CONTENT_WAIT_MS. */
export function afterFirstContent(): Promise<void> {
  if (drawn) return Promise.resolve()
  return new Promise<void>((resolve) => {
    waiting.push(resolve)
    setTimeout(resolve, FIRST_CONTENT_WAIT_MS)
  })
}
