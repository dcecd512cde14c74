/** One hotline: the number large enough to copy from the sofa, its name and hours. */
import { Lightning } from '@lightningjs/sdk'
import type { Hotline } from '../feed/schema'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { lineHeightOf } from '../theme/scale'
import { focusStyle, palette, type } from '../theme/tokens'
import type { ListRow } from './FocusList'
import { textPatch } from './text'

export interface HotlineRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Icon: object
  Phone: object
  Name: object
  Hours: object
}

const PAD = 14

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
      Background: {
        x: focusStyle.outline,
        y: 6,
        rect: true,
        color: palette.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 12 },
      },
      Icon: { x: 32, y: 35, w: 80, h: 80 },
      Phone: { x: 140, y: PAD },
      Name: { x: 780, y: PAD },
      Hours: { x: 780 },
    }
  }

  override _init(): void {
    const h = HotlineRow.height
    this.patch({ h })
    this.tag('Background')?.patch({ w: this.w - 2 * focusStyle.outline, h: h - 12 })
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
    this.tag('Background')?.patch({ color: palette.focus })
    for (const ref of ['Phone', 'Name', 'Hours', 'Icon'] as const) this.tag(ref)?.patch({ color: palette.focusText })
  }

  override _unfocus(): void {
    this.tag('Background')?.patch({ color: palette.surface })
    for (const ref of ['Phone', 'Name', 'Icon'] as const) this.tag(ref)?.patch({ color: palette.text })
    this.tag('Hours')?.patch({ color: palette.textMuted })
  }
}
