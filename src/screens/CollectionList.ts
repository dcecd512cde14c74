/**
 * One collection (本月政策 …) opened from Home: its description, how many items, and the notices and
 * guides it gathers, each opening as it would from its own list. Feed-aware: a deep link that arrives
 * before the index shows the collection as soon as it comes.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { CollectionRow } from '../components/CollectionRow'
import { FocusList } from '../components/FocusList'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex } from '../feed/schema'
import { activeCollections, collectionEntries, type CollectionEntry } from '../feed/selectors'
import { t } from '../i18n/strings'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

export interface CollectionListTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Description: object
  Count: object
  List: typeof FocusList
  Message: object
}

const LIST_Y = 330

export class CollectionList
  extends Lightning.Component<CollectionListTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<CollectionListTemplateSpec>
{
  /** Set by the route from the deep link or Home. */
  collectionId = ''
  private entries: CollectionEntry[] = []
  private restoreIndex = 0

  static override _template(): Lightning.Component.Template<CollectionListTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Description: { x: safeArea.x, y: 160 },
      Count: { x: safeArea.x, y: 260 },
      List: { type: FocusList, x: safeArea.x - 6, y: LIST_Y, w: safeArea.w + 12, h: CollectionRow.height * 4 },
      Message: { x: safeArea.x, y: LIST_Y, visible: false },
    }
  }

  private get list(): FocusList {
    return this.tag('List') as FocusList
  }

  override _init(): void {
    this.list.configure(CollectionRow, CollectionRow.height)
    this.list.onSelect = (i) => {
      const entry = this.entries[i]
      if (entry) Router.navigate(entry.kind === 'notice' ? `notices/${entry.item.id}` : `guides/${entry.item.id}`)
    }
  }

  onFeed(index: FeedIndex | undefined, status: FeedStatus, now: number): void {
    const collection = index ? activeCollections(index, now).find((c) => c.id === this.collectionId) : undefined
    const header = this.tag('Header') as ScreenHeader
    header.show(collection ? collection.title : t('collection.gone'), 'collection')
    this.entries = index && collection ? collectionEntries(index, collection) : []
    this.tag('Description')?.patch({
      visible: Boolean(collection?.description),
      text: textPatch(collection?.description ?? '', { size: type.body, color: palette.textMuted, width: safeArea.w, maxLines: 2 }),
    })
    this.tag('Count')?.patch({
      visible: Boolean(collection),
      text: textPatch(t('collection.count', { count: this.entries.length }), { size: type.hint, color: palette.textMuted }),
    })
    this.list.setItems(this.entries, this.list.length > 0 ? this.list.index : this.restoreIndex)
    this.list.patch({ visible: this.entries.length > 0 })
    // Loading says so; a collection the index does not hold (ended, or a stale portal link) says that.
    const message =
      this.entries.length > 0
        ? ''
        : !index
          ? t(status.phase === 'unavailable' ? 'unavailable.body' : 'status.loading')
          : collection
            ? t('collection.empty')
            : t('collection.gone')
    this.tag('Message')?.patch({
      visible: message !== '',
      text: textPatch(message, { size: type.body, width: safeArea.w, maxLines: 3 }),
    })
    if (this.hasFocus()) this._refocus()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.entries.length > 0 ? this.list : undefined
  }

  get announce(): string {
    const header = this.entries.length > 0 ? t('collection.count', { count: this.entries.length }) : ''
    return header
  }

  override historyState(state: HistoryState): HistoryState {
    if (state) {
      if (typeof state.focus === 'number') {
        this.restoreIndex = state.focus
        this.list.focusAt(state.focus)
      }
      return undefined
    }
    return { focus: this.list.index }
  }
}
