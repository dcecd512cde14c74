/**
 * 常见问题: topic chips on top (全部 first when the region publishes a search shard), the questions below,
 * and search with the remote's digits: what was typed shows on its own line with the key letters beside it,
 * results narrow as digits are typed (src/search/t9.ts; the list follows once typing rests), 0 or Back
 * deletes one. The list recycles its rows; focus only tints. Data comes from the route's loaders (the
 * repository); this page never fetches.
 */
import { Accessibility, Lightning, Router } from '@lightningjs/sdk'
import { ChipRow } from '../components/ChipRow'
import { FailurePanel } from '../components/FailurePanel'
import { FaqRow, type FaqListItem } from '../components/FaqRow'
import { FocusList } from '../components/FocusList'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import { TypedDigits } from '../components/TypedDigits'
import type { DetailResult, FailureReason, FeedStatus } from '../feed/repository'
import type { FaqSearchShard, FaqTopic, FaqTopicShard, FeedIndex } from '../feed/schema'
import { t } from '../i18n/strings'
import { AfterRest, LIST_REST_MS } from '../layout/afterRest'
import { digitForKeyCode } from '../layout/remoteDigits'
import { textWidthEm } from '../layout/textLayout'
import { prepareT9, T9Query, type PreparedT9, type T9Result } from '../search/t9'
import { scaledSize } from '../theme/scale'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

const SEARCH_Y = 246
const SEARCH_H = 64
const HINT_Y = 320
const LIST_Y = 370
/** 全部: the search shard. Any other key is a topic id. */
const ALL = ''

export type FaqTopicLoader = (topicId: string) => Promise<DetailResult<FaqTopicShard>>
export type FaqSearchLoader = () => Promise<DetailResult<FaqSearchShard>>

export interface FaqTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Topics: typeof ChipRow
  Search: { Prompt: object; Digits: typeof TypedDigits; Count: object }
  Hint: object
  List: typeof FocusList
  Message: { Title: object; Body: object }
  Failed: typeof FailurePanel
}

/** A list on screen: a topic's questions or the search shard's, with its index being prepared. */
interface Shown {
  key: string
  items: readonly FaqListItem[]
  prepared: PreparedT9
}

