/** "要退出政务服务吗？" with Stay focused first, so a stray Back never throws anyone out. */
import { Lightning } from '@lightningjs/sdk'
import { t } from '../i18n/strings'
import { focusStyle, palette, type } from '../theme/tokens'
import { textPatch } from './text'

export interface ExitDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Scrim: object
  Box: { Question: object; Stay: { Label: object }; Leave: { Label: object } }
}

export class ExitDialog
  extends Lightning.Component<ExitDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ExitDialogTemplateSpec>
{
  private choice: 'stay' | 'leave' = 'stay'
  onAnswer: ((leave: boolean) => void) | undefined

  static override _template(): Lightning.Component.Template<ExitDialogTemplateSpec> {
    const button = (x: number) => ({
      x,
      y: 180,
      w: 300,
      h: 100,
      rect: true,
      color: palette.surfaceRaised,
      Label: { x: 150, y: 58, mount: 0.5 },
    })
    return {
      Scrim: { w: 1920, h: 1080, rect: true, color: 0xd0000000 },
      Box: {
        x: 560,
        y: 340,
        w: 800,
        h: 340,
        rect: true,
        color: palette.surface,
        Question: { x: 400, y: 60, mountX: 0.5 },
        Stay: button(80),
        Leave: button(420),
      },
    }
  }

  override _init(): void {
    this.tag('Box.Question')?.patch({ text: textPatch(t('home.exitQuestion'), { size: type.heading, bold: true }) })
    this.tag('Box.Stay.Label')?.patch({ text: textPatch(t('home.exitNo'), { size: type.heading }) })
    this.tag('Box.Leave.Label')?.patch({ text: textPatch(t('home.exitYes'), { size: type.heading }) })
  }

  open(): void {
    this.choice = 'stay'
    this.patch({ visible: true })
    this.paint()
  }

  close(): void {
    this.patch({ visible: false })
  }

  private paint(): void {
    const paintButton = (ref: 'Box.Stay' | 'Box.Leave', on: boolean): void => {
      this.tag(ref)?.patch({ color: on ? palette.focus : palette.surfaceRaised, scale: on ? focusStyle.scale : 1 })
      this.tag(`${ref}.Label` as 'Box.Stay.Label')?.patch({ color: on ? palette.focusText : palette.text })
    }
    paintButton('Box.Stay', this.choice === 'stay')
    paintButton('Box.Leave', this.choice === 'leave')
  }

  get announce(): string {
    return `${t('home.exitQuestion')} ${this.choice === 'stay' ? t('home.exitNo') : t('home.exitYes')}`
  }

  override _handleLeft(): boolean {
    this.choice = 'stay'
    this.paint()
    return true
  }
  override _handleRight(): boolean {
    this.choice = 'leave'
    this.paint()
    return true
  }
  override _handleEnter(): boolean {
    this.onAnswer?.(this.choice === 'leave')
    return true
  }
  override _handleBack(): boolean {
    this.onAnswer?.(false)
    return true
  }
}
