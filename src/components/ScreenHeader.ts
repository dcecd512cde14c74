/** The top line of every screen: the section's icon and name, and the way back. */
import { Lightning } from '@lightningjs/sdk'
import { t } from '../i18n/strings'
import { iconTexture, type IconName } from '../theme/icons'
import { palette, safeArea, type } from '../theme/tokens'
import { textPatch } from './text'

export interface ScreenHeaderTemplateSpec extends Lightning.Component.TemplateSpec {
  Icon: object
  Title: object
  Hint: object
}

export class ScreenHeader
  extends Lightning.Component<ScreenHeaderTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ScreenHeaderTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ScreenHeaderTemplateSpec> {
    return {
      x: safeArea.x,
      y: safeArea.y,
      Icon: { w: 72, h: 72, y: 4 },
      Title: { x: 96, y: 0 },
      Hint: { x: safeArea.w, y: 16, mountX: 1 },
    }
  }

  show(title: string, icon: IconName): void {
    this.tag('Icon')?.patch({ texture: iconTexture(icon) })
    this.tag('Title')?.patch({ text: textPatch(title, { size: type.title, bold: true }) })
    this.tag('Hint')?.patch({ text: textPatch(t('hint.back'), { size: type.hint, color: palette.textMuted }) })
  }
}
