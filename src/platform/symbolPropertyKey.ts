/**
 * Babel's `toPropertyKey` helper (object spread, class members, computed keys) calls a key's
 * `[Symbol.toPrimitive]`. Where Symbol is core-js's polyfill (Chromium 30), a symbol is an object whose
 * `@@toPrimitive` returns the symbol object itself, and the helper throws "@@toPrimitive must return a
 * primitive value" at the first `{ ...spread }` of an object with a symbol key. The polyfilled symbol's
 * real property key is its tag string (what its toString returns and what core-js stores it under), so
 * returning that keeps every helper working. Native symbols are left alone; the engine itself never
 * reads a polyfilled well-known symbol.
 */
interface SymbolLike {
  toPrimitive?: unknown
  prototype: object
  (description?: string): unknown
}

export function keySymbolsByTag(SymbolCtor: SymbolLike | undefined): boolean {
  if (typeof SymbolCtor !== 'function') return false
  // Not `typeof`: Babel rewrites it to say "symbol" for polyfilled symbols too. Object(x) === x only for objects.
  const probe = SymbolCtor('probe')
  if (Object(probe) !== probe) return false
  const key = SymbolCtor.toPrimitive
  if (key === undefined) return false
  Object.defineProperty(SymbolCtor.prototype, key as PropertyKey, {
    configurable: true,
    writable: true,
    value: function toPrimitive(this: { toString(): string }): string {
      return this.toString()
    },
  })
  return true
}
