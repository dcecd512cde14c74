/** The two shims of the legacy bundle that core-js does not provide. */
import { describe, expect, it, vi } from 'vitest'
import { installIdleCallback, type IdleWindow } from '../../src/platform/idleCallback'
import { keySymbolsByTag } from '../../src/platform/symbolPropertyKey'

describe('installIdleCallback', () => {
  it('adds requestIdleCallback where the engine has none, running the work soon with a deadline', () => {
    vi.useFakeTimers()
    try {
      const target: IdleWindow = {}
      installIdleCallback(target)
      const seen: number[] = []
      target.requestIdleCallback!((deadline) => seen.push(deadline.timeRemaining()))
      const cancelled = target.requestIdleCallback!(() => seen.push(-1))
      target.cancelIdleCallback!(cancelled)
      expect(seen).toEqual([])
      vi.advanceTimersByTime(5)
      expect(seen).toHaveLength(1)
      expect(seen[0]).toBeGreaterThan(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('leaves a native requestIdleCallback alone', () => {
    const native = (): number => 7
    const target = { requestIdleCallback: native }
    installIdleCallback(target)
    expect(target.requestIdleCallback).toBe(native)
  })
})

describe('keySymbolsByTag', () => {
  it('leaves native symbols alone', () => {
    expect(keySymbolsByTag(Symbol as unknown as Parameters<typeof keySymbolsByTag>[0])).toBe(false)
  })

  it("makes a polyfilled symbol's @@toPrimitive give its tag, the key it is stored under", () => {
    // A polyfill in the manner of core-js: symbols are objects whose toString is their tag.
    let n = 0
    function FakeSymbol(this: unknown, description?: string): { toString(): string } {
      const tag = `Symbol(${description ?? ''})_${n++}`
      const symbol = Object.create(FakeSymbol.prototype) as { toString(): string }
      Object.defineProperty(symbol, 'toString', { value: () => tag })
      return symbol
    }
    const toPrimitiveKey = 'Symbol(Symbol.toPrimitive)_well-known'
    ;(FakeSymbol as unknown as { toPrimitive: string }).toPrimitive = toPrimitiveKey
    Object.defineProperty(FakeSymbol.prototype, toPrimitiveKey, { configurable: true, writable: true, value: function (this: object) { return this } })

    expect(keySymbolsByTag(FakeSymbol as unknown as Parameters<typeof keySymbolsByTag>[0])).toBe(true)
    const s = FakeSymbol('x')
    const toPrimitive = (s as unknown as Record<string, (hint: string) => unknown>)[toPrimitiveKey]!
    // What Babel's toPropertyKey helper does: the answer must be a primitive, and the symbol's own key.
    expect(toPrimitive.call(s, 'string')).toBe(s.toString())
  })
})
