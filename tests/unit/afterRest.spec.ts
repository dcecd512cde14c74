import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AfterRest } from '../../src/layout/afterRest'

describe('work that waits for the keys to rest (chips, digit search)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs only the last of a quick run of requests, once the keys rest', () => {
    const rest = new AfterRest(250)
    const done: number[] = []
    for (let i = 1; i <= 5; i++) {
      rest.schedule(() => done.push(i))
      vi.advanceTimersByTime(100)
    }
    expect(done).toEqual([])
    vi.advanceTimersByTime(150)
    expect(done).toEqual([5])
    vi.advanceTimersByTime(1000)
    expect(done).toEqual([5])
  })

  it('runs the waiting work at once when flushed (Down into the list, OK), and not again later', () => {
    const rest = new AfterRest(250)
    const done: string[] = []
    rest.schedule(() => done.push('list'))
    expect(rest.waiting).toBe(true)
    expect(rest.flush()).toBe(true)
    expect(done).toEqual(['list'])
    expect(rest.waiting).toBe(false)
    vi.advanceTimersByTime(1000)
    expect(done).toEqual(['list'])
    expect(rest.flush()).toBe(false)
  })

  it('drops the waiting work when cancelled (the page left)', () => {
    const rest = new AfterRest(250)
    const done: string[] = []
    rest.schedule(() => done.push('list'))
    rest.cancel()
    vi.advanceTimersByTime(1000)
    expect(done).toEqual([])
  })
})
