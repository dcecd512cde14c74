/**
 * Which slice of a long list is on screen. Pure, so focus movement and scrolling are unit-tested
 * without a GPU.
 */

/** Keeps the focused row inside the window with one row of context above and below when possible. */
export function windowTop(focused: number, count: number, visible: number, currentTop: number): number {
  if (count <= visible) return 0
  const maxTop = count - visible
  let top = currentTop
  if (focused < top + 1) top = focused - 1
  else if (focused > top + visible - 2) top = focused - visible + 2
  return Math.max(0, Math.min(maxTop, top))
}

/** The focus after a key: arrows move by one, page keys by a window, clamped to the list. */
export function moveFocus(
  focused: number,
  count: number,
  key: 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last',
  visible: number,
): number {
  if (count === 0) return 0
  const step = Math.max(1, visible - 1)
  const next =
    key === 'up'
      ? focused - 1
      : key === 'down'
        ? focused + 1
        : key === 'pageUp'
          ? focused - step
          : key === 'pageDown'
            ? focused + step
            : key === 'first'
              ? 0
              : count - 1
  return Math.max(0, Math.min(count - 1, next))
}

/**
 * Recycling: item i is always drawn by pool slot i % poolSize, so scrolling by one row
 * re-renders one row, not the whole screen.
 */
export function slotFor(itemIndex: number, poolSize: number): number {
  return itemIndex % poolSize
}
