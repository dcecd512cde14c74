/** The cache's in-memory store on its own: it keeps what it is given, under the same cap and eviction as IndexedDB. */
import { describe, expect, it } from 'vitest'
import type { CachedDoc } from '../../src/feed/cachedDoc'
import { ledgerTotals } from '../../src/feed/cacheLedger'
import { MemoryStore } from '../../src/feed/memoryStore'

function doc(bytes: number, kind: 'index' | 'detail' = 'detail'): CachedDoc<unknown> {
  return { value: `v${bytes}`, bytes, kind, fetchedAt: 1_700_000_000_000, schemaVersion: 1 }
}

describe('MemoryStore', () => {
  it('gives back the very document it was given, and nothing for an unknown key', () => {
    const store = new MemoryStore(1000, () => 5)
    const d = doc(10)
    store.put('a', d)
    expect(store.get('a')).toBe(d)
    expect(store.get('b')).toBeUndefined()
    expect(store.ledger.entries.a).toEqual({ bytes: 10, kind: 'detail', seq: 1, at: 5 })
  })

  it('replaces a document written again, counting its size once', () => {
    const store = new MemoryStore(1000, () => 0)
    store.put('a', doc(10))
    const again = doc(30)
    store.put('a', again)
    expect(store.get('a')).toBe(again)
    expect(ledgerTotals(store.ledger)).toEqual({ entries: 1, bytes: 30 })
  })

  it('drops the least recently written details over its cap, never an index nor the one just put', () => {
    const store = new MemoryStore(100, () => 0)
    store.put('index', doc(60, 'index'))
    store.put('d1', doc(20))
    store.put('d2', doc(20))
    store.put('d3', doc(20))
    expect(store.get('d1')).toBeUndefined()
    expect(store.get('d2')).toBeDefined()
    expect(store.get('d3')).toBeDefined()
    store.put('big', doc(500))
    expect(store.get('index')).toBeDefined()
    expect(store.get('big')).toBeDefined()
    expect(store.get('d2')).toBeUndefined()
    expect(store.get('d3')).toBeUndefined()
    expect(Object.keys(store.ledger.entries).sort()).toEqual(['big', 'index'])
  })

  it('forgets deleted keys in both documents and ledger, ignoring keys it never had', () => {
    const store = new MemoryStore(1000, () => 0)
    store.put('a', doc(10))
    store.put('b', doc(20))
    store.delete(['a', 'never'])
    expect(store.get('a')).toBeUndefined()
    expect(store.get('b')).toBeDefined()
    expect(ledgerTotals(store.ledger)).toEqual({ entries: 1, bytes: 20 })
  })

  it('clears to empty and numbers writes afresh', () => {
    const store = new MemoryStore(1000, () => 0)
    store.put('a', doc(10))
    store.clear()
    expect(store.get('a')).toBeUndefined()
    expect(ledgerTotals(store.ledger)).toEqual({ entries: 0, bytes: 0 })
    store.put('b', doc(10))
    expect(store.ledger.entries.b?.seq).toBe(1)
  })
})
