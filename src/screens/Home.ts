/**
 * Home: region and date, live alerts (level in words, not colour alone; OK opens one in full), a row of
 * large tiles, a row of cards (the feed's collections such as 本月政策, then a poll open now) and the
 * newest notices. Every section is one press (a tile) plus OK away; focus moves between the rows with Up
 * and Down.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { AlertBanner } from '../components/AlertBanner'
import { CollectionCard } from '../components/CollectionCard'
import { FocusList } from '../components/FocusList'
import { NoticeRow } from '../components/NoticeRow'
import { PlaceCard } from '../components/PlaceCard'
import { PollCard } from '../components/PollCard'
import { openPolls } from '../feed/polls'
import { textPatch } from '../components/text'
import { Tile } from '../components/Tile'
import type { FeedStatus } from '../feed/repository'
import type { Alert, Collection, FeedIndex, Poll } from '../feed/schema'
import { latestNotices, noticeRoute } from '../feed/localFeeds'
import { activeAlerts, activeCollections, collectionEntries, newestNotices } from '../feed/selectors'
import { formatToday } from '../i18n/format'
import { t } from '../i18n/strings'
import { currentBranding } from '../theme/branding'
import { palette, safeArea, type } from '../theme/tokens'
import { HOME_TILES, type HomeTile } from '../layout/homeTiles'
import type { HistoryState, PageTypeConfig } from './page'

const TILE_GAP = 24
/** As many tiles as there are sections, side by side across the safe area. */
const tileWidth = (count: number): number => Math.floor((safeArea.w - (count - 1) * TILE_GAP) / count)
// Low enough that two alerts and the collections still leave room for one of the newest notices.
const TILE_H = 210
const LATEST_COUNT = 3
const ALERTS_Y = 150
const ALERT_H = 90
const ALERT_STEP = 100
const SHOWN_ALERTS = 2
/** Cards in the row under the tiles: the household's village, then collections, then at most SHOWN_POLLS polls. */
// Three across leave a label about eleven characters: 我的村：汾市镇 石门村 fits whole.
const SHOWN_CARDS = 3
const SHOWN_COLLECTIONS = 3
const SHOWN_POLLS = 1
const COLLECTION_GAP = 24

type Zone = 'alerts' | 'tiles' | 'collections' | 'latest'
/** Where the status strip begins (App draws it). */
const STATUS_TOP = safeArea.y + safeArea.h - 56

export interface HomeTemplateSpec extends Lightning.Component.TemplateSpec {
  Region: object
  Today: object
  Operator: { Logo: object; Name: object }
  Alerts: object
  Tiles: object
  Collections: object
  LatestTitle: object
  Latest: typeof FocusList
  Unavailable: { Title: object; Body: object }
}

