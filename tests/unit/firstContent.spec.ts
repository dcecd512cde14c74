/**
 * The first content's moment: start-up work waits for it (storing a new index), but never for longer than
 * FIRST_CONTENT_WAIT_MS, and once it has come nothing waits at all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

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
