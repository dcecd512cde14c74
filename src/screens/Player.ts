/**
 * A video, full screen, through the SDK's VideoPlayer: a <video> element under the Lightning canvas, the
 * canvas cleared transparent while it plays, with Lightning drawing over the picture what the viewer
 * needs in large type: the title, the state in words (播放中 / 已暂停), a big progress bar with the time
 * in words (已播放 3分20秒，共 12分05秒), the subtitles (on by default), and the keys.
 *
 * OK = play/pause, Left/Right = 10 s back/forward, Down = the subtitle switch, Back leaves. A stream that
 * cannot be played, an offline box or a stream that never starts ends in a message with 12345 within
 * START_TIMEOUT_MS / STALL_TIMEOUT_MS, never a black screen. It resumes where the viewer stopped.
 * The page gets its data and its stores from the route; it never fetches, parses or touches storage.
 */
import { Accessibility, Lightning, VideoPlayer } from '@lightningjs/sdk'
import { FailurePanel } from '../components/FailurePanel'
import { textPatch } from '../components/text'
import type { ResumeStore } from '../config/resumePositions'
import { isAllowedImage } from '../feed/imagePolicy'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex, VideoSummary } from '../feed/schema'
import { videoById } from '../feed/selectors'
import type { SubtitleResult } from '../feed/subtitles'
import { cueTextAt, type SubtitleTrack } from '../feed/webvtt'
import { formatDuration } from '../i18n/format'
import { t, type StringKey } from '../i18n/strings'
import { PlaybackModel, SEEK_STEP_SECONDS, chooseStream, type MediaEventInfo, type PlaybackEffect } from '../layout/playback'
import { fitLines, textWidthEm } from '../layout/textLayout'
import { fitStage } from '../platform/stageFit'
import { windowSize } from '../platform/stagePlacement'
import { canPlayType, placeVideo, videoElement } from '../platform/videoSurface'
import { lineHeightOf, scaledSize } from '../theme/scale'
import { palette, safeArea, type } from '../theme/tokens'
import type { PageTypeConfig } from './page'

/** What the route hands the player: stores and loaders, never raw storage or network. */
export interface PlayerSetup {
  positions: ResumeStore
  subtitlesOn: boolean
  /** Flips the remembered subtitle preference; returns the new value. */
  toggleSubtitles(): boolean
  loadSubtitles(url: string): Promise<SubtitleResult>
  imageHosts: readonly string[]
  imageHttpHosts: readonly string[]
  resolution: 720 | 1080
}

export interface PlayerTemplateSpec extends Lightning.Component.TemplateSpec {
  Poster: object
  Loading: object
  TopBar: { Title: object }
  Note: object
  Subtitle: { Text: object }
  BottomBar: { State: object; Time: object; Track: { Fill: object }; Hints: object; Switch: { Label: object } }
  Failed: typeof FailurePanel
  RetryHint: object
}

/** Top of the bottom bar: its last line ends above the status strip (App) in large-text mode too. */
const BAR_Y = 760
const TRACK_W = safeArea.w
const TRACK_H = 28
const STATE_W = 330
const SUBTITLE_W = 1500
const SUBTITLE_PAD_X = 32
const SUBTITLE_PAD_Y = 12
/** A translucent black: the picture shows through the bars. */
const SHADE = 0xc0000000
const SAVE_EVERY_MS = 10_000
const NOTE_MS = 6000

const STATE_WORDS: Record<PlaybackModel['phase'], StringKey> = {
  loading: 'video.loading',
  playing: 'video.playing',
  paused: 'video.paused',
  ended: 'video.ended',
  failed: 'video.failed',
}

