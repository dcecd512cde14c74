/** A large Home tile: an icon above its label; focus is a thick outline plus a slight scale. */
import { Lightning } from '@lightningjs/sdk'
import { iconTexture, type IconName } from '../theme/icons'
import { focusStyle, palette, type } from '../theme/tokens'
import { textPatch } from './text'

export interface TileTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string
  icon: IconName
  Outline: object
  Body: { Icon: object; Label: object }
}

export class Tile
  extends Lightning.Component<TileTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TileTemplateSpec>
{
  private _label = ''
  private _icon: IconName = 'notice'

  static override _template(): Lightning.Component.Template<TileTemplateSpec> {
    const o = focusStyle.outline
    return {
      w: 380,
      h: 300,
      Outline: {
        x: -o,
        y: -o,
        w: 380 + 2 * o,
        h: 300 + 2 * o,
        rect: true,
        color: palette.focus,
        visible: false,
      },
      Body: {
        w: 380,
        h: 300,
        rect: true,
        color: palette.surfaceRaised,
        Icon: { x: 190, y: 110, mount: 0.5, w: 120, h: 120 },
        Label: { x: 190, y: 230, mountX: 0.5 },
      },
    }
  }

  get label(): string {
    return this._label
  }
  set label(value: string) {
    this._label = value
    // Narrow tiles (seven across) cut a long label with … rather than run into the next tile.
    // Eight tiles across leave about 180 px for a label: four characters fit at label size, not at heading size.
    const size = this.w >= 240 ? type.heading : type.label
    this.tag('Body.Label')?.patch({ text: textPatch(value, { size, bold: true, width: this.w - 16, maxLines: 1 }) })
  }

  get icon(): IconName {
    return this._icon
  }
  set icon(value: IconName) {
    this._icon = value
    this.tag('Body.Icon')?.patch({ texture: iconTexture(value) })
  }

  /** The template is drawn for the default size; a tile given another size lays itself out again. */
  override _init(): void {
    const o = focusStyle.outline
    const { w, h } = this
    this.tag('Outline')?.patch({ w: w + 2 * o, h: h + 2 * o })
    const icon = Math.min(120, Math.round(h * 0.42))
    this.tag('Body')?.patch({ w, h, Icon: { x: w / 2, y: h * 0.36, w: icon, h: icon }, Label: { x: w / 2, y: h * 0.68 } })
  }

  // Focus scales at once, not animated: each frame of an animation is a whole frame for a box's software
  // GPU (the animated scale cost Home 4.5× the floor's GPU-thread time per key: npm run bench -- --trace).
  override _focus(): void {
    this.tag('Outline')?.patch({ visible: true })
    this.patch({ scale: focusStyle.scale })
  }

  override _unfocus(): void {
    this.tag('Outline')?.patch({ visible: false })
    this.patch({ scale: 1 })
  }
}
