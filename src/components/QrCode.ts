/**
 * A QR code with its caption ("用手机扫码 …"), drawn from a URL on the box. The encoder (qrcode-generator)
 * is loaded when a code is first shown, not with the start bundle: only detail pages use it, and the
 * App fetches it in idle time after first content (so it is there when the network goes later).
 */
import { Lightning } from '@lightningjs/sdk'
import { loadQrEncoder } from '../layout/qrLoader'
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

  private shown = 0

  show(url: string, caption: string, sizePx = 300): void {
    const request = ++this.shown
    // The caption at once, at the size the code will have; the code itself when the encoder is there.
    this.tag('Frame')?.patch({ w: sizePx, h: sizePx, visible: false })
    this.tag('Caption')?.patch({
      y: sizePx + 16,
      text: textPatch(caption, { size: type.hint, color: palette.text, width: Math.max(sizePx, 420), maxLines: 2 }),
    })
    loadQrEncoder().then(
      ({ makeQr }) => {
        // Shown again meanwhile (another notice): this answer is for an earlier one.
        if (request !== this.shown) return
        const qr = makeQr(url, sizePx)
        this.tag('Frame')?.patch({ w: qr.size, h: qr.size, visible: true, Image: { w: qr.size, h: qr.size, src: qr.src } })
        this.tag('Caption')?.patch({ y: qr.size + 16 })
      },
      () => {
        // The encoder could not load (offline before it was ever fetched): the caption still says where to go.
      },
    )
  }
}
