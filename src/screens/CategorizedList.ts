/**
 * What 通知公告 and 办事指南 share: a category row on top, a recycled list below, a count, an
 * empty message, and history that brings back the category and the focused item.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { ChipRow } from '../components/ChipRow'
import { FocusList, type ListRowType } from '../components/FocusList'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex } from '../feed/schema'
import { categoriesOf, inCategory } from '../feed/selectors'
import { AfterRest, LIST_REST_MS } from '../layout/afterRest'
import { t, type StringKey } from '../i18n/strings'
import type { IconName } from '../theme/icons'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

export interface CategorizedListTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Categories: typeof ChipRow
  Count: object
  List: typeof FocusList
  Empty: object
}

export interface ListScreenConfig<T> {
  title: StringKey
  icon: IconName
  allLabel: StringKey
  emptyLabel: StringKey
  countLabel: StringKey
  row: ListRowType
  rowHeight: number
  /** Route of one item, e.g. `notices/N123`. */
  detailPath(item: T): string
  /** The items in display order, from the index. */
  itemsOf(index: FeedIndex, now: number): T[]
}

export abstract class CategorizedList<T extends { id: string; category: string }>
  extends Lightning.Component<CategorizedListTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<CategorizedListTemplateSpec>
{
  protected abstract readonly config: ListScreenConfig<T>
  private zone: 'categories' | 'list' = 'list'
  private ordered: T[] = []
  private shown: T[] = []
  private categories: string[] = []
  private source: FeedIndex | undefined
  private now = 0
  private restore: { category: string | null; id: string | undefined } | undefined
  /** The list under a chip is filtered and drawn once focus rests on it, not for every chip passed. */
  private readonly categoryRest = new AfterRest(LIST_REST_MS)
  /** Set by the route: prefetch details around the focus when the box is idle. */
  onNearby: ((ids: string[]) => void) | undefined

  static override _template(): Lightning.Component.Template<CategorizedListTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Categories: { type: ChipRow, x: safeArea.x, y: 170, w: safeArea.w },
      Count: { x: safeArea.x + safeArea.w, y: 280, mountX: 1 },
      List: { type: FocusList, x: safeArea.x - 6, y: 330, w: safeArea.w + 12, h: 150 * 4 },
      Empty: { x: safeArea.x, y: 360, visible: false },
    }
  }

  protected get list(): FocusList {
    return this.tag('List') as FocusList
  }
  private get chips(): ChipRow {
    return this.tag('Categories') as ChipRow
  }

  override _init(): void {
    const c = this.config
    ;(this.tag('Header') as ScreenHeader).show(t(c.title), c.icon)
    this.list.patch({ h: c.rowHeight * Math.floor(600 / c.rowHeight) })
    this.list.configure(c.row, c.rowHeight)
    this.list.onSelect = (i) => {
      const item = this.shown[i]
      if (item) Router.navigate(c.detailPath(item))
    }
    this.list.onLeaveTop = () => {
      this.zone = 'categories'
      this._refocus()
      return true
    }
    this.list.onFocusChange = (i) => this.prefetchAround(i)
    this.chips.onChange = () => this.categoryRest.schedule(() => this.applyCategory(0))
  }

  onFeed(index: FeedIndex | undefined, _status: FeedStatus, now: number): void {
    if (!index || index === this.source) return
    this.now = now
    this.build(index)
  }

  private build(index: FeedIndex): void {
    const now = this.now
    const focusedId = this.shown[this.list.index]?.id
    this.source = index
    this.ordered = this.config.itemsOf(index, now)
    this.categories = categoriesOf(this.ordered)
    this.restore = this.restore ?? { category: this.currentCategory(), id: focusedId }
    this.restoreChoice()
  }

  private restoreChoice(): void {
    const wanted = this.restore
    this.restore = undefined
    if (!wanted) return
    const chosen = wanted.category === null ? 0 : this.categories.indexOf(wanted.category) + 1
    this.chips.setLabels([t(this.config.allLabel), ...this.categories], Math.max(0, chosen))
    this.applyCategory(0, wanted.id)
  }

  private currentCategory(): string | null {
    const i = this.chips.chosenIndex
    return i === 0 ? null : (this.categories[i - 1] ?? null)
  }

  private applyCategory(focus: number, focusId?: string): void {
    this.categoryRest.cancel()
    this.shown = inCategory(this.ordered, this.currentCategory())
    const at = focusId ? this.shown.findIndex((item) => item.id === focusId) : -1
    this.list.setItems(this.shown, at >= 0 ? at : focus)
    this.tag('Count')?.patch({
      text: textPatch(t(this.config.countLabel, { count: this.shown.length }), { size: type.hint, color: palette.textMuted }),
    })
    const empty = this.shown.length === 0
    this.tag('Empty')?.patch({ visible: empty, text: textPatch(t(this.config.emptyLabel), { size: type.body }) })
    if (empty) this.zone = 'categories'
    this.prefetchAround(this.list.index)
    if (this.hasFocus()) this._refocus()
  }

  private prefetchAround(i: number): void {
    this.onNearby?.(this.shown.slice(i, i + 3).map((item) => item.id))
  }

  override _getFocused(): Lightning.Component | null | undefined {
    return this.zone === 'list' && this.shown.length > 0 ? this.list : this.chips
  }

  override _handleDown(): boolean | void {
    if (this.zone === 'categories') this.categoryRest.flush()
    if (this.zone === 'categories' && this.shown.length > 0) {
      this.zone = 'list'
      this._refocus()
      return true
    }
    return false
  }

  override _handleUp(): boolean | void {
    return this.zone === 'categories'
  }

  override historyState(state: HistoryState): HistoryState {
    if (state) {
      this.restore = {
        category: typeof state.category === 'string' ? state.category : null,
        id: typeof state.id === 'string' ? state.id : undefined,
      }
      this.zone = state.zone === 'categories' ? 'categories' : 'list'
      // The Router restores history after the route hook drew the list: choose the remembered
      // category and item on the list already ordered, without sorting 10 000 notices again.
      if (this.source) this.restoreChoice()
      return undefined
    }
    // Leaving before the list caught up with the chip: remember the chip with its own list.
    this.categoryRest.flush()
    return { category: this.currentCategory(), id: this.shown[this.list.index]?.id, zone: this.zone }
  }

  override _detach(): void {
    this.categoryRest.cancel()
  }
}
