/**
 * One video in the list: a play icon, the title, then publisher, date and length in words. No poster:
 * a picture per row would cost an image texture and a quad each, and a title reads better at 3 metres.
 */
import { Lightning } from '@lightningjs/sdk'
import type { VideoSummary } from '../feed/schema'
import { formatDate, formatDuration } from '../i18n/format'
import { t } from '../i18n/strings'
import { iconTexture } from '../theme/icons'
import { lineHeightOf } from '../theme/scale'
import { palette, type } from '../theme/tokens'
import type { ListRow } from './FocusList'
import { NoticeRow } from './NoticeRow'
import { paintRowFocus, rowCardTemplate, sizeRowCard } from './rowCard'
import { textPatch } from './text'

export interface VideoRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Icon: object
  Title: object
  Meta: object
}

const PAD = 14
const GAP = 8
const ROW_TEXTS = { main: ['Title', 'Icon'], muted: ['Meta'] }

export function videoMeta(video: VideoSummary): string {
  return t('videos.meta', { publisher: video.publisher, date: formatDate(video.publishedAt), duration: formatDuration(video.duration) })
}

export class VideoRow
  extends Lightning.Component<VideoRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<VideoRowTemplateSpec>, ListRow
{
  /** Laid out as a notice row (title, then a muted line), so as tall; rows grow in large-text mode. */
  static get height(): number {
    return NoticeRow.height
  }
  private video: VideoSummary | undefined

  static override _template(): Lightning.Component.Template<VideoRowTemplateSpec> {
    return {
      Background: rowCardTemplate(),
      Icon: { x: 24, y: 24, w: 52, h: 52 },
      Title: { x: 96, y: PAD },
      Meta: { x: 96 },
    }
  }

  override _init(): void {
    sizeRowCard(this, VideoRow.height)
    // Set once: a recycled row only changes its texts.
    this.tag('Icon')?.patch({ texture: iconTexture('video') })
    this.tag('Meta')?.patch({ y: PAD + lineHeightOf(type.label) + GAP })
  }

  setItem(item: unknown): void {
    const video = item as VideoSummary
    this.video = video
    const width = this.w - 150
    this.tag('Title')?.patch({ text: textPatch(video.title, { size: type.label, width, maxLines: 1 }) })
    this.tag('Meta')?.patch({ text: textPatch(videoMeta(video), { size: type.hint, width, maxLines: 1, color: palette.textMuted }) })
  }

  /** Read aloud by the Announcer when focused. */
  get announce(): string {
    return this.video ? `${this.video.title}，${videoMeta(this.video)}` : ''
  }

  override _focus(): void {
    paintRowFocus(this, true, ROW_TEXTS)
  }

  override _unfocus(): void {
    paintRowFocus(this, false, ROW_TEXTS)
  }
}
