/**
 * One 办事指南: who can apply, conditions, the papers to bring (and which need not be brought),
 * steps, time limits, fee, places and hours, phones; paged like a notice, with a QR code to continue
 * the application on a phone. A guide tagged 帮代办 or 上门办 has a 请工作人员联系我 button above the text
 * (Up on the first page reaches it) where the box offers call-back requests.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { ActionButton } from '../components/ActionButton'
import { FailurePanel } from '../components/FailurePanel'
import { PagedBody } from '../components/PagedBody'
import { QrCode } from '../components/QrCode'
import { textPatch } from '../components/text'
import { VideoButton, VideoOffer } from '../components/VideoButton'
import { offersAssist } from '../feed/assist'
import type { DetailResult } from '../feed/repository'
import type { GuideDetail as Guide, VideoSummary } from '../feed/schema'
import { t } from '../i18n/strings'
import { guideBlocks } from '../layout/guideBlocks'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

const QR_COLUMN = 420
const BODY_TOP = 290
const BODY_HEIGHT = 620
const ASSIST_W = 520

export interface GuideDetailTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Meta: object
  Tags: object
  Body: typeof PagedBody
  Online: typeof QrCode
  Failed: typeof FailurePanel
  Video: typeof VideoButton
  Assist: typeof ActionButton
  AssistHint: object
}

export class GuideDetail
  extends Lightning.Component<GuideDetailTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<GuideDetailTemplateSpec>
{
  private guide: Guide | undefined
  /** Set by the route: whether this box offers call-back requests (settings' assistApiUrl). */
  assistOffered = false
  private zone: 'body' | 'assist' = 'body'

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
      Assist: { type: ActionButton, x: safeArea.x + safeArea.w - ASSIST_W, y: 192, visible: false },
      AssistHint: { x: safeArea.x + safeArea.w - ASSIST_W - 24, y: 212, mountX: 1, visible: false },
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
    this.showAssist(result.ok && this.assistOffered && offersAssist(result.value))
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
      text: textPatch(guide.tags.map((tag) => `【${tag}】`).join(''), {
        size: type.hint,
        color: palette.text,
        width: this.hasAssist ? safeArea.w - ASSIST_W - 360 : safeArea.w,
        maxLines: 1,
      }),
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
    if (this.zone === 'assist' && this.hasAssist) return this.tag('Assist') as ActionButton
    return this.videoOffer?.focused(this.body) ?? this.body
  }

  private get hasAssist(): boolean {
    return this.tag('Assist')?.visible === true
  }

  private get onVideoButton(): boolean {
    return this.videoOffer !== undefined && this.videoOffer.focused(this.body) !== this.body
  }

  private showAssist(shown: boolean): void {
    this.tag('Assist')?.patch({ visible: shown })
    this.tag('AssistHint')?.patch({ visible: shown })
    if (!shown) {
      this.zone = 'body'
      return
    }
    const button = this.tag('Assist') as ActionButton
    button.spoken = t('assist.buttonAnnounce')
    button.show(t('assist.button'), 'assist', ASSIST_W)
    this.tag('AssistHint')?.patch({ text: textPatch(t('assist.buttonHint'), { size: type.hint, color: palette.textMuted }) })
  }

  /**
   * Up on the first page goes to the button above the text: 看视频解读 when this guide has a video (the
   * body hands it over itself), else 请工作人员联系我. The body pages with every other arrow.
   */
  override _captureUp(): boolean {
    if (this.zone !== 'body' || !this.hasAssist || this.body.currentPage > 0 || this.onVideoButton) return false
    if (this.videoOffer?.offered) return false
    this.zone = 'assist'
    this._refocus()
    return true
  }

  /** From 看视频解读, Right reaches 请工作人员联系我 at the top right. */
  override _handleRight(): boolean {
    if (!this.onVideoButton || !this.hasAssist) return false
    this.videoOffer?.leave()
    this.zone = 'assist'
    this._refocus()
    return true
  }

  /** On 请工作人员联系我, Down returns to the text without turning a page, Left to 看视频解读 when there is one. */
  override _handleDown(): boolean {
    if (this.zone !== 'assist') return false
    this.zone = 'body'
    this._refocus()
    return true
  }

  override _handleLeft(): boolean {
    if (this.zone !== 'assist') return false
    this.zone = 'body'
    if (this.videoOffer?.offered) this.videoOffer.enter()
    this._refocus()
    return true
  }

  override _handleEnter(): boolean {
    if (this.zone !== 'assist' || !this.guide) return false
    Router.navigate(`assist/${this.guide.id}`)
    return true
  }

  override historyState(state: HistoryState): HistoryState {
    const inner = (s: HistoryState): HistoryState => this.body.historyState(s)
    const around = (s: HistoryState): HistoryState => (this.videoOffer ? this.videoOffer.historyState(s, inner) : inner(s))
    if (!state) return { ...(around(state) ?? {}), zone: this.zone }
    // Back from the call-back form lands on the button it was opened from.
    if (state.zone === 'assist' && this.hasAssist) this.zone = 'assist'
    const restored = around(state)
    if (this.hasFocus()) this._refocus()
    return restored
  }
}
