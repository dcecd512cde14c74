/**
 * One 常见问题 answer: the question as the title, who answered and when, then the answer paged to the
 * screen as a notice body is (PagedBody: Up/Down, Page Up/Down, 第 1/3 页). Back returns to the list with
 * the same question focused (the list's history).
 */
import { Lightning } from '@lightningjs/sdk'
import { FailurePanel } from '../components/FailurePanel'
import { PagedBody } from '../components/PagedBody'
import { textPatch } from '../components/text'
import type { DetailResult } from '../feed/repository'
import type { Block, FaqEntry as Entry } from '../feed/schema'
import { formatDate } from '../i18n/format'
import { t } from '../i18n/strings'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

/** Where the page indicator under the answer must end: above the status strip. */
const ANSWER_BOTTOM = 930

export interface FaqEntryTemplateSpec extends Lightning.Component.TemplateSpec {
  Question: object
  About: object
  Answer: typeof PagedBody
  Failed: typeof FailurePanel
}

export class FaqEntry
  extends Lightning.Component<FaqEntryTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<FaqEntryTemplateSpec>
{
  private entry: Entry | undefined

  static override _template(): Lightning.Component.Template<FaqEntryTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Question: { x: safeArea.x, y: safeArea.y },
      About: { x: safeArea.x, y: 220 },
      Answer: { type: PagedBody, x: safeArea.x, y: 300, w: safeArea.w, h: ANSWER_BOTTOM - 300 },
      Failed: { type: FailurePanel, x: safeArea.x, y: 300, visible: false },
    }
  }

  private get answer(): PagedBody {
    return this.tag('Answer') as PagedBody
  }

  /** Called by the route with what the repository found. */
  show(result: DetailResult<Entry>, images: { hosts: readonly string[]; httpHosts: readonly string[] } = { hosts: [], httpHosts: [] }): void {
    this.patch({
      Question: { visible: result.ok },
      About: { visible: result.ok },
      Answer: { visible: result.ok },
      Failed: { visible: !result.ok },
    })
    if (!result.ok) {
      this.entry = undefined
      ;(this.tag('Failed') as FailurePanel).show(t('faq.entryFailed'), result.reason)
      return
    }
    const entry = result.value
    this.entry = entry
    const question = textPatch(entry.question, { size: type.heading, bold: true, width: safeArea.w, maxLines: 2 })
    const lines = question.text.split('\n').length
    const about = [
      entry.department ? t('faq.department', { department: entry.department }) : '',
      entry.updatedAt ? t('faq.updated', { date: formatDate(entry.updatedAt) }) : '',
    ].filter(Boolean)
    const aboutY = safeArea.y + lines * question.lineHeight + 12
    // The answer starts under the title and its line, however many lines the question took.
    const answerY = aboutY + 80
    this.patch({
      Question: { text: question },
      Answer: { y: answerY, h: ANSWER_BOTTOM - answerY },
      About: {
        y: aboutY,
        text: textPatch(about.join('　'), { size: type.hint, color: palette.textMuted, width: safeArea.w, maxLines: 1 }),
      },
    })
    const blocks: Block[] = entry.answer.length > 0 ? entry.answer : [{ type: 'paragraph', text: t('faq.noAnswer') }]
    // Pictures in an answer follow the notices' rules: allowed hosts only.
    this.answer.setBlocks(blocks, { imageHosts: images.hosts, imageHttpHosts: images.httpHosts })
  }

  get announce(): string {
    if (!this.entry) return t('faq.entryFailed')
    return `${this.entry.question}。${t('notice.page', { page: this.answer.currentPage + 1, pages: this.answer.pageCount })}`
  }

  override _getFocused(): Lightning.Component {
    return this.answer
  }

  override historyState(state: HistoryState): HistoryState {
    return this.answer.historyState(state)
  }
}
