/**
 * The moment the first screen with feed content is on screen. App says when (the frame after the index
 * was patched in); start-up work that can wait, storing a new index, waits for it and for the frames after
 * a later index (afterFirstPaint), so that it does not come before the frame that shows it. No Lightning import.
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

/** Frames to wait; the second is after the one that drew what changed. */
const FRAMES = 2
/** A page that draws no frames (hidden, a test page) goes on after this anyway. */
const FRAMES_AT_LATEST_MS = 500

/** After two animation frames, at most 500 ms; at once where there are no frames (Node, the unit tests). */
export function afterNextFrames(): Promise<void> {
  const w = globalThis as { requestAnimationFrame?: (cb: () => void) => unknown }
  const frame = w.requestAnimationFrame
  if (typeof frame !== 'function') return Promise.resolve()
  return new Promise<void>((resolve) => {
    let left = FRAMES
    const next = (): void => {
      left -= 1
      if (left > 0) frame.call(globalThis, next)
      else resolve()
    }
    frame.call(globalThis, next)
    setTimeout(resolve, FRAMES_AT_LATEST_MS)
  })
}

/** What storing a new index waits for: the first content drawn, then two more frames. */
export function afterFirstPaint(): Promise<void> {
  return afterFirstContent().then(afterNextFrames)
}
