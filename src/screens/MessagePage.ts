/**
 * A full-screen message with an icon: NotFound ('*') and Error ('!') use it. Back returns home
 * (the App handles Back with an empty history).
 */
import { Lightning } from '@lightningjs/sdk'
import { textPatch } from '../components/text'
import { t, type StringKey } from '../i18n/strings'
import { iconTexture, type IconName } from '../theme/icons'
import { safeArea, type } from '../theme/tokens'
import type { PageTypeConfig } from './page'

export interface MessagePageTemplateSpec extends Lightning.Component.TemplateSpec {
  Icon: object
  Title: object
  Body: object
}

abstract class MessagePage
  extends Lightning.Component<MessagePageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<MessagePageTemplateSpec>
{
  protected abstract readonly message: { icon: IconName; title: StringKey; body: StringKey }

  static override _template(): Lightning.Component.Template<MessagePageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Icon: { x: safeArea.x, y: 300, w: 140, h: 140 },
      Title: { x: safeArea.x + 180, y: 300 },
      Body: { x: safeArea.x + 180, y: 400 },
    }
  }

  override _init(): void {
    const { icon, title, body } = this.message
    this.tag('Icon')?.patch({ texture: iconTexture(icon) })
    this.tag('Title')?.patch({ text: textPatch(t(title), { size: type.title, bold: true }) })
    this.tag('Body')?.patch({ text: textPatch(t(body), { size: type.body, width: safeArea.w - 180, maxLines: 3 }) })
  }

  get announce(): string {
    return `${t(this.message.title)}。${t(this.message.body)}`
  }
}

export class NotFound extends MessagePage {
  protected readonly message = { icon: 'about', title: 'notFound.title', body: 'notFound.body' } as const
}

export class ErrorPage extends MessagePage {
  protected readonly message = { icon: 'alert', title: 'error.title', body: 'error.body' } as const
}
