/**
 * What the player screen shows and does, as plain logic over the video element's events and the remote's
 * keys: the phase in words (正在加载 / 播放中 / 已暂停 / 正在缓冲 / 播放结束), the position, where a seek
 * lands, where to resume, and when waiting has gone on too long (nothing waits forever: a stream that
 * never starts or stalls for good becomes a message with 12345). Which stream a box can play is decided
 * here too. No Lightning, no DOM: the screen feeds events in and carries out what comes back.
 */
import type { VideoSummary } from '../feed/schema'

export type PlaybackPhase = 'loading' | 'playing' | 'paused' | 'ended' | 'failed'
export type PlaybackFailure = 'unplayable' | 'network' | 'timeout'

/** From open (or a retry) to the first frame. */
export const START_TIMEOUT_MS = 20_000
/** Playing, then waiting for data this long without progress. */
export const STALL_TIMEOUT_MS = 20_000
/** Left/Right on the remote. */
export const SEEK_STEP_SECONDS = 10

export const HLS_TYPES = ['application/vnd.apple.mpegurl', 'application/x-mpegURL'] as const

/** A playlist by its path, whatever query or fragment a CDN adds. */
export function isHlsUrl(url: string): boolean {
  return /\.m3u8(?:[?#]|$)/i.test(url)
}

export interface StreamChoice {
  url: string
  kind: 'hls' | 'mp4'
}

/**
 * The stream this engine plays: an HLS stream where the engine says it plays HLS itself
 * (`canPlayType` answers "maybe" or "probably"), else the MP4 copy; an MP4 stream always (box engines
 * under-report). Undefined: nothing this box can play, said at once instead of waiting for an error.
 */
export function chooseStream(video: Pick<VideoSummary, 'stream' | 'fallbackMp4'>, canPlayType: (mime: string) => string): StreamChoice | undefined {
  if (!isHlsUrl(video.stream)) return { url: video.stream, kind: 'mp4' }
  if (HLS_TYPES.some((mime) => canPlayType(mime) !== '')) return { url: video.stream, kind: 'hls' }
  return video.fallbackMp4 ? { url: video.fallbackMp4, kind: 'mp4' } : undefined
}

/** What the element said, as far as the model needs it. */
export interface MediaEventInfo {
  currentTime: number
  /** NaN or Infinity until known. */
  duration: number
  /** The element's `paused`. */
  paused?: boolean
  /** MediaError.code of an `error` event (1 aborted, 2 network, 3 decode, 4 not supported). */
  errorCode?: number
  /** The DOMException name when `play()` was refused (NotAllowedError, AbortError, NotSupportedError). */
  errorName?: string
}

/** Something the screen must do for the model. */
export type PlaybackEffect = { kind: 'seek'; to: number } | { kind: 'play' } | { kind: 'pause' } | { kind: 'reopen'; at: number }

export interface PlaybackOptions {
  /** The feed's length, shown until the stream knows better. */
  duration: number
  /** Where the viewer stopped last time (0: from the beginning). */
  resumeAt: number
  now: number
}

const finite = (n: number): boolean => typeof n === 'number' && isFinite(n)

export class PlaybackModel {
  phase: PlaybackPhase = 'loading'
  failure: PlaybackFailure | undefined
  /** Seconds shown: the element's time, or where a pending seek lands. */
  position = 0
  duration: number
  /** True while playing but waiting for data. */
  buffering = false
  /** Set once the stream resumed at the remembered place. */
  resumedAt: number | undefined
  /** The viewer wants it to play (OK toggles it): only then does waiting count against the deadlines. */
  private wantsPlay = true
  private openedAt: number
  private waitingSince: number | undefined
  private seekTarget: number | undefined
  private resumeAt: number

  constructor(options: PlaybackOptions) {
    this.duration = options.duration
    this.resumeAt = options.resumeAt
    this.openedAt = options.now
  }

  /** The stream cannot be played on this box at all. */
  fail(failure: PlaybackFailure): void {
    this.phase = 'failed'
    this.failure = failure
    this.buffering = false
  }

  /** One event of the element (the SDK VideoPlayer's names: 'Playing', 'TimeUpdate', 'Error' …). */
  onEvent(name: string, info: MediaEventInfo, now: number, online = true): PlaybackEffect[] {
    if (this.phase === 'failed') return []
    if (finite(info.duration) && info.duration > 0) this.duration = info.duration
    switch (name) {
      case 'LoadedMetadata':
      case 'DurationChange': {
        const at = this.resumeAt
        if (at > 0 && finite(info.duration) && at < info.duration) {
          this.resumeAt = 0
          this.resumedAt = at
          this.seekTarget = at
          this.position = at
          return [{ kind: 'seek', to: at }]
        }
        return []
      }
      case 'Playing':
        if (this.seekTarget === undefined) this.position = info.currentTime
        this.phase = 'playing'
        this.buffering = false
        this.waitingSince = undefined
        return []
      case 'Waiting':
        if (this.phase === 'playing') this.buffering = true
        if (this.waitingSince === undefined) this.waitingSince = now
        return []
      case 'TimeUpdate':
        if (this.seekTarget === undefined) {
          if (info.currentTime !== this.position) {
            // Time moves: whatever the element waited for has come.
            this.waitingSince = undefined
            this.buffering = false
          }
          this.position = info.currentTime
        }
        return []
      case 'Seeking':
        if (this.seekTarget === undefined) this.seekTarget = info.currentTime
        return []
      case 'Seeked':
        this.seekTarget = undefined
        this.position = info.currentTime
        // The SDK plays again after a seek only when it saw the element playing before: a seek made while
        // the first play() was still pending (resuming) would leave it paused.
        return this.wantsPlay && info.paused === true && this.phase !== 'ended' ? [{ kind: 'play' }] : []
      case 'Pause':
        // The SDK pauses before it seeks and plays again after: a seek is not a pause.
        if (this.seekTarget !== undefined || this.phase === 'ended') return []
        if (this.phase !== 'loading') this.phase = 'paused'
        this.buffering = false
        return []
      case 'Ended':
        this.phase = 'ended'
        this.buffering = false
        this.wantsPlay = false
        this.position = this.duration
        return []
      case 'Error':
        return this.onError(info, online)
      default:
        return []
    }
  }

  private onError(info: MediaEventInfo, online: boolean): PlaybackEffect[] {
    if (info.errorName === 'AbortError' || info.errorCode === 1) return []
    if (info.errorName === 'NotAllowedError') {
      // The engine will not start sound without a key press: OK starts it.
      this.wantsPlay = false
      this.phase = 'paused'
      return []
    }
    if (!online || info.errorCode === 2) this.fail('network')
    else this.fail('unplayable')
    return []
  }

  /** Called about once a second: a stream that will not start or stalls for good fails with `timeout`. */
  tick(now: number): boolean {
    if (this.phase === 'failed' || !this.wantsPlay) return false
    const startedLate = this.phase === 'loading' && now - this.openedAt > START_TIMEOUT_MS
    const stalled = this.waitingSince !== undefined && this.phase !== 'loading' && now - this.waitingSince > STALL_TIMEOUT_MS
    if (!startedLate && !stalled) return false
    this.fail('timeout')
    return true
  }

  /** OK on the remote. */
  togglePlay(now: number): PlaybackEffect[] {
    switch (this.phase) {
      case 'failed':
        return this.retry(now)
      case 'loading':
        return []
      case 'ended':
        this.phase = 'playing'
        this.wantsPlay = true
        this.seekTarget = 0
        this.position = 0
        return [{ kind: 'seek', to: 0 }, { kind: 'play' }]
      case 'playing':
        this.phase = 'paused'
        this.wantsPlay = false
        this.buffering = false
        this.waitingSince = undefined
        return [{ kind: 'pause' }]
      case 'paused':
        this.phase = 'playing'
        this.wantsPlay = true
        return [{ kind: 'play' }]
    }
  }

  /** Left/Right: from where the last seek lands, within the video. Nothing while loading or failed. */
  seekBy(seconds: number): PlaybackEffect[] {
    if (this.phase === 'loading' || this.phase === 'failed') return []
    const from = this.seekTarget ?? this.position
    const to = Math.max(0, Math.min(from + seconds, this.duration))
    if (to === from) return []
    this.seekTarget = to
    this.position = to
    if (this.phase === 'ended') this.phase = 'paused'
    return [{ kind: 'seek', to }]
  }

  /** OK on the failure message: open the stream again where it was. */
  retry(now: number): PlaybackEffect[] {
    const at = this.position
    this.phase = 'loading'
    this.failure = undefined
    this.wantsPlay = true
    this.openedAt = now
    this.waitingSince = undefined
    this.seekTarget = undefined
    this.resumeAt = at
    return [{ kind: 'reopen', at }]
  }

  /** Share of the video played, 0…1, for the progress bar. */
  get fraction(): number {
    return this.duration > 0 ? Math.max(0, Math.min(1, this.position / this.duration)) : 0
  }
}
