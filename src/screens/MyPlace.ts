/**
 * 选择我的村: the household picks its township, then its village (or the township alone), once; the box
 * remembers it (config/myPlace.ts, saved by the route). Square rows, one column; the focus only tints the
 * row, and every row says its place in words. Back on the village list returns to the townships; on the
 * township list it leaves as everywhere. Data arrives from the route: the county index's townships[].
 */
import { Lightning } from '@lightningjs/sdk'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import type { MyPlace } from '../config/myPlace'
import type { Township } from '../feed/schema'
import { t } from '../i18n/strings'
import { palette, safeArea, type } from '../theme/tokens'
import type { PageTypeConfig } from './page'

export interface MyPlaceTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Hint: object
  Rows: object
}

const ROW_H = 96
const ROW_STEP = 108
/** Rows drawn at once: a longer list scrolls this window (8 rows fit above the status strip). */
const VISIBLE = 7

interface Row {
  label: string
  /** What OK does on this row. */
  pick: { township: Township; villageIndex?: number }
}

/** One square row; the page paints it. A component so the focus (and read-aloud) rests on the row itself. */
class PlaceRow extends Lightning.Component {
  label = ''
  get announce(): string {
    return this.label
  }
}

export class MyPlacePage
  extends Lightning.Component<MyPlaceTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<MyPlaceTemplateSpec>
{
  private townships: Township[] = []
  /** The township whose villages are listed; none while townships are listed. */
  private open: Township | undefined
  private focus = 0
  private townshipFocus = 0
  private top = 0
  /** Set by the route: remembers the place and leaves the screen. */
  onChoose: ((place: MyPlace) => void) | undefined

  static override _template(): Lightning.Component.Template<MyPlaceTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Hint: { x: safeArea.x, y: 170 },
      Rows: { x: safeArea.x, y: 250 },
    }
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('place.title'), 'about')
    for (let i = 0; i < VISIBLE; i++) {
      this.tag('Rows')?.childList.add(
        this.stage.c({ type: PlaceRow, ref: `Row${i}`, y: i * ROW_STEP, w: 1100, h: ROW_H, rect: true, visible: false, Label: { x: 32, y: 18 } }),
      )
    }
    this.paint()
  }

  /** The county's places and the household's current choice (its township and village get the focus). */
  setChoices(townships: readonly Township[], current: MyPlace | undefined): void {
    this.townships = townships.slice()
    this.open = undefined
    const at = townships.findIndex((tw) => tw.code === current?.township.code)
    this.focus = Math.max(0, at)
    this.paint()
  }

  private rows(): Row[] {
    const open = this.open
    if (!open) return this.townships.map((township) => ({ label: township.name, pick: { township } }))
    const villages = (open.villages ?? []).map((v, i) => ({ label: v.name, pick: { township: open, villageIndex: i } }))
    return [...villages, { label: t('place.townshipOnly', { township: open.name }), pick: { township: open } }]
  }

  private paint(): void {
    const rows = this.rows()
    const hint = this.townships.length === 0 ? t('place.none') : this.open ? t('place.villages', { township: this.open.name }) : t('place.townships')
    this.tag('Hint')?.patch({ text: textPatch(hint, { size: type.body, width: safeArea.w, maxLines: 1, color: palette.textMuted }) })
    if (this.focus < this.top) this.top = this.focus
    if (this.focus >= this.top + VISIBLE) this.top = this.focus - VISIBLE + 1
    const host = this.tag('Rows')
    for (let i = 0; i < VISIBLE; i++) {
      const row = rows[this.top + i]
      const focused = this.top + i === this.focus && this.hasFocus()
      const child = host?.children[i] as PlaceRow | undefined
      if (child) child.label = row?.label ?? ''
      child?.patch(
        row
          ? {
              visible: true,
              color: focused ? palette.focus : palette.surfaceRaised,
              Label: { color: focused ? palette.focusText : palette.text, text: textPatch(row.label, { size: type.label, color: 0xffffffff }) },
            }
          : { visible: false },
      )
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    const row = this.tag('Rows')?.children[this.focus - this.top] as Lightning.Component | undefined
    return row?.visible ? row : undefined
  }

  override _focus(): void {
    this.paint()
  }

  override _handleUp(): boolean {
    this.focus = Math.max(0, this.focus - 1)
    this.paint()
    this._refocus()
    return true
  }

  override _handleDown(): boolean {
    this.focus = Math.min(this.rows().length - 1, this.focus + 1)
    this.paint()
    this._refocus()
    return true
  }

  override _handleEnter(): boolean {
    const row = this.rows()[this.focus]
    if (!row) return true
    const { township, villageIndex } = row.pick
    if (!this.open) {
      this.open = township
      this.townshipFocus = this.focus
      this.focus = 0
      this.top = 0
      this.paint()
      this._refocus()
      return true
    }
    const village = villageIndex === undefined ? undefined : township.villages?.[villageIndex]
    const place: MyPlace = { township: { code: township.code, name: township.name } }
    if (village) place.village = { code: village.code, name: village.name }
    this.onChoose?.(place)
    return true
  }

  override _handleBack(): boolean {
    if (!this.open) return false
    this.open = undefined
    this.focus = this.townshipFocus
    this.top = 0
    this.paint()
    this._refocus()
    return true
  }
}
