/**
 * A vertical list that stays smooth with 10 000 items: it creates only enough rows to fill its height
 * (plus two) and recycles them as focus moves; every Lightning text is a GPU texture, so off-screen
 * rows must not exist.
 */
import { Lightning } from '@lightningjs/sdk'
import { moveFocus, slotFor, windowTop } from '../layout/listWindow'

/** A row the list can recycle: it is told which item to draw. */
export interface ListRow extends Lightning.Component {
  setItem(item: unknown, index: number): void
}

export type ListRowType = new (...args: never[]) => ListRow

export interface FocusListTemplateSpec extends Lightning.Component.TemplateSpec {
  Rows: object
}

export class FocusList
  extends Lightning.Component<FocusListTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<FocusListTemplateSpec>
{
  private items: readonly unknown[] = []
  private rowHeight = 120
  private rowType: ListRowType | undefined
  private pool: ListRow[] = []
  /** Which item each pool slot currently draws, so unchanged rows are not redrawn. */
  private drawn: number[] = []
  private focusedIndex = 0
  private top = 0
  /** Called with the item index when OK is pressed on it. */
  onSelect: ((index: number) => void) | undefined
  /** Called after focus moved (read-aloud, detail prefetch). */
  onFocusChange: ((index: number) => void) | undefined
  /** Called when Up is pressed on the first row, so the page can move focus above the list. */
  onLeaveTop: (() => boolean) | undefined

  static override _template(): Lightning.Component.Template<FocusListTemplateSpec> {
    return { clipping: true, Rows: {} }
  }

  /** Sets the rows' component and height; the pool is sized from the list's height. */
  configure(rowType: ListRowType, rowHeight: number): void {
    this.rowType = rowType
    this.rowHeight = rowHeight
    // One row above and below stays active (textures made) though clipped: see render().
    this.patch({ boundsMargin: [0, rowHeight, 0, rowHeight] })
  }

  get visibleCount(): number {
    return Math.max(1, Math.floor(this.h / this.rowHeight))
  }

  get index(): number {
    return this.focusedIndex
  }

  get length(): number {
    return this.items.length
  }

  /** Replaces the items; focus goes to `focus` (clamped), e.g. the item remembered from history. */
  setItems(items: readonly unknown[], focus = 0): void {
    // A lookahead planned for the old items must not draw their positions from the new ones (a search
    // that narrows a list before the lookahead runs would hand rows positions past its end).
    this.cancelLookahead()
    this.items = items
    this.ensurePool()
    this.focusedIndex = Math.max(0, Math.min(items.length - 1, focus))
    this.top = windowTop(this.focusedIndex, items.length, this.visibleCount, Math.max(0, this.focusedIndex - 1))
    this.drawn = this.pool.map(() => -1)
    this.render()
    if (this.hasFocus()) this._refocus()
  }

  /** Moves focus to `index` (clamped) without changing the items: history restores use it. */
  focusAt(index: number): void {
    this.setItems(this.items, index)
  }

  private ensurePool(): void {
    const size = Math.min(this.items.length, this.visibleCount + 2)
    const rows = this.tag('Rows')
    if (!rows || !this.rowType || this.pool.length >= size) return
    for (let i = this.pool.length; i < size; i++) {
      const row = this.stage.c({ type: this.rowType, ref: `Row${i}`, w: this.w, h: this.rowHeight }) as unknown as ListRow
      rows.childList.add(row)
      this.pool.push(row)
    }
  }

  /**
   * Draws the visible rows now and one row above and below just after the frame that shows them. The
   * list's boundsMargin keeps those two alive outside the clip, so their text textures are made between
   * two presses, not in the frame a press is waiting for, and the next arrow press only moves rows.
   */
  private render(): void {
    const size = this.pool.length
    if (size === 0) return
    const visibleEnd = Math.min(this.items.length, this.top + this.visibleCount)
    const first = Math.max(0, this.top - 1)
    const last = Math.min(this.items.length, first + size)
    const shown = new Set<number>()
    let deferred = false
    for (let i = first; i < last; i++) {
      const slot = slotFor(i, size)
      shown.add(slot)
      const onScreen = i >= this.top && i < visibleEnd
      if (onScreen) this.draw(slot, i)
      else if (this.drawn[slot] !== i) deferred = true
      ;(this.pool[slot] as ListRow).patch({ y: (i - this.top) * this.rowHeight, visible: true })
    }
    this.pool.forEach((row, slot) => {
      if (!shown.has(slot)) row.patch({ visible: false })
    })
    if (deferred) this.drawLookaheadSoon(first, last)
  }

  private draw(slot: number, item: number): void {
    if (this.drawn[slot] === item) return
    ;(this.pool[slot] as ListRow).setItem(this.items[item], item)
    this.drawn[slot] = item
  }

  /** Which lookahead is wanted: a newer key, new items or leaving the page make an older plan moot. */
  private lookaheadPlan = 0

  private drawLookaheadSoon(first: number, last: number): void {
    const plan = this.cancelLookahead()
    // After the frame this key is waiting for has been drawn, in a task of its own: a press that comes
    // sooner (a held key) replaces the plan, and the row is drawn as it comes on screen instead.
    this.stage.once('frameEnd', () => {
      setTimeout(() => {
        if (plan !== this.lookaheadPlan) return
        for (let i = first; i < Math.min(last, this.items.length); i++) this.draw(slotFor(i, this.pool.length), i)
      }, 0)
    })
  }

  /** Makes every planned lookahead moot; returns the number of the next plan. */
  private cancelLookahead(): number {
    return ++this.lookaheadPlan
  }

  override _detach(): void {
    this.cancelLookahead()
  }

  private go(key: Parameters<typeof moveFocus>[2]): boolean {
    const next = moveFocus(this.focusedIndex, this.items.length, key, this.visibleCount)
    if (next === this.focusedIndex) return false
    this.focusedIndex = next
    this.top = windowTop(next, this.items.length, this.visibleCount, this.top)
    this.render()
    this._refocus()
    this.onFocusChange?.(next)
    return true
  }

  override _getFocused(): Lightning.Component | null | undefined {
    if (this.items.length === 0) return this
    return this.pool[slotFor(this.focusedIndex, this.pool.length)] ?? this
  }

  override _handleUp(): boolean | void {
    if (this.focusedIndex === 0) return this.onLeaveTop ? this.onLeaveTop() : false
    this.go('up')
  }
  override _handleDown(): boolean | void {
    return this.go('down')
  }
  _handlePageUp(): boolean {
    this.go('pageUp')
    return true
  }
  _handlePageDown(): boolean {
    this.go('pageDown')
    return true
  }
  override _handleEnter(): boolean | void {
    if (this.items.length === 0) return false
    this.onSelect?.(this.focusedIndex)
  }
}
