/**
 * The page number being typed (页码 1 2 _) or that there is no such page, in a large box at the top
 * right of every screen. Its text changes only when the digits do.
 */
import { Lightning } from '@lightningjs/sdk'
import { t } from '../i18n/strings'
import type { PageEntry } from '../layout/pageNumberEntry'
import { pageDigitsShown } from '../layout/pageNumberEntry'
import { iconTexture } from '../theme/icons'
import { palette, safeArea, type } from '../theme/tokens'
import { textPatch } from './text'

export interface PageNumberBoxTemplateSpec extends Lightning.Component.TemplateSpec {
  Outline: object
  Body: { Icon: object; Label: object }
}

const W = 620
const H = 110
const O = 4

export class PageNumberBox
  extends Lightning.Component<PageNumberBoxTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PageNumberBoxTemplateSpec>
{
  private shownText = ''

  static override _template(): Lightning.Component.Template<PageNumberBoxTemplateSpec> {
    return {
      x: safeArea.x + safeArea.w - W,
      y: safeArea.y + 90,
      visible: false,
      Outline: { x: -O, y: -O, w: W + 2 * O, h: H + 2 * O, rect: true, color: palette.focus },
      Body: {
        w: W,
        h: H,
        rect: true,
        color: palette.surfaceRaised,
        Icon: { x: 24, y: 21, w: 68, h: 68, texture: iconTexture('page') },
        Label: { x: 116, y: 22 },
      },
    }
  }

  /** Returns the words shown (for read-aloud), or '' when the box is hidden. */
  show(entry: PageEntry): string {
    const words =
      entry.state === 'typing'
        ? t('page.typing', { digits: pageDigitsShown(entry.digits) })
        : entry.state === 'unknown'
          ? t('page.unknown', { digits: entry.digits })
          : ''
    this.patch({ visible: words !== '' })
    if (words !== '' && words !== this.shownText) {
      this.tag('Body.Label')?.patch({ text: textPatch(words, { size: type.heading, bold: true, width: W - 140, maxLines: 1 }) })
    }
    if (words !== '') this.shownText = words
    return words
  }
}
