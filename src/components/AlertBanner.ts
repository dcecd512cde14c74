/**
 * One live alert on Home: its level in words (never colour alone), title and the start of its text.
 * Focusable: OK opens the whole alert. Focus only shows an outline; the text is drawn once per alert.
 */
import { Lightning } from '@lightningjs/sdk'
import type { Alert } from '../feed/schema'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { focusStyle, palette, type } from '../theme/tokens'
import { textPatch } from './text'

export interface AlertBannerTemplateSpec extends Lightning.Component.TemplateSpec {
  Outline: object
  Body: { Icon: object; Text: object }
}

export class AlertBanner
  extends Lightning.Component<AlertBannerTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<AlertBannerTemplateSpec>
{
  static override _template(): Lightning.Component.Template<AlertBannerTemplateSpec> {
    const o = focusStyle.outline
    return {
      Outline: { x: -o, y: -o, rect: true, color: palette.focus, visible: false },
      Body: {
        rect: true,
        Icon: { x: 20, y: 11, w: 68, h: 68, texture: iconTexture('alert') },
        Text: { x: 108, y: 18 },
      },
    }
  }

  /** The words shown, for read-aloud. */
  static lineOf(alert: Alert): string {
    return `【${t(`alert.${alert.level}`)}】${alert.title}：${alert.text}`
  }

  setAlert(alert: Alert, w: number, h: number): void {
    const o = focusStyle.outline
    const colours = palette.alert[alert.level]
    this.patch({ w, h })
    this.tag('Outline')?.patch({ w: w + 2 * o, h: h + 2 * o })
    this.tag('Body')?.patch({
      w,
      h,
      color: colours.background,
      Icon: { color: colours.text },
      Text: { text: textPatch(AlertBanner.lineOf(alert), { size: type.body, color: colours.text, width: w - 140, maxLines: 1 }) },
    })
  }

  override _focus(): void {
    this.tag('Outline')?.patch({ visible: true })
  }

  override _unfocus(): void {
    this.tag('Outline')?.patch({ visible: false })
  }
}