export class Home
  extends Lightning.Component<HomeTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<HomeTemplateSpec>
{
  private zone: Zone = 'tiles'
  private tileIndex = 0
  private alertIndex = 0
  private collectionIndex = 0
  /** Where each of the newest notices opens: a township's or village's under its own code (localFeeds.ts). */
  private latestRoutes: string[] = []
  private alerts: Alert[] = []
  private collections: Collection[] = []
  /** Polls open now, shown as cards after the collections; none when the operator set no pollApiUrl. */
  private polls: Poll[] = []
  /** Set by the route: whether polls are offered at all (settings.pollApiUrl). */
  pollsEnabled = false
  /** Set by the route: the household's place (我的村：汾市镇 石门村), shown beside 最新通知; none until picked. */
  set placeLine(line: string | undefined) {
    this.place = line
    this.paintLatestTitle()
  }
  private place: string | undefined

  private paintLatestTitle(): void {
    // The household's village has its own card in the row above (PlaceCard): Down and OK change it.
    this.tag('LatestTitle')?.patch({ text: textPatch(t('home.latest'), { size: type.heading, bold: true }) })
  }
  /** The card to focus again when Home comes back (history state), by id: the row may have changed. */
  private restoreCard: string | undefined
  /** The tiles this box shows, made at the first feed: a section without its service has none. */
  private tiles: readonly HomeTile[] = []
  /** Set by the route before the first feed: whether this box offers a section (its service is set). */
  offers: (route: string) => boolean = () => true

  static override _template(): Lightning.Component.Template<HomeTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Region: { x: safeArea.x, y: safeArea.y },
      Today: { x: safeArea.x + safeArea.w, y: safeArea.y + 10, mountX: 1 },
      Operator: { x: 960, y: safeArea.y + 14, mountX: 0.5, Logo: { w: 56, h: 56, visible: false }, Name: {} },
      Alerts: { x: safeArea.x, y: ALERTS_Y },
      Tiles: { x: safeArea.x, y: 200 },
      Collections: { x: safeArea.x, y: 440, visible: false },
      LatestTitle: { x: safeArea.x, y: 560 },
      Latest: { type: FocusList, x: safeArea.x - 6, y: 630, w: safeArea.w + 12, h: NoticeRow.height * LATEST_COUNT },
      Unavailable: {
        x: safeArea.x,
        y: 640,
        visible: false,
        Title: {},
        Body: { y: 80 },
      },
    }
  }

  private get latest(): FocusList {
    return this.tag('Latest') as FocusList
  }

  private addTiles(): void {
    const host = this.tag('Tiles')
    if (!host || this.tiles.length > 0) return
    this.tiles = HOME_TILES.filter((def) => this.offers(def.route))
    const w = tileWidth(this.tiles.length)
    this.tiles.forEach((def, i) => {
      host.childList.add(this.stage.c({ type: Tile, ref: `Tile${i}`, x: i * (w + TILE_GAP), w, h: TILE_H, label: t(def.label), icon: def.icon }))
    })
    this.tileIndex = Math.min(this.tileIndex, this.tiles.length - 1)
  }

  override _init(): void {
    this.paintLatestTitle()
    const brand = currentBranding()
    this.tag('Operator')?.patch({
      Logo: brand.logo ? { visible: true, texture: { type: Lightning.textures.ImageTexture, src: brand.logo, hasAlpha: true } } : { visible: false },
      Name: { x: brand.logo ? 72 : 0, text: textPatch(brand.name, { size: type.hint, color: palette.textMuted }) },
    })
    this.latest.configure(NoticeRow, NoticeRow.height)
    this.latest.onSelect = (i) => {
      const route = this.latestRoutes[i]
      if (route) Router.navigate(route)
    }
    this.latest.onLeaveTop = () => {
      this.zone = this.cardCount() > 0 ? 'collections' : 'tiles'
      this._refocus()
      return true
    }
  }

  /** Called by the route and on every feed update. */
  onFeed(index: FeedIndex | undefined, status: FeedStatus, now: number): void {
    this.addTiles()
    this.tag('Today')?.patch({ text: textPatch(formatToday(now), { size: type.label, color: palette.textMuted }) })
    this.tag('Region')?.patch({
      text: textPatch(index ? index.region.name : t('appTitle'), { size: type.title, bold: true }),
    })
    this.alerts = (index ? activeAlerts(index, now) : []).slice(0, SHOWN_ALERTS)
    this.showAlerts(this.alerts)
    const tilesY = this.alerts.length ? ALERTS_Y + this.alerts.length * ALERT_STEP + 10 : 170
    this.tag('Tiles')?.patch({ y: tilesY })
    const collectionsY = tilesY + TILE_H + 30
    this.polls = index && this.pollsEnabled ? openPolls(index, now).slice(0, SHOWN_POLLS) : []
    const room = Math.min(SHOWN_COLLECTIONS, SHOWN_CARDS - this.polls.length - (this.place ? 1 : 0))
    this.collections = (index ? activeCollections(index, now) : []).slice(0, room)
    if (index) this.showCollections(index, collectionsY)
    else this.tag('Collections')?.patch({ visible: false })
    const listTop = this.cardCount() ? collectionsY + CollectionCard.height + 30 : collectionsY
    this.tag('LatestTitle')?.patch({ y: listTop })
    // Whole rows only, down to the status strip.
    const rows = Math.max(1, Math.floor((STATUS_TOP - listTop - 70) / NoticeRow.height))

    // Whole rows that fit; one of them the household's own township or village notice when there is one.
    const latest = index ? latestNotices(newestNotices(index, now, index.notices.length), LATEST_COUNT, rows) : []
    this.latestRoutes = latest.map((n) => noticeRoute(n))
    const unavailable = status.phase === 'unavailable'
    this.latest.patch({ y: listTop + 70, h: rows * NoticeRow.height, visible: !unavailable })
    this.latest.setItems(latest, this.latest.index)
    this.tag('LatestTitle')?.patch({ visible: !unavailable })
    this.tag('Unavailable')?.patch({
      visible: unavailable,
      y: listTop,
      Title: { text: textPatch(t('unavailable.title'), { size: type.heading, bold: true }) },
      Body: {
        text: textPatch(t('unavailable.body'), {
          size: type.body,
          width: safeArea.w,
          maxLines: 3,
        }),
      },
    })
    if (unavailable && this.zone === 'latest') this.zone = 'tiles'
    this.keepZoneOnScreen()
    if (this.hasFocus()) this._refocus()
  }

  /** A refresh can take away the row that had focus (an alert ended, a collection expired). */
  private keepZoneOnScreen(): void {
    if (this.zone === 'alerts' && this.alerts.length === 0) this.zone = 'tiles'
    if (this.zone === 'collections' && this.cardCount() === 0) this.zone = 'tiles'
    if (this.restoreCard !== undefined) {
      const at = this.cardIds().indexOf(this.restoreCard)
      if (at >= 0) this.collectionIndex = at
      if (this.cardCount() > 0) this.restoreCard = undefined
    }
    this.alertIndex = Math.max(0, Math.min(this.alerts.length - 1, this.alertIndex))
    this.collectionIndex = Math.max(0, Math.min(this.cardCount() - 1, this.collectionIndex))
  }

  /** The cards row holds the household's village (where the box offers 村务公开), the collections, the polls. */
  private cardCount(): number {
    return (this.place ? 1 : 0) + this.collections.length + this.polls.length
  }

  /** Each card's route, in the row's order: `myplace`, `collections/{id}` or `polls/{id}`. */
  private cardIds(): string[] {
    return [...(this.place ? ['myplace'] : []), ...this.collections.map((c) => `collections/${c.id}`), ...this.polls.map((p) => `polls/${p.id}`)]
  }

  private showAlerts(alerts: readonly Alert[]): void {
    const host = this.tag('Alerts')
    if (!host) return
    host.childList.clear()
    alerts.forEach((alert, i) => {
      const banner = this.stage.c({ type: AlertBanner, ref: `Alert${i}`, y: i * ALERT_STEP }) as AlertBanner
      host.childList.add(banner)
      banner.setAlert(alert, safeArea.w, ALERT_H)
    })
  }

  private showCollections(index: FeedIndex, y: number): void {
    const host = this.tag('Collections')
    if (!host) return
    const n = this.cardCount()
    host.patch({ y, visible: n > 0 })
    host.childList.clear()
    const w = Math.floor((safeArea.w - (SHOWN_CARDS - 1) * COLLECTION_GAP) / SHOWN_CARDS)
    const first = this.place ? 1 : 0
    if (this.place) {
      const card = this.stage.c({ type: PlaceCard, ref: 'Place', x: 0 }) as PlaceCard
      host.childList.add(card)
      card.show(this.place, w)
    }
    this.collections.forEach((collection, k) => {
      const i = first + k
      const card = this.stage.c({ type: CollectionCard, ref: `Collection${k}`, x: i * (w + COLLECTION_GAP) }) as CollectionCard
      host.childList.add(card)
      card.show(t('collection.tile', { title: collection.title, count: collectionEntries(index, collection).length }), w)
    })
    this.polls.forEach((poll, k) => {
      const i = first + this.collections.length + k
      const card = this.stage.c({ type: PollCard, ref: `Poll${k}`, x: i * (w + COLLECTION_GAP) }) as PollCard
      host.childList.add(card)
      const label = t('poll.card', { question: poll.question })
      card.show(label, w, label)
    })
    if (n === 0) this.collectionIndex = 0
  }

  override _getFocused(): Lightning.Component | null | undefined {
    if (this.zone === 'latest' && this.latest.length > 0) return this.latest
    if (this.zone === 'alerts') return this.tag('Alerts')?.childList.getAt(this.alertIndex) as Lightning.Component | undefined
    if (this.zone === 'collections') {
      return this.tag('Collections')?.childList.getAt(this.collectionIndex) as Lightning.Component | undefined
    }
    return this.tag('Tiles')?.childList.getAt(this.tileIndex) as Lightning.Component | undefined
  }

  override _handleLeft(): boolean | void {
    if (this.zone === 'tiles' && this.tileIndex > 0) this.tileIndex--
    else if (this.zone === 'collections' && this.collectionIndex > 0) this.collectionIndex--
    else return false
    this._refocus()
  }

  override _handleRight(): boolean | void {
    if (this.zone === 'tiles' && this.tileIndex < this.tiles.length - 1) this.tileIndex++
    else if (this.zone === 'collections' && this.collectionIndex < this.cardCount() - 1) this.collectionIndex++
    else return false
    this._refocus()
  }

  /** The rows from top to bottom that can take focus now. */
  private zones(): Zone[] {
    const zones: Zone[] = []
    if (this.alerts.length > 0) zones.push('alerts')
    zones.push('tiles')
    if (this.cardCount() > 0) zones.push('collections')
    if (this.latest.length > 0 && this.latest.visible) zones.push('latest')
    return zones
  }

  override _handleUp(): boolean | void {
    if (this.zone === 'alerts' && this.alertIndex > 0) {
      this.alertIndex--
      this._refocus()
      return true
    }
    const zones = this.zones()
    const above = zones[zones.indexOf(this.zone) - 1]
    if (!above) return false
    this.zone = above
    // Up from the tiles lands on the alert nearest to them.
    if (above === 'alerts') this.alertIndex = this.alerts.length - 1
    this._refocus()
    return true
  }

  override _handleDown(): boolean | void {
    if (this.zone === 'alerts' && this.alertIndex < this.alerts.length - 1) {
      this.alertIndex++
      this._refocus()
      return true
    }
    const zones = this.zones()
    const below = zones[zones.indexOf(this.zone) + 1]
    if (!below) return false
    this.zone = below
    this._refocus()
    return true
  }

  override _handleEnter(): boolean | void {
    if (this.zone === 'tiles') {
      const def = this.tiles[this.tileIndex]
      if (def) Router.navigate(def.route)
      return true
    }
    if (this.zone === 'alerts') {
      const alert = this.alerts[this.alertIndex]
      if (alert) Router.navigate(`alerts/${alert.id}`)
      return true
    }
    if (this.zone === 'collections') {
      const route = this.cardIds()[this.collectionIndex]
      if (route) Router.navigate(route)
      return true
    }
    return false
  }

  override historyState(state: HistoryState): HistoryState {
    if (state) {
      const zone = state.zone
      this.zone = zone === 'latest' || zone === 'alerts' || zone === 'collections' ? zone : 'tiles'
      this.tileIndex = typeof state.tile === 'number' ? Math.max(0, Math.min(Math.max(this.tiles.length, 1) - 1, state.tile)) : 0
      this.alertIndex = typeof state.alert === 'number' ? state.alert : 0
      this.collectionIndex = typeof state.collection === 'number' ? state.collection : 0
      this.restoreCard = typeof state.card === 'string' ? state.card : undefined
      if (typeof state.latest === 'number') this.latest.focusAt(state.latest)
      this.keepZoneOnScreen()
      if (this.hasFocus()) this._refocus()
      return undefined
    }
    // `collection` is the card's place in the row; `card` its route, which wins when the row has changed.
    const card = this.zone === 'collections' ? this.cardIds()[this.collectionIndex] : undefined
    return { zone: this.zone, tile: this.tileIndex, alert: this.alertIndex, collection: this.collectionIndex, latest: this.latest.index, ...(card ? { card } : {}) }
  }
}
