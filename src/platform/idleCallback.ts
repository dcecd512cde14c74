/**
 * requestIdleCallback where the engine has none (Chromium 30, every WebKit): a timer that runs the work
 * soon after the current task, with a deadline that says there is a little time left. Good enough for
 * the prefetch and background writes that use it; nothing depends on it for correctness.
 */
export interface IdleDeadline {
  didTimeout: boolean
  timeRemaining(): number
}

export interface IdleWindow {
  requestIdleCallback?: (callback: (deadline: IdleDeadline) => void, options?: { timeout?: number }) => number
  cancelIdleCallback?: (handle: number) => void
}

const BUDGET_MS = 12

export function installIdleCallback(target: IdleWindow): void {
  if (typeof target.requestIdleCallback === 'function') return
  target.requestIdleCallback = (callback) => {
    const start = Date.now()
    return setTimeout(() => {
      callback({ didTimeout: false, timeRemaining: () => Math.max(0, BUDGET_MS - (Date.now() - start)) })
    }, 1) as unknown as number
  }
  target.cancelIdleCallback = (handle) => clearTimeout(handle)
}
