/**
 * 政策解读视频: explainer videos and replays of policy briefings, newest first. The list recycles its
 * rows like the notice list; history brings back the focused video when the viewer returns from the player.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { FocusList } from '../components/FocusList'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import { VideoRow } from '../components/VideoRow'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex, VideoSummary } from '../feed/schema'
import { videosOf } from '../feed/selectors'
import { t } from '../i18n/strings'
import { palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

export interface VideosTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Count: object
  List: typeof FocusList
  Empty: object
}

export class Videos
  extends Lightning.Component<VideosTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<VideosTemplateSpec>
{
  private videos: VideoSummary[] = []
  private source: FeedIndex | undefined
  /** The video to focus once the list is drawn (history, or the focus before a feed update). */
  private restoreId: string | undefined

  static override _template(): Lightning.Component.Template<VideosTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Count: { x: safeArea.x + safeArea.w, y: 170, mountX: 1 },
      List: { type: FocusList, x: safeArea.x - 6, y: 230, w: safeArea.w + 12, h: 150 * 4 },
      Empty: { x: safeArea.x, y: 260, visible: false },
    }
  }

  private get list(): FocusList {
    return this.tag('List') as FocusList
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('videos.title'), 'video')
    // Whole rows down to the status strip.
    this.list.patch({ h: VideoRow.height * Math.max(1, Math.floor(700 / VideoRow.height)) })
    this.list.configure(VideoRow, VideoRow.height)
    this.list.onSelect = (i) => {
      const video = this.videos[i]
      if (video) Router.navigate(`videos/${video.id}`)
    }
  }

  /** Called by the route and on every feed update. */
  onFeed(index: FeedIndex | undefined, _status: FeedStatus): void {
    if (index === this.source) return
    this.source = index
    const focusedId = this.restoreId ?? this.videos[this.list.index]?.id
    this.restoreId = undefined
    this.videos = videosOf(index)
    const at = focusedId ? this.videos.findIndex((video) => video.id === focusedId) : -1
    this.list.setItems(this.videos, Math.max(0, at))
    this.tag('Count')?.patch({
      text: textPatch(t('videos.count', { count: this.videos.length }), { size: type.hint, color: palette.textMuted }),
    })
    const empty = this.videos.length === 0
    this.tag('Empty')?.patch({ visible: empty, text: textPatch(t('videos.empty'), { size: type.body }) })
    if (this.hasFocus()) this._refocus()
  }

  get announce(): string {
    return `${t('videos.title')}，${t('videos.count', { count: this.videos.length })}`
  }

  override _getFocused(): Lightning.Component {
    return this.list
  }

  override historyState(state: HistoryState): HistoryState {
    if (state) {
      const id = typeof state.id === 'string' ? state.id : undefined
      // The Router restores history after the route hook drew the list.
      const at = id ? this.videos.findIndex((video) => video.id === id) : -1
      if (at >= 0) this.list.focusAt(at)
      else this.restoreId = id
      return undefined
    }
    return { id: this.videos[this.list.index]?.id }
  }
}
