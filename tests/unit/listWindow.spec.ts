import { describe, expect, it } from 'vitest'
import { moveFocus, slotFor, windowTop } from '../../src/layout/listWindow'

describe('the window of a long list', () => {
  it('starts at the top', () => {
    expect(windowTop(0, 10_000, 4, 0)).toBe(0)
  })

  it('scrolls only when focus reaches the last visible row, keeping one row of context', () => {
    expect(windowTop(2, 10_000, 4, 0)).toBe(0)
    expect(windowTop(3, 10_000, 4, 0)).toBe(1)
    expect(windowTop(4, 10_000, 4, 1)).toBe(2)
  })

  it('scrolls back up keeping one row above the focus', () => {
    expect(windowTop(5, 10_000, 4, 5)).toBe(4)
  })

  it('never scrolls past the end', () => {
    expect(windowTop(9_999, 10_000, 4, 0)).toBe(9_996)
  })

  it('does not scroll a list shorter than the window', () => {
    expect(windowTop(2, 3, 4, 0)).toBe(0)
  })
})

describe('moving focus with the remote', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(moveFocus(0, 10, 'down', 4)).toBe(1)
    expect(moveFocus(0, 10, 'up', 4)).toBe(0)
    expect(moveFocus(9, 10, 'down', 4)).toBe(9)
  })

  it('moves a window (less one row of overlap) with Page Up and Page Down', () => {
    expect(moveFocus(0, 10_000, 'pageDown', 4)).toBe(3)
    expect(moveFocus(10, 10_000, 'pageUp', 4)).toBe(7)
    expect(moveFocus(9_998, 10_000, 'pageDown', 4)).toBe(9_999)
  })

  it('jumps to the first and last items', () => {
    expect(moveFocus(500, 10_000, 'first', 4)).toBe(0)
    expect(moveFocus(5, 10_000, 'last', 4)).toBe(9_999)
  })

  it('stays at 0 in an empty list', () => {
    expect(moveFocus(0, 0, 'down', 4)).toBe(0)
  })
})

describe('recycling rows', () => {
  it('draws item i with slot i mod pool size, so scrolling one row reuses exactly one slot', () => {
    const pool = 6
    const before = new Set([0, 1, 2, 3, 4, 5].map((i) => slotFor(i, pool)))
    const after = [1, 2, 3, 4, 5, 6].map((i) => slotFor(i, pool))
    expect(before.size).toBe(pool)
    expect(after.filter((slot) => slot === slotFor(0, pool))).toEqual([slotFor(6, pool)])
  })
})
