/**
 * A square button with an icon beside its label (请工作人员联系我, 提交). Focus is an outline and a yellow
 * fill, with the white label and icon tinted dark: a focus move changes colours only, the label's
 * texture is drawn once per wording.
 */
import { Lightning } from '@lightningjs/sdk'
import { iconTexture, type IconName } from '../theme/icons'
import { focusStyle, palette, type } from '../theme/tokens'
import { textPatch } from './text'

export interface ActionButtonTemplateSpec extends Lightning.Component.TemplateSpec {
  Outline: object
  Body: { Icon: object; Label: object }
}

const PAD = 24
const ICON = 56

export class ActionButton
  extends Lightning.Component<ActionButtonTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ActionButtonTemplateSpec>
{
  private shown = ''
  /** What read-aloud says when the button takes focus; the label when unset. */
  spoken = ''

  static override _template(): Lightning.Component.Template<ActionButtonTemplateSpec> {
    const o = focusStyle.outline
    return {
      h: 88,
      Outline: { x: -o, y: -o, rect: true, color: palette.focus, visible: false },
      Body: {
        rect: true,
        color: palette.surfaceRaised,
        Icon: { x: PAD, w: ICON, h: ICON },
        Label: { x: PAD + ICON + 16 },
      },
    }
  }

  /** Sizes the button to `w` and writes its label (drawn again only when the words change). */
  show(label: string, icon: IconName, w: number): void {
    const o = focusStyle.outline
    const h = this.h
    this.patch({ w })
    this.tag('Outline')?.patch({ w: w + 2 * o, h: h + 2 * o })
    this.tag('Body')?.patch({ w, h, Icon: { y: (h - ICON) / 2, texture: iconTexture(icon) } })
    if (label !== this.shown) {
      this.shown = label
      const text = textPatch(label, { size: type.label, bold: true, color: 0xffffffff, width: w - PAD * 2 - ICON - 16 })
      this.tag('Body.Label')?.patch({ y: (h - text.lineHeight) / 2 + 4, text })
    }
  }

  get announce(): string {
    return this.spoken || this.shown
  }

  override _focus(): void {
    this.paint(true)
  }

  /** For a page that keeps the focus itself and moves a highlight (the call-back form's 提交). */
  highlight(on: boolean): void {
    this.paint(on)
  }

  override _unfocus(): void {
    this.paint(false)
  }

  private paint(focused: boolean): void {
    const ink = focused ? palette.focusText : palette.text
    this.tag('Outline')?.patch({ visible: focused })
    this.tag('Body')?.patch({ color: focused ? palette.focus : palette.surfaceRaised, Icon: { color: ink }, Label: { color: ink } })
  }
}
