/** One notice in a list: pinned mark, title (two lines at most), category, publisher and date. */
import { sourceOf } from '../feed/localFeeds'
import { Lightning } from '@lightningjs/sdk'
import type { NoticeSummary } from '../feed/schema'
import { formatDate } from '../i18n/format'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { lineHeightOf } from '../theme/scale'
import { palette, type } from '../theme/tokens'
import type { ListRow } from './FocusList'
import { paintRowFocus, rowCardTemplate, sizeRowCard } from './rowCard'
import { textPatch } from './text'

export interface NoticeRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Pin: object
  Title: object
  Meta: object
}

const PAD = 14
const ROW_TEXTS = { main: ['Title', 'Pin'], muted: ['Meta'] }
const GAP = 8

export class NoticeRow
  extends Lightning.Component<NoticeRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<NoticeRowTemplateSpec>, ListRow
{
  /** Two lines of text and their margins; rows grow in large-text mode. Templates are compiled once per class, so sizes are applied in _init. */
  static get height(): number {
    return Math.max(150, PAD + lineHeightOf(type.label) + GAP + lineHeightOf(type.hint) + PAD)
  }
  private notice: NoticeSummary | undefined

  static override _template(): Lightning.Component.Template<NoticeRowTemplateSpec> {
    return {
      Background: rowCardTemplate(),
      Pin: { x: 28, y: 24, w: 44, h: 44, visible: false },
      Title: { x: 88, y: PAD },
      Meta: { x: 88 },
    }
  }

  override _init(): void {
    const h = NoticeRow.height
    sizeRowCard(this, h)
    // Set once: a recycled row only shows or hides it.
    this.tag('Pin')?.patch({ texture: iconTexture('pin') })
    this.tag('Meta')?.patch({ y: PAD + lineHeightOf(type.label) + GAP })
  }

  setItem(item: unknown): void {
    const notice = item as NoticeSummary
    this.notice = notice
    const width = this.w - 140
    this.tag('Pin')?.patch({ visible: notice.pinned })
    const title = notice.pinned ? `【${t('notices.pinned')}】${notice.title}` : notice.title
    this.tag('Title')?.patch({ text: textPatch(title, { size: type.label, width, maxLines: 1 }) })
    // 村务公开: a township's or village's notice says where it is from in words, before the meta line.
    const from = sourceOf(notice)
    const meta = `${from ? t('place.from', { place: from }) : ''}${notice.category} · ${notice.publisher} · ${formatDate(notice.publishedAt)}`
    this.tag('Meta')?.patch({ text: textPatch(meta, { size: type.hint, width, maxLines: 1, color: palette.textMuted }) })
  }

  /** Read aloud by the Announcer when focused. */
  get announce(): string {
    if (!this.notice) return ''
    const from = sourceOf(this.notice)
    const spoken = from ? `${t('place.fromSpoken', { place: from })}，` : ''
    return `${spoken}${this.notice.title}，${this.notice.publisher}，${formatDate(this.notice.publishedAt)}`
  }

  override _focus(): void {
    paintRowFocus(this, true, ROW_TEXTS)
  }

  override _unfocus(): void {
    paintRowFocus(this, false, ROW_TEXTS)
  }
}
