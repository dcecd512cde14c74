/** One service guide in a list: name, department, and its tags (免证办, 帮代办 …) as badges. */
import { Lightning } from '@lightningjs/sdk'
import type { GuideSummary } from '../feed/schema'
import { textWidthEm } from '../layout/textLayout'
import { t } from '../i18n/strings'
import { lineHeightOf, scaledSize } from '../theme/scale'
import { palette, type } from '../theme/tokens'
import type { ListRow } from './FocusList'
import { paintRowFocus, rowCardTemplate, sizeRowCard } from './rowCard'
import { textPatch } from './text'

export interface GuideRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Name: object
  Meta: object
  Tags: object
}

const PAD = 14
const ROW_TEXTS = { main: ['Name'], muted: ['Meta'] }
const GAP = 8

export class GuideRow
  extends Lightning.Component<GuideRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<GuideRowTemplateSpec>, ListRow
{
  /** Two lines of text and their margins; rows grow in large-text mode. Templates are compiled once per class, so sizes are applied in _init. */
  static get height(): number {
    return Math.max(150, PAD + lineHeightOf(type.label) + GAP + lineHeightOf(type.hint) + PAD)
  }
  private guide: GuideSummary | undefined

  static override _template(): Lightning.Component.Template<GuideRowTemplateSpec> {
    return {
      Background: rowCardTemplate(),
      Name: { x: 32, y: PAD },
      Meta: { x: 32 },
      Tags: {},
    }
  }

  override _init(): void {
    const h = GuideRow.height
    const metaY = PAD + lineHeightOf(type.label) + GAP
    sizeRowCard(this, h)
    this.tag('Meta')?.patch({ y: metaY })
    this.tag('Tags')?.patch({ y: metaY - 6 })
  }

  setItem(item: unknown): void {
    const guide = item as GuideSummary
    this.guide = guide
    this.tag('Name')?.patch({ text: textPatch(guide.name, { size: type.label, width: this.w - 64, maxLines: 1 }) })
    // Badges are drawn from the right; the department line gets the room that is left.
    const size = scaledSize(type.hint)
    const host = this.tag('Tags')
    host?.childList.clear()
    let right = this.w - 32
    for (const tag of guide.tags.slice(0, 4)) {
      const w = Math.ceil(textWidthEm(tag) * size) + 32
      right -= w
      host?.childList.add(
        this.stage.c({
          x: right,
          w,
          h: 52,
          rect: true,
          color: palette.badge,
          Label: { x: 16, y: 2, text: textPatch(tag, { size: type.hint, color: palette.badgeText }) },
        }),
      )
      right -= 12
    }
    const meta = `${guide.category} · ${t('guide.department', { department: guide.department })}`
    this.tag('Meta')?.patch({
      text: textPatch(meta, { size: type.hint, color: palette.textMuted, width: Math.max(200, right - 64), maxLines: 1 }),
    })
  }

  get announce(): string {
    return this.guide ? `${this.guide.name}，${this.guide.tags.join('，')}` : ''
  }

  override _focus(): void {
    paintRowFocus(this, true, ROW_TEXTS)
  }

  override _unfocus(): void {
    paintRowFocus(this, false, ROW_TEXTS)
  }
}