export class Faq
  extends Lightning.Component<FaqTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<FaqTemplateSpec>
{
  private zone: 'topics' | 'list' = 'list'
  /** The list was focused when a search emptied it: focus goes back to it when results return. */
  private listWanted = false
  private topics: FaqTopic[] = []
  /** Chip keys in order: ALL (when the search shard exists) and topic ids. */
  private keys: string[] = []
  private searchMissing = false
  private shown: Shown | undefined
  private query: T9Query | undefined
  private typed = ''
  private listed: readonly FaqListItem[] = []
  /** Bumped per choice: an answer for an earlier chip is not drawn. */
  private request = 0
  private restore: { key: string; digits: string; id: string | undefined } | undefined
  /** Opened before the index had topics: 全部 opens when they arrive. */
  private waiting = false
  private listMarked = false
  private status: FeedStatus | undefined
  /** Digits show as typed; the list and its count follow once typing rests (the last digit's answer only). */
  private readonly searchRest = new AfterRest(LIST_REST_MS)
  /** A topic chip's questions load once focus rests on it, not for every chip passed. */
  private readonly topicRest = new AfterRest(LIST_REST_MS)

  /** Set by the route: the repository's loaders and the answers' prefetch. */
  loadTopic: FaqTopicLoader | undefined
  loadSearch: FaqSearchLoader | undefined
  onNearby: ((ids: string[]) => void) | undefined

  static override _template(): Lightning.Component.Template<FaqTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Topics: { type: ChipRow, x: safeArea.x, y: 150, w: safeArea.w },
      Search: {
        x: safeArea.x,
        y: SEARCH_Y,
        w: safeArea.w,
        h: SEARCH_H,
        rect: true,
        color: palette.surface,
        Prompt: { x: 24, y: 2 },
        Digits: { type: TypedDigits, y: 2 },
        Count: { x: safeArea.w - 24, y: 10, mountX: 1 },
      },
      Hint: { x: safeArea.x, y: HINT_Y },
      List: { type: FocusList, x: safeArea.x - 6, y: LIST_Y, w: safeArea.w + 12, h: 600 },
      Message: { x: safeArea.x, y: LIST_Y + 30, visible: false, Title: {}, Body: { y: 80 } },
      Failed: { type: FailurePanel, x: safeArea.x, y: LIST_Y + 30, visible: false },
    }
  }

  private get list(): FocusList {
    return this.tag('List') as FocusList
  }
  private get chips(): ChipRow {
    return this.tag('Topics') as ChipRow
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('faq.title'), 'faq')
    this.tag('Hint')?.patch({ text: textPatch(t('faq.keysHint'), { size: type.hint, color: palette.textMuted }) })
    // The prompt is drawn once; a key press draws no text (TypedDigits), the count follows once typing rests.
    const prompt = t('faq.searchLabel')
    this.tag('Search')?.patch({
      Prompt: { text: textPatch(prompt, { size: type.label }) },
      Digits: { x: 24 + Math.ceil(textWidthEm(prompt) * scaledSize(type.label)) + 8 },
    })
    this.list.patch({ h: FaqRow.height * Math.floor(600 / FaqRow.height) })
    this.list.configure(FaqRow, FaqRow.height)
    this.list.onSelect = (i) => {
      const item = this.listed[i]
      if (item) Router.navigate(`faq/entry/${item.id}`)
    }
    this.list.onLeaveTop = () => {
      this.zone = 'topics'
      this._refocus()
      return true
    }
    this.list.onFocusChange = (i) => this.prefetchAround(i)
    this.chips.onChange = (i) => this.topicRest.schedule(() => void this.choose(this.keys[i] ?? ALL))
    this.paintSearch()
  }

  override _detach(): void {
    this.shown?.prepared.cancel()
    this.searchRest.cancel()
    this.topicRest.cancel()
  }

  /**
   * The route and App: the index's topics. The list on screen stays; the chips follow the topics. A page
   * opened before the index had arrived (a first start) opens 全部 once it has.
   */
  onFeed(index: FeedIndex | undefined, status: FeedStatus, _now: number): void {
    this.status = status
    const topics = index?.faq ?? []
    if (this.waiting && status.phase !== 'loading') this.showWaiting()
    if (topics === this.topics || (topics.length === 0 && this.topics.length > 0)) return
    this.topics = topics
    const names: Record<string, string> = {}
    for (const topic of topics) names[topic.id] = topic.name
    FaqRow.topicNames = names
    this.layoutChips(this.shown?.key ?? this.restore?.key ?? ALL)
    if (this.waiting && topics.length > 0) {
      this.waiting = false
      void this.open(undefined)
    }
  }

  private layoutChips(chosenKey: string): void {
    this.keys = [...(this.searchMissing ? [] : [ALL]), ...this.topics.map((topic) => topic.id)]
    const labels = [...(this.searchMissing ? [] : [t('faq.all')]), ...this.topics.map((topic) => topic.name)]
    this.chips.setLabels(labels, Math.max(0, this.keys.indexOf(chosenKey)))
  }

  /**
   * Opens a topic (or 全部 for none) and resolves once its questions are drawn, or the reason they cannot
   * be: the route awaits it, so history restores onto a drawn list.
   */
  async open(topicId: string | undefined): Promise<void> {
    if (topicId === undefined && this.topics.length === 0) {
      // No topics: the index has not arrived yet, cannot arrive, or the region publishes no 常见问题.
      this.waiting = true
      this.showWaiting()
      return
    }
    const key = topicId ?? ALL
    this.layoutChips(key)
    await this.choose(key)
  }

  private async choose(key: string, wanted?: { digits: string; id: string | undefined }): Promise<void> {
    if (this.shown?.key === key && !wanted) return
    this.waiting = false
    const request = ++this.request
    this.list.patch({ visible: false })
    this.showMessage('status.loading')
    this.tag('Failed')?.patch({ visible: false })
    const result = key === ALL ? await this.loadSearch?.() : await this.loadTopic?.(key)
    if (request !== this.request || !result) return
    if (!result.ok) {
      // No search shard published: 全部 goes, the first topic is shown and search stays inside it.
      if (key === ALL && result.reason === 'not-found' && this.topics.length > 0) {
        this.searchMissing = true
        const first = this.topics[0]?.id ?? ''
        this.layoutChips(first)
        await this.choose(first, wanted)
        return
      }
      this.fail(result.reason)
      return
    }
    this.shown?.prepared.cancel()
    const items = result.value.questions
    this.shown = { key, items, prepared: prepareT9(items.map((q) => q.initials)) }
    const chosen = this.keys.indexOf(key)
    if (chosen >= 0 && chosen !== this.chips.chosenIndex) this.chips.setLabels(this.chipLabels(), chosen)
    const digits = wanted ? wanted.digits : this.typed
    this.query = undefined
    if (digits) this.searchIndex().set(digits)
    this.apply(wanted?.id)
  }

  /** Without topics: loading, the reason the service cannot be reached, or that there are none; 12345 with each. */
  private showWaiting(): void {
    this.list.patch({ visible: false })
    this.zone = 'topics'
    const phase = this.status?.phase ?? 'loading'
    this.tag('Failed')?.patch({ visible: phase === 'unavailable' })
    if (phase === 'unavailable') {
      this.showMessage(undefined)
      ;(this.tag('Failed') as FailurePanel).show(t('faq.failed'), this.status?.lastFailure ?? 'network')
    } else {
      this.showMessage(phase === 'loading' ? 'status.loading' : 'faq.noTopics')
    }
  }

  private chipLabels(): string[] {
    return [...(this.searchMissing ? [] : [t('faq.all')]), ...this.topics.map((topic) => topic.name)]
  }

  /** The search over the list on screen; its index is finished now if the idle work has not yet. */
  private searchIndex(): T9Query {
    if (!this.shown) throw new Error('no list')
    this.query ??= new T9Query(this.shown.prepared.now())
    return this.query
  }

  private fail(reason: FailureReason): void {
    this.shown?.prepared.cancel()
    this.shown = undefined
    this.listed = []
    this.list.setItems([])
    this.showMessage(undefined)
    this.list.patch({ visible: false })
    this.tag('Search.Count')?.patch({ text: { text: '' } })
    this.tag('Failed')?.patch({ visible: true })
    ;(this.tag('Failed') as FailurePanel).show(t('faq.failed'), reason)
    this.zone = 'topics'
    if (this.hasFocus()) this._refocus()
  }

  /** Draws the list for what is typed: every question, or the search's results. */
  private apply(focusId?: string): void {
    this.searchRest.cancel()
    const shown = this.shown
    if (!shown) return
    const result: T9Result | undefined = this.query && this.query.text ? this.query.result : undefined
    this.typed = result?.query ?? ''
    this.listed = result ? result.shown.map((i) => shown.items[i] as FaqListItem) : shown.items
    const at = focusId ? this.listed.findIndex((item) => item.id === focusId) : -1
    this.list.patch({ visible: true })
    this.list.setItems(this.listed, Math.max(0, at))
    this.paintSearch(result)
    const empty = this.listed.length === 0
    if (empty) this.showMessage(result ? 'faq.none' : 'faq.empty', result ? 'faq.noneHint' : undefined)
    else this.showMessage(undefined)
    if (empty && this.zone === 'list') {
      this.zone = 'topics'
      this.listWanted = true
    } else if (!empty && this.listWanted) {
      this.zone = 'list'
      this.listWanted = false
    }
    this.prefetchAround(this.list.index)
    if (this.hasFocus()) this._refocus()
    // For the benchmark: when the first list was drawn (once a page, so marks do not pile up).
    if (!this.listMarked) performance.mark('app:faq-list')
    this.listMarked = true
  }

  /** What the count says, in words. */
  private countText(result?: T9Result): string {
    if (!result) return t('faq.count', { count: this.shown?.items.length ?? 0 })
    if (result.total === 0) return t('faq.none')
    if (result.total > result.shown.length) return t('faq.foundCapped', { count: result.total, shown: result.shown.length })
    return t('faq.found', { count: result.total })
  }

  private paintSearch(result?: T9Result): void {
    this.paintTyped()
    this.tag('Search')?.patch({
      Count: { text: textPatch(this.shown ? this.countText(result) : '', { size: type.hint, color: palette.textMuted }) },
    })
  }

  private paintTyped(): void {
    ;(this.tag('Search.Digits') as TypedDigits).value = this.typed
  }

  private showMessage(title: 'status.loading' | 'faq.none' | 'faq.empty' | 'faq.noTopics' | undefined, body?: 'faq.noneHint'): void {
    this.tag('Message')?.patch({
      visible: title !== undefined,
      Title: { text: textPatch(title ? t(title) : '', { size: type.heading, bold: title !== 'status.loading', width: safeArea.w, maxLines: 2 }) },
      Body: { text: textPatch(body ? `${t(body)}\n${t('faq.example')}` : '', { size: type.body, width: safeArea.w, maxLines: 4 }) },
    })
  }

  private prefetchAround(i: number): void {
    this.onNearby?.(this.listed.slice(i, i + 3).map((item) => item.id))
  }

  // ---------------------------------------------------------------------------------------------------
  // Keys

  /** A digit from the remote: 2–9 narrow, 0 deletes one; 1 carries no letters and does nothing. */
  override _handleKey(event: KeyboardEvent): boolean {
    const digit = digitForKeyCode(event.keyCode)
    if (digit === undefined) return false
    if (!this.shown) return true
    if (digit === '0') return this.deleteDigit() || true
    const query = this.searchIndex()
    if (query.push(digit)) this.afterTyping()
    return true
  }

  /** Back deletes a typed digit first; with nothing typed it goes back as everywhere. */
  override _handleBack(): boolean {
    return this.deleteDigit()
  }

  private deleteDigit(): boolean {
    if (!this.query || !this.query.pop()) return false
    this.afterTyping()
    return true
  }

  private afterTyping(): void {
    const result = this.query?.text ? this.query.result : undefined
    this.typed = result?.query ?? ''
    this.paintTyped()
    this.searchRest.schedule(() => this.apply())
    const said = result
      ? t('faq.typedCount', { count: result.query.length, result: this.countText(result) })
      : t('faq.cleared', { result: this.countText() })
    Accessibility.Announcer.speak(said)
  }

  override _getFocused(): Lightning.Component | null | undefined {
    return this.zone === 'list' && this.listed.length > 0 ? this.list : this.chips
  }

  override _handleDown(): boolean | void {
    this.searchRest.flush()
    if (this.zone === 'topics' && this.listed.length > 0) {
      this.zone = 'list'
      this.listWanted = false
      this._refocus()
      return true
    }
    return false
  }

  override _handleUp(): boolean | void {
    return this.zone === 'topics'
  }

  /** Read when the page takes focus: what it is and how to search. */
  get announce(): string {
    return `${t('faq.title')}。${t('faq.searchPrompt', { digits: this.typed })}。${t('faq.example')}`
  }

  override historyState(state: HistoryState): HistoryState {
    if (state) {
      const key = typeof state.topic === 'string' ? state.topic : ALL
      const digits = typeof state.digits === 'string' ? state.digits : ''
      const id = typeof state.id === 'string' ? state.id : undefined
      this.zone = state.zone === 'topics' ? 'topics' : 'list'
      this.restore = { key, digits, id }
      // The route drew a list already; the remembered one comes back with its digits and focused row.
      void this.choose(this.keys.indexOf(key) >= 0 || key === ALL ? key : (this.shown?.key ?? ALL), { digits, id })
      return undefined
    }
    // Leaving before the list caught up with the digits: remember the digits with their own list.
    this.searchRest.flush()
    return { topic: this.shown?.key ?? ALL, digits: this.typed, id: this.listed[this.list.index]?.id, zone: this.zone }
  }
}
