/** "This notice cannot be opened now": why, in words, and the 12345 hotline; never a blank screen. */
import { Lightning } from '@lightningjs/sdk'
import type { FailureReason } from '../feed/repository'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { safeArea, type } from '../theme/tokens'
import { textPatch } from './text'

export interface FailurePanelTemplateSpec extends Lightning.Component.TemplateSpec {
  Icon: object
  Title: object
  Body: object
}

export class FailurePanel
  extends Lightning.Component<FailurePanelTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<FailurePanelTemplateSpec>
{
  static override _template(): Lightning.Component.Template<FailurePanelTemplateSpec> {
    return { Icon: { w: 120, h: 120 }, Title: { x: 160 }, Body: { x: 160, y: 100 } }
  }

  show(title: string, reason: FailureReason | 'unplayable'): void {
    this.patch({
      Icon: { texture: iconTexture('alert') },
      Title: { text: textPatch(title, { size: type.heading, bold: true }) },
      Body: {
        text: textPatch(`${t(`reason.${reason}`)}。${t('unavailable.body')}`, { size: type.body, width: safeArea.w - 160, maxLines: 3 }),
      },
    })
  }
}
