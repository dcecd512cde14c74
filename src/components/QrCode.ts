/** A QR code with its caption ("用手机扫码 …"), drawn from a URL on the box. */
import { Lightning } from '@lightningjs/sdk'
import { makeQr } from '../layout/qr'
import { palette, type } from '../theme/tokens'
import { textPatch } from './text'

export interface QrCodeTemplateSpec extends Lightning.Component.TemplateSpec {
  Frame: { Image: object }
  Caption: object
}

export class QrCode
  extends Lightning.Component<QrCodeTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<QrCodeTemplateSpec>
{
  static override _template(): Lightning.Component.Template<QrCodeTemplateSpec> {
    return {
      Frame: { rect: true, color: 0xffffffff, Image: { x: 0, y: 0 } },
      Caption: {},
    }
  }

  show(url: string, caption: string, sizePx = 300): void {
    const qr = makeQr(url, sizePx)
    this.tag('Frame')?.patch({ w: qr.size, h: qr.size, Image: { w: qr.size, h: qr.size, src: qr.src } })
    this.tag('Caption')?.patch({
      y: qr.size + 16,
      text: textPatch(caption, { size: type.hint, color: palette.text, width: Math.max(qr.size, 420), maxLines: 2 }),
    })
  }
}
