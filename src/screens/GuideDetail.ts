/**
 * One 办事指南: who can apply, conditions, the papers to bring (and which need not be brought),
 * steps, time limits, fee, places and hours, phones; paged like a notice, with a QR code to continue
 * the application on a phone.
 */
import { Lightning } from '@lightningjs/sdk'
import { FailurePanel } from '../components/FailurePanel'
import { PagedBody } from '../components/PagedBody'
import { QrCode } from '../components/QrCode'
import { textPatch } from '../components/text'
import { VideoButton, VideoOffer } from '../components/VideoButton'
import type { DetailResult } from '../feed/repository'
import type { GuideDetail as Guide, VideoSummary } from '../feed/schema'
import { t } from '../i18n/strings'
import { guideBlocks } from '../layout/guideBlocks'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

const QR_COLUMN = 420
const BODY_TOP = 290
const BODY_HEIGHT = 620

export interface GuideDetailTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Meta: object
  Tags: object
  Body: typeof PagedBody
  Online: typeof QrCode
  Failed: typeof FailurePanel
  Video: typeof VideoButton
}

export class GuideDetail
  extends Lightning.Component<GuideDetailTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<GuideDetailTemplateSpec>
{
  private guide: Guide | undefined

  static override _template(): Lightning.Component.Template<GuideDetailTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Title: { x: safeArea.x, y: safeArea.y },
      Meta: { x: safeArea.x, y: 140 },
      Tags: { x: safeArea.x, y: 200 },
      Body: { type: PagedBody, x: safeArea.x, y: BODY_TOP, w: safeArea.w - QR_COLUMN, h: BODY_HEIGHT },
      Online: { type: QrCode, x: safeArea.x + safeArea.w - QR_COLUMN + 60, y: 300 },
      Failed: { type: FailurePanel, x: safeArea.x, y: 300, visible: false },
      Video: { type: VideoButton, x: safeArea.x, y: BODY_TOP - 22, visible: false },
    }
  }

  private videoOffer: VideoOffer | undefined

  /** Called by the route before show(): a video that explains this guide offers 看视频解读. */
  offerVideo(video: VideoSummary | undefined): void {
    this.videoOffer = VideoOffer.on(this, video, { top: BODY_TOP, height: BODY_HEIGHT, room: 80 })
  }

  private get body(): PagedBody {
    return this.tag('Body') as PagedBody
  }

  show(result: DetailResult<Guide>): void {
    const failed = !result.ok
    this.tag('Failed')?.patch({ visible: failed })
    for (const ref of ['Title', 'Meta', 'Tags', 'Body', 'Online'] as const) this.tag(ref)?.patch({ visible: !failed })
    if (failed) this.videoOffer?.offer(undefined, () => undefined)
    if (!result.ok) {
      this.guide = undefined
      ;(this.tag('Failed') as FailurePanel).show(t('guide.failed'), result.reason)
      return
    }
    const guide = result.value
    this.guide = guide
    this.tag('Title')?.patch({ text: textPatch(guide.name, { size: type.heading, bold: true, width: safeArea.w, maxLines: 1 }) })
    this.tag('Meta')?.patch({
      // The leaflet's page number first, so a viewer learns it for next time.
      text: textPatch(`${guide.pageNo ? `${t('page.number', { pageNo: guide.pageNo })}　` : ''}${guide.code}　${t('guide.department', { department: guide.department })}`, {
        size: type.hint,
        color: palette.textMuted,
        width: safeArea.w,
        maxLines: 1,
      }),
    })
    this.tag('Tags')?.patch({
      text: textPatch(guide.tags.map((tag) => `【${tag}】`).join(''), { size: type.hint, color: palette.text, width: safeArea.w, maxLines: 1 }),
    })
    this.body.setBlocks(guideBlocks(guide))
    const online = this.tag('Online') as QrCode
    online.patch({ visible: guide.online !== undefined })
    if (guide.online) online.show(guide.online.url, t('guide.scan'), 320)
  }

  get announce(): string {
    if (!this.guide) return t('guide.failed')
    return `${this.guide.name}。${t('notice.page', { page: this.body.currentPage + 1, pages: this.body.pageCount })}`
  }

  override _getFocused(): Lightning.Component {
    return this.videoOffer?.focused(this.body) ?? this.body
  }

  override historyState(state: HistoryState): HistoryState {
    const inner = (s: HistoryState): HistoryState => this.body.historyState(s)
    return this.videoOffer ? this.videoOffer.historyState(state, inner) : inner(state)
  }
}
