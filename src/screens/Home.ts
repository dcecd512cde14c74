/**
 * Home: region and date, live alerts (level in words, not colour alone), five large tiles and the
 * newest notices. Every section is one press (a tile) plus OK away.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { FocusList } from '../components/FocusList'
import { NoticeRow } from '../components/NoticeRow'
import { textPatch } from '../components/text'
import { Tile } from '../components/Tile'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex } from '../feed/schema'
import { activeAlerts, newestNotices } from '../feed/selectors'
import { formatToday } from '../i18n/format'
import { t, type StringKey } from '../i18n/strings'
import { currentBranding } from '../theme/branding'
import { iconTexture, type IconName } from '../theme/icons'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

interface TileDef {
  route: string
  label: StringKey
  icon: IconName
}

export const HOME_TILES: readonly TileDef[] = [
  { route: 'notices', label: 'home.notices', icon: 'notice' },
  { route: 'guides', label: 'home.guides', icon: 'guide' },
  { route: 'progress', label: 'home.progress', icon: 'progress' },
  { route: 'hotlines', label: 'home.hotlines', icon: 'hotline' },
  { route: 'about', label: 'home.about', icon: 'about' },
  { route: 'faq', label: 'home.faq', icon: 'faq' },
]

const TILE_W = 320
// Low enough that two alerts still leave room for two of the newest notices.
const TILE_H = 210
const TILE_GAP = 32
const LATEST_COUNT = 3
const ALERTS_Y = 150
const ALERT_H = 90
const ALERT_STEP = 100
/** Where the status strip begins (App draws it). */
const STATUS_TOP = safeArea.y + safeArea.h - 56

export interface HomeTemplateSpec extends Lightning.Component.TemplateSpec {
  Region: object
  Today: object
  Operator: { Logo: object; Name: object }
  Alerts: object
  Tiles: object
  LatestTitle: object
  Latest: typeof FocusList
  Unavailable: { Title: object; Body: object }
}

export class Home
  extends Lightning.Component<HomeTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<HomeTemplateSpec>
{
  private zone: 'tiles' | 'latest' = 'tiles'
  private tileIndex = 0
  private latestIds: string[] = []

  static override _template(): Lightning.Component.Template<HomeTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Region: { x: safeArea.x, y: safeArea.y },
      Today: { x: safeArea.x + safeArea.w, y: safeArea.y + 10, mountX: 1 },
      Operator: { x: 960, y: safeArea.y + 14, mountX: 0.5, Logo: { w: 56, h: 56, visible: false }, Name: {} },
      Alerts: { x: safeArea.x, y: ALERTS_Y },
      Tiles: { x: safeArea.x, y: 200 },
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

  override _init(): void {
    const tiles = this.tag('Tiles')
    HOME_TILES.forEach((def, i) => {
      tiles?.childList.add(
        this.stage.c({ type: Tile, ref: `Tile${i}`, x: i * (TILE_W + TILE_GAP), w: TILE_W, h: TILE_H, label: t(def.label), icon: def.icon }),
      )
    })
    this.tag('LatestTitle')?.patch({ text: textPatch(t('home.latest'), { size: type.heading, bold: true }) })
    const brand = currentBranding()
    this.tag('Operator')?.patch({
      Logo: brand.logo ? { visible: true, texture: { type: Lightning.textures.ImageTexture, src: brand.logo, hasAlpha: true } } : { visible: false },
      Name: { x: brand.logo ? 72 : 0, text: textPatch(brand.name, { size: type.hint, color: palette.textMuted }) },
    })
    this.latest.configure(NoticeRow, NoticeRow.height)
    this.latest.onSelect = (i) => {
      const id = this.latestIds[i]
      if (id) Router.navigate(`notices/${id}`)
    }
    this.latest.onLeaveTop = () => {
      this.zone = 'tiles'
      this._refocus()
      return true
    }
  }

  /** Called by the route and on every feed update. */
  onFeed(index: FeedIndex | undefined, status: FeedStatus, now: number): void {
    this.tag('Today')?.patch({ text: textPatch(formatToday(now), { size: type.label, color: palette.textMuted }) })
    this.tag('Region')?.patch({
      text: textPatch(index ? index.region.name : t('appTitle'), { size: type.title, bold: true }),
    })
    const alerts = index ? activeAlerts(index, now) : []
    this.showAlerts(alerts.slice(0, 2))
    const shownAlerts = Math.min(alerts.length, 2)
    const tilesY = shownAlerts ? ALERTS_Y + shownAlerts * ALERT_STEP + 10 : 170
    this.tag('Tiles')?.patch({ y: tilesY })
    const listTop = tilesY + TILE_H + 30
    this.tag('LatestTitle')?.patch({ y: listTop })
    // Whole rows only, down to the status strip.
    const rows = Math.max(1, Math.floor((STATUS_TOP - listTop - 70) / NoticeRow.height))

    const latest = index ? newestNotices(index, now, LATEST_COUNT) : []
    this.latestIds = latest.map((n) => n.id)
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
    if (this.hasFocus()) this._refocus()
  }

  private showAlerts(alerts: ReturnType<typeof activeAlerts>): void {
    const host = this.tag('Alerts')
    if (!host) return
    host.childList.clear()
    alerts.forEach((alert, i) => {
      const colours = palette.alert[alert.level]
      // The level is written out (红色预警 …) so colour is never the only sign.
      const line = `【${t(`alert.${alert.level}`)}】${alert.title}：${alert.text}`
      host.childList.add(
        this.stage.c({
          ref: `Alert${i}`,
          y: i * ALERT_STEP,
          w: safeArea.w,
          h: ALERT_H,
          rect: true,
          color: colours.background,
          Icon: { x: 20, y: 11, w: 68, h: 68, texture: iconTexture('alert'), color: colours.text },
          Text: { x: 108, y: 18, text: textPatch(line, { size: type.body, color: colours.text, width: safeArea.w - 140, maxLines: 1 }) },
        }),
      )
    })
  }

  override _getFocused(): Lightning.Component | null | undefined {
    if (this.zone === 'latest' && this.latest.length > 0) return this.latest
    return this.tag('Tiles')?.childList.getAt(this.tileIndex) as Lightning.Component | undefined
  }

  override _handleLeft(): boolean | void {
    if (this.zone !== 'tiles' || this.tileIndex === 0) return false
    this.tileIndex--
    this._refocus()
  }

  override _handleRight(): boolean | void {
    if (this.zone !== 'tiles' || this.tileIndex >= HOME_TILES.length - 1) return false
    this.tileIndex++
    this._refocus()
  }

  override _handleDown(): boolean | void {
    if (this.zone === 'tiles' && this.latest.length > 0 && this.latest.visible) {
      this.zone = 'latest'
      this._refocus()
      return true
    }
    return false
  }

  override _handleEnter(): boolean | void {
    if (this.zone === 'tiles') {
      const def = HOME_TILES[this.tileIndex]
      if (def) Router.navigate(def.route)
      return true
    }
    return false
  }

  override historyState(state: HistoryState): HistoryState {
    if (state) {
      this.zone = state.zone === 'latest' ? 'latest' : 'tiles'
      this.tileIndex = typeof state.tile === 'number' ? Math.max(0, Math.min(HOME_TILES.length - 1, state.tile)) : 0
      if (typeof state.latest === 'number') this.latest.focusAt(state.latest)
      if (this.hasFocus()) this._refocus()
      return undefined
    }
    return { zone: this.zone, tile: this.tileIndex, latest: this.latest.index }
  }
}
