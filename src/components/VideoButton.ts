/**
 * 看视频解读: the button a notice or guide shows when a video explains it. Made once and patched: focus
 * changes its fill and tints, never its texts. OK opens the video (the page says where).
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { scaledSize } from '../theme/scale'
import { textWidthEm } from '../layout/textLayout'
import { palette, type } from '../theme/tokens'
import type { HistoryState } from '../screens/page'
import { textPatch } from './text'

export interface VideoButtonTemplateSpec extends Lightning.Component.TemplateSpec {
  Icon: object
  Label: object
  Hint: object
}

const H = 72

export class VideoButton
  extends Lightning.Component<VideoButtonTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<VideoButtonTemplateSpec>
{
  /** Called with OK. */
  onOpen: (() => void) | undefined
  /** Called with Down: back to the text below. */
  onDown: (() => boolean) | undefined
  private title = ''

  static override _template(): Lightning.Component.Template<VideoButtonTemplateSpec> {
    return { h: H, rect: true, color: palette.surfaceRaised, Icon: { x: 16, y: 10, w: 52, h: 52 }, Label: { x: 80, y: 10 }, Hint: { y: 18 } }
  }

  /** The video's title, read aloud with the label. */
  show(title: string): void {
    this.title = title
    const label = t('video.watch')
    const w = Math.ceil(textWidthEm(label) * scaledSize(type.label)) + 112
    this.patch({
      w,
      Icon: { texture: iconTexture('video') },
      Label: { text: textPatch(label, { size: type.label, bold: true, color: 0xffffffff }) },
      Hint: { x: w + 24, text: textPatch(t('video.watchHint'), { size: type.hint, color: palette.textMuted }) },
    })
    this.paintFocus(false)
  }

  private paintFocus(focused: boolean): void {
    this.patch({
      color: focused ? palette.focus : palette.surfaceRaised,
      Icon: { color: focused ? palette.focusText : palette.text },
      Label: { color: focused ? palette.focusText : palette.text },
    })
  }

  get announce(): string {
    return `${t('video.watch')}：${this.title}`
  }

  override _focus(): void {
    this.paintFocus(true)
  }

  override _unfocus(): void {
    this.paintFocus(false)
  }

  override _handleEnter(): boolean {
    this.onOpen?.()
    return true
  }

  override _handleDown(): boolean {
    return this.onDown ? this.onDown() : false
  }
}

interface Pane {
  patch(template: Lightning.Element.PatchTemplate): void
  onLeaveTop: (() => boolean) | undefined
}

/** A notice or guide page: its text is the `Body` element, the button its `Video` element. */
interface DetailPage {
  _refocus(): void
  hasFocus(): boolean
  tag(ref: string): unknown
}

/**
 * What a notice or guide page does with a related video: the button above the text (the text moves down
 * to make room), Up on the first page reaches it, Down goes back to the text. Without a video, nothing
 * changes on the page. The page keeps the offer for its _getFocused and historyState.
 */
export class VideoOffer {
  private onButton = false
  /** Whether the page has a video to offer (the button shows). */
  offered = false

  constructor(
    private readonly host: { _refocus(): void; hasFocus(): boolean },
    private readonly button: VideoButton,
    private readonly body: Pane,
    /** Where the text sits without a button, and how much room the button takes. */
    private readonly layout: { top: number; height: number; room: number },
  ) {}

  /** Makes the offer on `page` (the route calls this before the page shows its text): OK opens the player. */
  static on(page: DetailPage, video: { id: string; title: string } | undefined, layout: { top: number; height: number; room: number }): VideoOffer {
    const offer = new VideoOffer(page, page.tag('Video') as VideoButton, page.tag('Body') as Pane, layout)
    offer.offer(video, (id) => Router.navigate(`videos/${id}`))
    return offer
  }

  offer(video: { id: string; title: string } | undefined, open: (id: string) => void): void {
    this.offered = video !== undefined
    this.onButton = false
    const room = video ? this.layout.room : 0
    this.button.patch({ visible: this.offered })
    this.body.patch({ y: this.layout.top + room, h: this.layout.height - room })
    if (!video) {
      this.body.onLeaveTop = undefined
      return
    }
    this.button.show(video.title)
    this.button.onOpen = () => open(video.id)
    this.button.onDown = () => this.down()
    this.body.onLeaveTop = () => {
      this.onButton = true
      this.host._refocus()
      return true
    }
  }

  /** The page's _getFocused: the button while it has the focus, else the text. */
  focused<T>(body: T): T | VideoButton {
    return this.offered && this.onButton ? this.button : body
  }

  /**
   * The page's historyState, around the text's own: Back from the video comes back to the button. The
   * Router restores history after the route hook, so the offer is already made then.
   */
  historyState(state: HistoryState, inner: (state: HistoryState) => HistoryState): HistoryState {
    if (!state) {
      const own = inner(state)
      return this.onButton ? { ...own, onVideo: true } : own
    }
    if (state.onVideo === true && this.offered) {
      this.onButton = true
      if (this.host.hasFocus()) this.host._refocus()
    }
    return inner(state)
  }

  /** Another control of the page takes the focus from the button (the page refocuses). */
  leave(): void {
    this.onButton = false
  }

  /** The page hands the focus to the button (the page refocuses). */
  enter(): void {
    if (this.offered) this.onButton = true
  }

  /** Down on the button: back to the text. */
  private down(): boolean {
    if (!this.onButton) return false
    this.onButton = false
    this.host._refocus()
    return true
  }
}