export class Player
  extends Lightning.Component<PlayerTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<PlayerTemplateSpec>
{
  private setup: PlayerSetup | undefined
  private videoId = ''
  private video: VideoSummary | undefined
  private model: PlaybackModel | undefined
  private streamUrl: string | undefined
  private subtitles: SubtitleTrack | undefined
  private subtitlesFailed = false
  private subtitlesOn = true
  private zone: 'video' | 'switch' = 'video'
  private online = true
  private timer: ReturnType<typeof setInterval> | undefined
  private noteTimer: ReturnType<typeof setTimeout> | undefined
  private lastSaved = 0
  /** What the texts show now: a text is drawn again only when its words change. */
  private shown = { state: '', time: '', subtitle: '', switch: '' }
  private transparent = false
  /** False once the page is left: a late answer (subtitles) must not draw on a page that is gone. */
  private alive = true
  /** Shown instead of the model's failure when the video itself could not be found or reached. */
  private failureReason: 'not-found' | 'network' | 'timeout' | 'unplayable' | undefined

  static override _template(): Lightning.Component.Template<PlayerTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Poster: { x: 480, y: 190, w: 960, h: 540, visible: false },
      Loading: { x: 960, y: 640, mountX: 0.5, visible: false },
      TopBar: { w: 1920, h: 150, rect: true, color: SHADE, Title: { x: safeArea.x, y: 56 } },
      Note: { x: safeArea.x, y: 180, visible: false },
      Subtitle: { x: 960, y: BAR_Y - 16, mountX: 0.5, mountY: 1, rect: true, color: SHADE, visible: false, Text: { x: SUBTITLE_PAD_X, y: SUBTITLE_PAD_Y } },
      BottomBar: {
        y: BAR_Y,
        w: 1920,
        h: 1080 - BAR_Y,
        rect: true,
        color: SHADE,
        State: { x: safeArea.x, y: 20 },
        Time: { x: safeArea.x + STATE_W, y: 20 },
        Track: { x: safeArea.x, y: 96, w: TRACK_W, h: TRACK_H, rect: true, color: palette.surfaceRaised, Fill: { w: 0, h: TRACK_H, rect: true, color: palette.focus } },
        Hints: { x: safeArea.x, y: 136 },
        Switch: { x: safeArea.x + safeArea.w, y: 14, mountX: 1, h: 68, rect: true, color: palette.surfaceRaised, Label: { x: 24, y: 8 } },
      },
      Failed: { type: FailurePanel, x: safeArea.x, y: 300, visible: false },
      RetryHint: { x: safeArea.x + 160, y: 560, visible: false },
    }
  }

  /** Called by the route first: the stores and loaders this page may use. */
  prepare(setup: PlayerSetup, videoId: string): void {
    this.setup = setup
    this.videoId = videoId
    this.subtitlesOn = setup.subtitlesOn
  }

  override _init(): void {
    this.tag('BottomBar.Hints')?.patch({ text: textPatch(t('video.hints'), { size: type.hint, color: palette.textMuted, width: safeArea.w, maxLines: 1 }) })
    this.tag('Loading')?.patch({ text: textPatch(t('video.loading'), { size: type.heading, bold: true }) })
  }

  /** Called by the route and on every feed update: the video is found in the index once there is one. */
  onFeed(index: FeedIndex | undefined, status: FeedStatus): void {
    this.online = status.online
    if (this.video || this.model?.phase === 'failed' || !this.setup) return
    const video = videoById(index, this.videoId)
    if (video) this.start(video)
    else if (index) this.showFailure('not-found')
    else if (status.phase === 'unavailable') this.showFailure(status.lastFailure === 'timeout' ? 'timeout' : 'network')
    else this.showLoading()
  }

  private start(video: VideoSummary): void {
    const setup = this.setup as PlayerSetup
    this.video = video
    this.tag('TopBar.Title')?.patch({ text: textPatch(video.title, { size: type.heading, bold: true, width: safeArea.w, maxLines: 1 }) })
    const poster = isAllowedImage(video.poster, setup.imageHosts, setup.imageHttpHosts)
    this.tag('Poster')?.patch(poster ? { texture: { type: Lightning.textures.ImageTexture, src: video.poster } } : { visible: false })
    this.model = new PlaybackModel({ duration: video.duration, resumeAt: setup.positions.positionOf(video.id), now: Date.now() })
    const stream = chooseStream(video, (mime) => canPlayType(mime))
    if (video.subtitles && this.subtitlesOn) this.fetchSubtitles(video.subtitles)
    if (!stream) {
      this.model.fail('unplayable')
      this.paint()
      return
    }
    this.streamUrl = stream.url
    this.open(stream.url)
    this.timer = setInterval(() => this.tick(), 1000)
    this.paint()
  }

  private fetchSubtitles(url: string): void {
    this.subtitlesFailed = false
    void this.setup?.loadSubtitles(url).then((result) => {
      if (!this.alive) return
      if (result.ok) this.subtitles = result.track
      else this.subtitlesFailed = true
      this.paint()
    })
  }

  private open(url: string): void {
    const element = videoElement()
    placeVideo(element, fitStage(windowSize(), this.setup?.resolution ?? 1080))
    VideoPlayer.consumer(this)
    VideoPlayer.open(url)
    // The canvas is cleared transparent: the picture under it shows wherever nothing is drawn.
    this.setTransparent(true)
  }

  private setTransparent(on: boolean): void {
    if (this.transparent === on) return
    this.transparent = on
    this.stage.setClearColor(on ? 0x00000000 : palette.background)
  }

  /** Every event of the VideoPlayer comes here ($videoPlayerEvent: its name, its arguments, the time). */
  $videoPlayerEvent(name: string, args: { event?: unknown } | undefined): void {
    const model = this.model
    if (!model || name === 'error') return // 'error' repeats 'Error' for the SDK's older listeners
    const element = VideoPlayer._videoEl as HTMLVideoElement | undefined
    const raised = args?.event as { name?: unknown } | undefined
    const info: MediaEventInfo = {
      currentTime: element?.currentTime ?? 0,
      duration: element?.duration ?? NaN,
      paused: element?.paused ?? true,
    }
    if (name === 'Error') {
      if (raised && typeof raised.name === 'string') info.errorName = raised.name
      else if (element?.error) info.errorCode = element.error.code
    }
    const before = model.phase
    this.run(model.onEvent(name, info, Date.now(), this.online))
    if (model.phase !== before && model.phase === 'failed') this.closeStream()
    if (model.phase === 'paused' && before !== 'paused') this.savePosition()
    if (name === 'Ended') this.savePosition()
    this.paint()
  }

  private run(effects: readonly PlaybackEffect[]): void {
    for (const effect of effects) {
      if (effect.kind === 'seek') VideoPlayer.seek(effect.to)
      else if (effect.kind === 'play') VideoPlayer.play()
      else if (effect.kind === 'pause') VideoPlayer.pause()
      else if (effect.kind === 'reopen' && this.streamUrl) this.open(this.streamUrl)
    }
  }

  private tick(): void {
    const model = this.model
    if (!model) return
    if (model.tick(Date.now())) {
      this.closeStream()
      this.paint()
      return
    }
    if (model.phase === 'playing' && Date.now() - this.lastSaved > SAVE_EVERY_MS) this.savePosition()
  }

  private savePosition(): void {
    if (!this.model || !this.video || !this.setup) return
    this.lastSaved = Date.now()
    this.setup.positions.remember(this.video.id, this.model.position, this.model.duration)
  }

  private closeStream(): void {
    VideoPlayer.close()
    this.setTransparent(false)
  }

  private showLoading(): void {
    this.tag('Loading')?.patch({ visible: true })
  }

  /** The video could not be found, or the feed not reached: nothing to play, nothing to retry here. */
  private showFailure(reason: 'not-found' | 'network' | 'timeout'): void {
    this.model = this.model ?? new PlaybackModel({ duration: 0, resumeAt: 0, now: Date.now() })
    this.model.fail(reason === 'not-found' ? 'unplayable' : reason)
    this.failureReason = reason
    this.paint()
  }

  /** Draws the state: only what changed is patched, a text only when its words change. */
  private paint(): void {
    const model = this.model
    if (!model) return
    const failed = model.phase === 'failed'
    const loading = model.phase === 'loading'
    this.tag('Loading')?.patch({ visible: loading })
    this.tag('Poster')?.patch({ visible: loading && !!this.video && !!this.tag('Poster')?.texture })
    for (const ref of ['TopBar', 'BottomBar'] as const) this.tag(ref)?.patch({ visible: !failed && !!this.video })
    this.tag('Failed')?.patch({ visible: failed })
    const canRetry = failed && this.streamUrl !== undefined
    this.tag('RetryHint')?.patch({ visible: canRetry })
    if (failed) {
      const reason = this.failureReason ?? model.failure ?? 'unplayable'
      ;(this.tag('Failed') as FailurePanel).show(t('video.failed'), reason)
      this.tag('RetryHint')?.patch({ text: textPatch(t('video.retryHint'), { size: type.body, color: palette.textMuted }) })
      this.tag('Subtitle')?.patch({ visible: false })
      this.tag('Note')?.patch({ visible: false })
      return
    }
    const state = t(model.buffering ? 'video.buffering' : STATE_WORDS[model.phase])
    if (state !== this.shown.state) {
      this.shown.state = state
      this.tag('BottomBar.State')?.patch({ text: textPatch(state, { size: type.label, bold: true }) })
    }
    const time = this.progressWords()
    if (time !== this.shown.time) {
      this.shown.time = time
      this.tag('BottomBar.Time')?.patch({ text: textPatch(time, { size: type.label }) })
    }
    this.tag('BottomBar.Track.Fill')?.patch({ w: Math.round(TRACK_W * model.fraction) })
    this.paintSwitch()
    this.paintSubtitle()
    if (model.resumedAt !== undefined && this.noteTimer === undefined) this.showResumedNote(model.resumedAt)
  }

  private progressWords(): string {
    const model = this.model as PlaybackModel
    return t('video.progress', { played: formatDuration(model.position), total: formatDuration(model.duration) })
  }

  private paintSwitch(): void {
    const label = !this.subtitlesOn ? t('video.subtitlesOff') : this.subtitlesFailed ? t('video.subtitlesMissing') : t('video.subtitlesOn')
    const focused = this.zone === 'switch'
    const size = scaledSize(type.label)
    if (label !== this.shown.switch) {
      this.shown.switch = label
      // White text tinted by `color`: focus moving only changes the tint.
      this.tag('BottomBar.Switch')?.patch({ w: Math.ceil(textWidthEm(label) * size) + 48, Label: { text: textPatch(label, { size: type.label, color: 0xffffffff }) } })
    }
    this.tag('BottomBar.Switch')?.patch({
      color: focused ? palette.focus : palette.surfaceRaised,
      Label: { color: focused ? palette.focusText : palette.text },
    })
  }

  private paintSubtitle(): void {
    const model = this.model as PlaybackModel
    const text = this.subtitlesOn && this.subtitles ? cueTextAt(this.subtitles, model.position) : ''
    if (text === this.shown.subtitle) return
    this.shown.subtitle = text
    const box = this.tag('Subtitle')
    if (!box) return
    if (!text) {
      box.patch({ visible: false })
      return
    }
    const size = scaledSize(type.heading)
    const lines = text
      .split('\n')
      .flatMap((line) => fitLines(line, SUBTITLE_W / size, 2))
      .slice(-2)
    const width = Math.max(...lines.map((line) => textWidthEm(line))) * size
    const lineHeight = lineHeightOf(type.heading)
    box.patch({
      visible: true,
      w: Math.ceil(width) + 2 * SUBTITLE_PAD_X,
      h: lines.length * lineHeight + 2 * SUBTITLE_PAD_Y,
      Text: { text: { ...textPatch(lines.join('\n'), { size: type.heading, bold: true }) } },
    })
  }

  private showResumedNote(at: number): void {
    const note = this.tag('Note')
    note?.patch({ visible: true, text: textPatch(t('video.resumed', { time: formatDuration(at) }), { size: type.body }) })
    this.noteTimer = setTimeout(() => note?.patch({ visible: false }), NOTE_MS)
  }

  get announce(): string {
    const model = this.model
    if (!this.video || !model) return t('video.loading')
    if (model.phase === 'failed') return `${t('video.failed')}。${t('video.retryHint')}`
    return t('video.announce', { title: this.video.title, state: t(STATE_WORDS[model.phase]), progress: this.progressWords() })
  }

  private say(text: string): void {
    Accessibility.Announcer.speak(text)
  }

  override _handleEnter(): boolean {
    const model = this.model
    if (!model || !this.video) return true
    if (this.zone === 'switch') {
      this.subtitlesOn = this.setup ? this.setup.toggleSubtitles() : !this.subtitlesOn
      if (this.subtitlesOn && !this.subtitles && this.video.subtitles) this.fetchSubtitles(this.video.subtitles)
      this.paint()
      this.say(this.shown.switch)
      return true
    }
    // Only a stream that was opened can be tried again.
    if (model.phase === 'failed' && this.streamUrl === undefined) return true
    this.run(model.togglePlay(Date.now()))
    if (model.phase === 'paused') this.savePosition()
    this.paint()
    this.say(this.shown.state || t(STATE_WORDS[model.phase]))
    return true
  }

  private seek(seconds: number): boolean {
    if (this.zone !== 'video' || !this.model) return true
    this.run(this.model.seekBy(seconds))
    this.paint()
    return true
  }

  override _handleLeft(): boolean {
    return this.seek(-SEEK_STEP_SECONDS)
  }

  override _handleRight(): boolean {
    return this.seek(SEEK_STEP_SECONDS)
  }

  override _handleDown(): boolean {
    if (this.zone === 'video' && this.video && this.model?.phase !== 'failed') {
      this.zone = 'switch'
      this.paint()
      this.say(this.shown.switch)
    }
    return true
  }

  override _handleUp(): boolean {
    if (this.zone === 'switch') {
      this.zone = 'video'
      this.paint()
      this.say(this.announce)
    }
    return true
  }

  /** Leaving (Back, Home): where it stopped is remembered, the stream closed, the canvas opaque again. */
  override _detach(): void {
    this.alive = false
    if (this.timer !== undefined) clearInterval(this.timer)
    if (this.noteTimer !== undefined) clearTimeout(this.noteTimer)
    this.timer = undefined
    if (this.model && this.model.phase !== 'failed' && this.model.phase !== 'loading') this.savePosition()
    if (this.streamUrl) {
      VideoPlayer.close()
      VideoPlayer.consumer(null)
    }
    this.setTransparent(false)
    this.model = undefined
  }
}
