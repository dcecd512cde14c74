/** One hotline: the number large enough to copy from the sofa, its name and hours. */
import { Lightning } from '@lightningjs/sdk'
import type { Hotline } from '../feed/schema'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { lineHeightOf } from '../theme/scale'
import { palette, type } from '../theme/tokens'
import type { ListRow } from './FocusList'
import { paintRowFocus, rowCardTemplate, sizeRowCard } from './rowCard'
import { textPatch } from './text'

export interface HotlineRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Icon: object
  Phone: object
  Name: object
  Hours: object
}

const PAD = 14
const ROW_TEXTS = { main: ['Phone', 'Name', 'Icon'], muted: ['Hours'] }

export class HotlineRow
  extends Lightning.Component<HotlineRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<HotlineRowTemplateSpec>, ListRow
{
  /** The number on one line, name and hours beside it; rows grow in large-text mode. */
  static get height(): number {
    return Math.max(150, PAD + lineHeightOf(type.title) + PAD, PAD + lineHeightOf(type.label) + lineHeightOf(type.hint) + PAD)
  }
  private hotline: Hotline | undefined

  static override _template(): Lightning.Component.Template<HotlineRowTemplateSpec> {
    return {
      Background: rowCardTemplate(),
      Icon: { x: 32, y: 35, w: 80, h: 80 },
      Phone: { x: 140, y: PAD },
      Name: { x: 780, y: PAD },
      Hours: { x: 780 },
    }
  }

  override _init(): void {
    const h = HotlineRow.height
    sizeRowCard(this, h)
    this.tag('Icon')?.patch({ y: (h - 80) / 2 })
    this.tag('Hours')?.patch({ y: PAD + lineHeightOf(type.label) })
    this.tag('Icon')?.patch({ texture: iconTexture('hotline') })
  }

  setItem(item: unknown): void {
    const hotline = item as Hotline
    this.hotline = hotline
    const width = this.w - 820
    this.tag('Phone')?.patch({ text: textPatch(hotline.phone, { size: type.title, bold: true }) })
    this.tag('Name')?.patch({ text: textPatch(hotline.name, { size: type.label, width, maxLines: 1 }) })
    this.tag('Hours')?.patch({
      visible: hotline.hours !== undefined,
      text: textPatch(t('hotlines.hours', { hours: hotline.hours ?? '' }), { size: type.hint, width, maxLines: 1, color: palette.textMuted }),
    })
  }

  get announce(): string {
    return this.hotline ? `${this.hotline.name}，${this.hotline.phone.split('').join(' ')}` : ''
  }

  override _focus(): void {
    paintRowFocus(this, true, ROW_TEXTS)
  }

  override _unfocus(): void {
    paintRowFocus(this, false, ROW_TEXTS)
  }
}
