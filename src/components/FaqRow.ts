/**
 * One 常见问题 question in a list: the question on one line (the answer screen shows it whole), and below it
 * its topic (in 全部 and search results) or when it was last answered. Focus only tints: a recycled row
 * draws its texts when it is given another question, never when focus moves.
 */
import { Lightning } from '@lightningjs/sdk'
import type { FaqQuestion, FaqSearchItem } from '../feed/schema'
import { formatDate } from '../i18n/format'
import { t } from '../i18n/strings'
import { lineHeightOf } from '../theme/scale'
import { palette, type } from '../theme/tokens'
import type { ListRow } from './FocusList'
import { paintRowFocus, rowCardTemplate, sizeRowCard } from './rowCard'
import { textPatch } from './text'

/** A question of a topic shard or of the search shard. */
export type FaqListItem = FaqQuestion | FaqSearchItem

export interface FaqRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Question: object
  Meta: object
}

const PAD = 14
const GAP = 8
const ROW_TEXTS = { main: ['Question'], muted: ['Meta'] }

export class FaqRow
  extends Lightning.Component<FaqRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<FaqRowTemplateSpec>, ListRow
{
  /**
   * Topic names by id, for the meta line of search-shard questions: set by the screen that shows the list
   * (rows are made by FocusList, which knows nothing of topics).
   */
  static topicNames: Readonly<Record<string, string>> = {}

  static get height(): number {
    return Math.max(150, PAD + lineHeightOf(type.label) + GAP + lineHeightOf(type.hint) + PAD)
  }

  private item: FaqListItem | undefined
  private meta = ''

  static override _template(): Lightning.Component.Template<FaqRowTemplateSpec> {
    return {
      Background: rowCardTemplate(),
      Question: { x: 32, y: PAD },
      Meta: { x: 32 },
    }
  }

  override _init(): void {
    sizeRowCard(this, FaqRow.height)
    this.tag('Meta')?.patch({ y: PAD + lineHeightOf(type.label) + GAP })
  }

  setItem(value: unknown): void {
    const item = value as FaqListItem
    // A new answer often keeps some of the rows it had: their texts stay as drawn.
    if (item === this.item) return
    this.item = item
    const width = this.w - 64
    this.tag('Question')?.patch({ text: textPatch(item.question, { size: type.label, width, maxLines: 1 }) })
    this.meta =
      'topic' in item
        ? (FaqRow.topicNames[item.topic] ?? '')
        : item.updatedAt
          ? t('faq.updated', { date: formatDate(item.updatedAt) })
          : ''
    this.tag('Meta')?.patch({ text: textPatch(this.meta, { size: type.hint, color: palette.textMuted, width, maxLines: 1 }) })
  }

  /** Read aloud when focused: the whole question, then its topic or date. */
  get announce(): string {
    return this.item ? `${this.item.question}${this.meta ? `，${this.meta}` : ''}` : ''
  }

  override _focus(): void {
    paintRowFocus(this, true, ROW_TEXTS)
  }

  override _unfocus(): void {
    paintRowFocus(this, false, ROW_TEXTS)
  }
}
