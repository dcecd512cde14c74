/** The cache's size ledger on its own: write order, what eviction removes and what it never removes. */
import { describe, expect, it } from 'vitest'
import {
  admit,
  adoptUntracked,
  emptyLedger,
  evictOver,
  isLedger,
  isTracked,
  ledgerTotals,
  reconcileLedger,
  type Ledger,
} from '../../src/feed/cacheLedger'

/** A ledger after writing `writes` in order, with no cap in the way. */
function written(...writes: Array<[key: string, bytes: number, kind?: 'index' | 'detail']>): Ledger {
  const ledger = emptyLedger()
  for (const [key, bytes, kind] of writes) admit(ledger, key, bytes, kind ?? 'detail', 0, Infinity)
  return ledger
}

describe('the size ledger', () => {
  it('numbers writes in order, a rewrite counting as the newest', () => {
    const ledger = written(['a', 1], ['b', 1], ['a', 1])
    expect(ledger.seq).toBe(3)
    expect(ledger.entries.a?.seq).toBe(3)
    expect(ledger.entries.b?.seq).toBe(2)
  })

  it('counts entries and bytes, a rewrite replacing the old size', () => {
    expect(ledgerTotals(written(['a', 100], ['b', 50], ['a', 10]))).toEqual({ entries: 2, bytes: 60 })
    expect(ledgerTotals(emptyLedger())).toEqual({ entries: 0, bytes: 0 })
  })

  it('keeps the write time for information only: eviction goes by write order, not by the clock', () => {
    const ledger = emptyLedger()
    // A box booted with its clock in 1970 writes "older" times after newer ones.
    admit(ledger, 'first', 10, 'detail', 2_000_000_000_000, Infinity)
    admit(ledger, 'second', 10, 'detail', 0, Infinity)
    expect(ledger.entries.second?.at).toBe(0)
    expect(evictOver(ledger, 10)).toEqual(['first'])
  })
})

describe('eviction', () => {
  it('removes nothing while the total is within the cap, the cap itself included', () => {
    const ledger = written(['a', 40], ['b', 60])
    expect(evictOver(ledger, 100)).toEqual([])
    expect(Object.keys(ledger.entries)).toEqual(['a', 'b'])
  })

  it('removes the least recently written details first, and only as many as needed', () => {
    const ledger = written(['old', 30], ['mid', 30], ['new', 30])
    expect(evictOver(ledger, 60)).toEqual(['old'])
    expect(evictOver(ledger, 0)).toEqual(['mid', 'new'])
    expect(ledger.entries).toEqual({})
  })

  it('never removes an index, even when the cap cannot be met without it', () => {
    const ledger = written(['idx', 500, 'index'], ['d1', 10], ['d2', 10])
    expect(evictOver(ledger, 100)).toEqual(['d1', 'd2'])
    expect(Object.keys(ledger.entries)).toEqual(['idx'])
    expect(ledgerTotals(ledger).bytes).toBe(500)
  })

  it('never removes the entry it is told to keep', () => {
    const ledger = written(['a', 50], ['b', 50])
    expect(evictOver(ledger, 10, 'a')).toEqual(['b'])
    expect(isTracked(ledger, 'a')).toBe(true)
  })

  it('on admit, makes room for the new entry and keeps it even when it alone is over the cap', () => {
    const ledger = written(['a', 40], ['b', 40])
    expect(admit(ledger, 'c', 40, 'detail', 0, 100)).toEqual(['a'])
    expect(admit(ledger, 'huge', 1000, 'detail', 0, 100)).toEqual(['b', 'c'])
    expect(Object.keys(ledger.entries)).toEqual(['huge'])
  })

  it('on admit, protects a rewritten detail that was the oldest', () => {
    const ledger = written(['a', 40], ['b', 40])
    expect(admit(ledger, 'a', 40, 'detail', 0, 80)).toEqual([])
    expect(admit(ledger, 'c', 40, 'detail', 0, 80)).toEqual(['b'])
  })
})

describe('a ledger read back from storage', () => {
  it('is accepted only in the shape this release writes', () => {
    expect(isLedger(written(['a', 1], ['i', 2, 'index']))).toBe(true)
    expect(isLedger(emptyLedger())).toBe(true)
    for (const bad of [
      undefined,
      null,
      'ledger',
      { entries: {} },
      { seq: 1 },
      { seq: '1', entries: {} },
      { seq: 1, entries: { a: null } },
      { seq: 1, entries: { a: { bytes: '1', kind: 'detail', seq: 1 } } },
      { seq: 1, entries: { a: { bytes: 1, kind: 'notice', seq: 1 } } },
      { seq: 1, entries: { a: { bytes: 1, kind: 'detail' } } },
    ]) {
      expect(isLedger(bad), JSON.stringify(bad)).toBe(false)
    }
  })

  it('forgets entries whose document the store no longer holds, and lists documents it does not know', () => {
    const stored = written(['kept', 10], ['lost', 20])
    const { ledger, untracked, changed } = reconcileLedger(stored, ['kept', 'stray'])
    expect(Object.keys(ledger.entries)).toEqual(['kept'])
    expect(untracked).toEqual(['stray'])
    expect(changed).toBe(true)
  })

  it('reports no change when ledger and store agree', () => {
    const { ledger, untracked, changed } = reconcileLedger(written(['a', 10], ['b', 20]), ['b', 'a'])
    expect(changed).toBe(false)
    expect(untracked).toEqual([])
    expect(ledgerTotals(ledger)).toEqual({ entries: 2, bytes: 30 })
  })

  it('starts over from an unreadable ledger, every stored key untracked, and says it must be rewritten', () => {
    const { ledger, untracked, changed } = reconcileLedger({ seq: 'x' }, ['a', 'b'])
    expect(ledger).toEqual(emptyLedger())
    expect(untracked).toEqual(['a', 'b'])
    expect(changed).toBe(true)
  })

  it('adopts untracked documents oldest-fetched first, after what it already tracks, so they are evicted first', () => {
    const ledger = written(['tracked', 10])
    adoptUntracked(ledger, [
      { key: 'newer', doc: { bytes: 10, kind: 'detail', fetchedAt: 2000 } },
      { key: 'older', doc: { bytes: 10, kind: 'detail', fetchedAt: 1000 } },
    ])
    expect(ledger.entries.older).toEqual({ bytes: 10, kind: 'detail', seq: 2, at: 1000 })
    expect(ledger.entries.newer).toEqual({ bytes: 10, kind: 'detail', seq: 3, at: 2000 })
    expect(evictOver(ledger, 10)).toEqual(['tracked', 'older'])
  })
})
