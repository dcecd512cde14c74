/**
 * The first content's moment: start-up work waits for it (storing a new index), but never for longer than
 * FIRST_CONTENT_WAIT_MS, and once it has come nothing waits at all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterNextFrames } from '../../src/firstContent'

type FirstContent = typeof import('../../src/firstContent')

async function fresh(): Promise<FirstContent> {
  vi.resetModules()
  return import('../../src/firstContent')
}

describe('afterFirstContent', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits until App says the first content is drawn, and marks that moment', async () => {
    const m = await fresh()
    let resumed = false
    void m.afterFirstContent().then(() => {
      resumed = true
    })
    await vi.advanceTimersByTimeAsync(1000)
    expect(resumed).toBe(false)
    m.firstContentDrawn()
    await vi.advanceTimersByTimeAsync(0)
    expect(resumed).toBe(true)
    expect(performance.getEntriesByName('app:first-content').length).toBeGreaterThan(0)
  })

  it('gives up waiting after FIRST_CONTENT_WAIT_MS (an error page never shows content)', async () => {
    const m = await fresh()
    let resumed = false
    void m.afterFirstContent().then(() => {
      resumed = true
    })
    await vi.advanceTimersByTimeAsync(m.FIRST_CONTENT_WAIT_MS - 1)
    expect(resumed).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(resumed).toBe(true)
  })

  it('afterFirstPaint: the first content, then two frames', async () => {
    const m = await fresh()
    const frames: Array<() => void> = []
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
    let resumed = false
    void m.afterFirstPaint().then(() => {
      resumed = true
    })
    m.firstContentDrawn()
    await vi.advanceTimersByTimeAsync(0)
    expect(resumed).toBe(false)
    frames.shift()?.()
    frames.shift()?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(resumed).toBe(true)
    vi.unstubAllGlobals()
  })

  it('does not wait once the first content has been drawn (a later refresh stores at once)', async () => {
    const m = await fresh()
    m.firstContentDrawn()
    let resumed = false
    void m.afterFirstContent().then(() => {
      resumed = true
    })
    await Promise.resolve()
    expect(resumed).toBe(true)
  })
})

describe('afterNextFrames (what storing a later index waits for in the browser)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('resolves at once where there are no animation frames', async () => {
    await expect(afterNextFrames()).resolves.toBeUndefined()
  })

  it('resolves after the second frame, not the first', async () => {
    const frames: Array<() => void> = []
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
    let done = false
    void afterNextFrames().then(() => {
      done = true
    })
    frames.shift()?.()
    await Promise.resolve()
    expect(done).toBe(false)
    frames.shift()?.()
    await Promise.resolve()
    expect(done).toBe(true)
  })

  it('resolves after 500 ms on a page that draws no frames (hidden)', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 0)
    let done = false
    void afterNextFrames().then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(499)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
  })
})
