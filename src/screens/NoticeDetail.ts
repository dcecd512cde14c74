/**
 * One notice, read to the end: title, publisher, date and document number, then the body paged to
 * the screen (Up/Down, Page Up/Down). Attachments end the notice as QR codes.
 */
import { Lightning } from '@lightningjs/sdk'
import { FailurePanel } from '../components/FailurePanel'
import { PagedBody } from '../components/PagedBody'
import { QrCode } from '../components/QrCode'
import { textPatch } from '../components/text'
import { VideoButton, VideoOffer } from '../components/VideoButton'
import type { DetailResult } from '../feed/repository'
import type { NoticeDetail as Notice, VideoSummary } from '../feed/schema'
import { formatDate } from '../i18n/format'
import { t } from '../i18n/strings'
import { joinParts } from '../layout/textLayout'
import { scaledSize } from '../theme/scale'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

const BODY_TOP = 330
const BODY_HEIGHT = 600

export interface NoticeDetailTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Meta: object
  Body: typeof PagedBody
  Failed: typeof FailurePanel
  Video: typeof VideoButton
}

export class NoticeDetail
  extends Lightning.Component<NoticeDetailTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<NoticeDetailTemplateSpec>
{
  private notice: Notice | undefined

  static override _template(): Lightning.Component.Template<NoticeDetailTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Title: { x: safeArea.x, y: safeArea.y },
      Meta: { x: safeArea.x, y: 212 },
      Body: { type: PagedBody, x: safeArea.x, y: BODY_TOP, w: safeArea.w, h: BODY_HEIGHT },
      Failed: { type: FailurePanel, x: safeArea.x, y: 300, visible: false },
      Video: { type: VideoButton, x: safeArea.x, y: BODY_TOP - 6, visible: false },
    }
  }

  private videoOffer: VideoOffer | undefined

  /** Called by the route before show(): a video that explains this notice offers 看视频解读. */
  offerVideo(video: VideoSummary | undefined): void {
    this.videoOffer = VideoOffer.on(this, video, { top: BODY_TOP, height: BODY_HEIGHT, room: 90 })
  }

  /** Called by the route with what the repository found. */
  show(result: DetailResult<Notice>, images: { hosts: readonly string[]; httpHosts: readonly string[] }): void {
    const failed = !result.ok
    this.tag('Failed')?.patch({ visible: failed })
    for (const ref of ['Title', 'Meta', 'Body'] as const) this.tag(ref)?.patch({ visible: !failed })
    if (failed) this.videoOffer?.offer(undefined, () => undefined)
    if (!result.ok) {
      this.notice = undefined
      ;(this.tag('Failed') as FailurePanel).show(t('notice.failed'), result.reason)
      return
    }
    const notice = result.value
    this.notice = notice
    const title = textPatch(notice.title, { size: type.heading, bold: true, width: safeArea.w, maxLines: 2 })
    this.tag('Title')?.patch({ text: title })
    const titleLines = title.text.split('\n').length
    const meta = [
      // The leaflet's page number first, so a viewer learns it for next time.
      notice.pageNo ? t('page.number', { pageNo: notice.pageNo }) : '',
      t('notice.publisher', { publisher: notice.publisher }),
      t('notice.date', { date: formatDate(notice.publishedAt) }),
      notice.docNo ? t('notice.docNo', { docNo: notice.docNo }) : '',
      notice.indexNo ? t('notice.indexNo', { indexNo: notice.indexNo }) : '',
    ].filter(Boolean)
    this.tag('Meta')?.patch({
      y: safeArea.y + titleLines * title.lineHeight + 12,
      text: textPatch(joinParts(meta, safeArea.w / scaledSize(type.hint)).slice(0, 2).join('\n'), {
        size: type.hint,
        color: palette.textMuted,
      }),
    })
    this.body.setBlocks(notice.body, {
      imageHosts: images.hosts,
      imageHttpHosts: images.httpHosts,
      extraPage: notice.attachments.length > 0 ? (host) => this.drawAttachments(host) : undefined,
    })
  }

  private get body(): PagedBody {
    return this.tag('Body') as PagedBody
  }

  private drawAttachments(host: Lightning.Element): void {
    if (!this.notice) return
    this.notice.attachments.slice(0, 3).forEach((attachment, i) => {
      const qr = this.stage.c({ type: QrCode, ref: `Attachment${i}`, x: i * 580, y: 0 }) as QrCode
      host.childList.add(qr)
      qr.show(attachment.url, `${t('notice.attachment', { name: attachment.name })}\n${t('notice.scanAttachment')}`, 320)
    })
  }

  get announce(): string {
    if (!this.notice) return t('notice.failed')
    return `${this.notice.title}。${t('notice.page', { page: this.body.currentPage + 1, pages: this.body.pageCount })}`
  }

  override _getFocused(): Lightning.Component {
    return this.videoOffer?.focused(this.body) ?? this.body
  }

  override historyState(state: HistoryState): HistoryState {
    const inner = (s: HistoryState): HistoryState => this.body.historyState(s)
    return this.videoOffer ? this.videoOffer.historyState(state, inner) : inner(state)
  }
}
