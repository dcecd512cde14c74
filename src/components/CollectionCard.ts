/** A collection on Home (本月政策 …): a folder icon, its title and how many items. OK opens it. */
import { Lightning } from '@lightningjs/sdk'
import { iconTexture, type IconName } from '../theme/icons'
import { focusStyle, palette, type } from '../theme/tokens'
import { textPatch } from './text'

export interface CollectionCardTemplateSpec extends Lightning.Component.TemplateSpec {
  Outline: object
  Body: { Icon: object; Label: object }
}

export class CollectionCard
  extends Lightning.Component<CollectionCardTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<CollectionCardTemplateSpec>
{
  static readonly height = 84
  /** The icon beside the label; a card of another kind (PollCard) names its own. */
  static readonly icon: IconName = 'collection'

  static override _template(): Lightning.Component.Template<CollectionCardTemplateSpec> {
    const o = focusStyle.outline
    return {
      h: CollectionCard.height,
      Outline: { x: -o, y: -o, h: CollectionCard.height + 2 * o, rect: true, color: palette.focus, visible: false },
      Body: {
        h: CollectionCard.height,
        rect: true,
        color: palette.surfaceRaised,
        Icon: { x: 18, y: 12, w: 60, h: 60, texture: iconTexture(this.icon) },
        Label: { x: 96, y: 16 },
      },
    }
  }

  /** The label is drawn when it changes, never on focus. */
  show(label: string, w: number): void {
    const o = focusStyle.outline
    this.patch({ w })
    this.tag('Outline')?.patch({ w: w + 2 * o })
    this.tag('Body')?.patch({ w, Label: { text: textPatch(label, { size: type.label, bold: true, width: w - 120, maxLines: 1 }) } })
  }

  override _focus(): void {
    this.tag('Outline')?.patch({ visible: true })
  }

  override _unfocus(): void {
    this.tag('Outline')?.patch({ visible: false })
  }
}
