/**
 * The player's logic without a player: which stream a box plays, the phase in words, seeks, resuming,
 * the bounded waits that turn a stream that never starts into a message, the time in words, and where
 * each video stopped (capped, nothing but an id and seconds).
 */
import { describe, expect, it } from 'vitest'
import { createResumeStore, END_MARGIN_SECONDS, MAX_ENTRIES, MIN_RESUME_SECONDS } from '../../src/config/resumePositions'
import type { KeyValueStorage } from '../../src/config/preferences'
import { loadPreferences } from '../../src/config/preferences'
import { formatDuration } from '../../src/i18n/format'
import { setLanguage, t } from '../../src/i18n/strings'
import {
  chooseStream,
  isHlsUrl,
  PlaybackModel,
  SEEK_STEP_SECONDS,
  START_TIMEOUT_MS,
  STALL_TIMEOUT_MS,
  type MediaEventInfo,
} from '../../src/layout/playback'

const at = (currentTime: number, more: Partial<MediaEventInfo> = {}): MediaEventInfo => ({ currentTime, duration: 725, paused: false, ...more })

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('chooseStream', () => {
  const hls = 'https://media.example.cn/v/index.m3u8?token=1'
  const mp4 = 'https://media.example.cn/v.mp4'
  const none = () => ''
  const maybe = (mime: string) => (mime.includes('mpegurl') || mime.includes('mpegURL') ? 'maybe' : '')

  it('tells a playlist by its path, whatever query follows', () => {
    expect(isHlsUrl(hls)).toBe(true)
    expect(isHlsUrl('https://m.example.cn/LIVE.M3U8#t=1')).toBe(true)
    expect(isHlsUrl(mp4)).toBe(false)
    expect(isHlsUrl('https://m.example.cn/m3u8/video.mp4')).toBe(false)
  })

  it('plays HLS where the engine does, else the MP4 copy, else says at once that it cannot', () => {
    expect(chooseStream({ stream: hls, fallbackMp4: mp4 }, maybe)).toEqual({ url: hls, kind: 'hls' })
    expect(chooseStream({ stream: hls, fallbackMp4: mp4 }, none)).toEqual({ url: mp4, kind: 'mp4' })
    expect(chooseStream({ stream: hls }, none)).toBeUndefined()
    // An MP4 is always tried: box engines often answer '' and play it all the same.
    expect(chooseStream({ stream: mp4 }, none)).toEqual({ url: mp4, kind: 'mp4' })
  })
})

describe('PlaybackModel', () => {
  const open = (resumeAt = 0) => new PlaybackModel({ duration: 725, resumeAt, now: 0 })

  it('goes from loading to playing, follows the time, pauses and plays on OK', () => {
    const m = open()
    expect(m.phase).toBe('loading')
    expect(m.onEvent('LoadedMetadata', at(0), 100)).toEqual([])
    m.onEvent('Playing', at(0), 200)
    expect(m.phase).toBe('playing')
    m.onEvent('TimeUpdate', at(3.2), 3400)
    expect(m.position).toBe(3.2)
    expect(m.togglePlay(3500)).toEqual([{ kind: 'pause' }])
    expect(m.phase).toBe('paused')
    m.onEvent('Pause', at(3.3, { paused: true }), 3510)
    expect(m.phase).toBe('paused')
    expect(m.togglePlay(5000)).toEqual([{ kind: 'play' }])
    expect(m.phase).toBe('playing')
    expect(m.togglePlay(5001)).toEqual([{ kind: 'pause' }])
  })

  it('seeks 10 s at a time within the video, from where the last seek lands, and a seek is not a pause', () => {
    const m = open()
    m.onEvent('Playing', at(0), 0)
    m.onEvent('TimeUpdate', at(20), 20_000)
    expect(m.seekBy(SEEK_STEP_SECONDS)).toEqual([{ kind: 'seek', to: 30 }])
    // A second press before the first seek is done adds to it.
    expect(m.seekBy(SEEK_STEP_SECONDS)).toEqual([{ kind: 'seek', to: 40 }])
    // The SDK pauses before it seeks: the state stays 播放中, the time shown is the target.
    m.onEvent('Pause', at(20, { paused: true }), 20_010)
    m.onEvent('Seeking', at(40, { paused: true }), 20_020)
    m.onEvent('TimeUpdate', at(40, { paused: true }), 20_030)
    expect(m.phase).toBe('playing')
    expect(m.position).toBe(40)
    m.onEvent('Seeked', at(40, { paused: false }), 20_100)
    expect(m.seekBy(-SEEK_STEP_SECONDS)).toEqual([{ kind: 'seek', to: 30 }])
    m.onEvent('Seeked', at(30), 20_200)
    expect(m.seekBy(-100)).toEqual([{ kind: 'seek', to: 0 }])
    m.onEvent('Seeked', at(0), 20_300)
    expect(m.seekBy(-10)).toEqual([])
    expect(m.seekBy(10_000)).toEqual([{ kind: 'seek', to: 725 }])
    expect(m.fraction).toBe(1)
  })

  it('does not seek while loading or failed', () => {
    const m = open()
    expect(m.seekBy(10)).toEqual([])
    m.fail('network')
    expect(m.seekBy(10)).toEqual([])
  })

  it('resumes at the remembered place once the length is known, and plays on after that seek', () => {
    const m = open(200)
    expect(m.onEvent('LoadedMetadata', at(0, { paused: true }), 100)).toEqual([{ kind: 'seek', to: 200 }])
    expect(m.resumedAt).toBe(200)
    expect(m.position).toBe(200)
    // Only once: a later duration change does not seek again.
    expect(m.onEvent('DurationChange', at(200), 150)).toEqual([])
    // The first play() was still pending when the SDK seeked: it was left paused, so the model plays it.
    expect(m.onEvent('Seeked', at(200, { paused: true }), 300)).toEqual([{ kind: 'play' }])
    m.onEvent('Playing', at(200), 400)
    expect(m.phase).toBe('playing')
    // A remembered place past the end of this stream is ignored.
    expect(open(9000).onEvent('LoadedMetadata', at(0), 100)).toEqual([])
  })

  it('ends, and OK plays again from the start', () => {
    const m = open()
    m.onEvent('Playing', at(700), 0)
    m.onEvent('Ended', at(725, { paused: true }), 1)
    m.onEvent('Pause', at(725, { paused: true }), 2)
    expect(m.phase).toBe('ended')
    expect(m.position).toBe(725)
    expect(m.togglePlay(3)).toEqual([{ kind: 'seek', to: 0 }, { kind: 'play' }])
    expect(m.phase).toBe('playing')
    // Back from the end with Left: paused where it lands.
    const n = open()
    n.onEvent('Playing', at(700), 0)
    n.onEvent('Ended', at(725), 1)
    expect(n.seekBy(-10)).toEqual([{ kind: 'seek', to: 715 }])
    expect(n.phase).toBe('paused')
  })

  it('turns errors into the words the message uses, and ignores those that are not failures', () => {
    const failure = (info: Partial<MediaEventInfo>, online = true) => {
      const m = open()
      m.onEvent('Error', at(0, info), 10, online)
      return m.phase === 'failed' ? m.failure : m.phase
    }
    expect(failure({ errorCode: 4 })).toBe('unplayable')
    expect(failure({ errorCode: 3 })).toBe('unplayable')
    expect(failure({ errorCode: 2 })).toBe('network')
    expect(failure({ errorCode: 4 }, false)).toBe('network')
    expect(failure({ errorName: 'NotSupportedError' })).toBe('unplayable')
    // play() interrupted by a pause or a new source: nothing is wrong.
    expect(failure({ errorName: 'AbortError' })).toBe('loading')
    expect(failure({ errorCode: 1 })).toBe('loading')
    // No autoplay without a key press: paused, OK starts it.
    expect(failure({ errorName: 'NotAllowedError' })).toBe('paused')
  })

  it('gives up on a stream that never starts, or stalls for good, within the bounds; OK tries again where it was', () => {
    const m = open()
    expect(m.tick(START_TIMEOUT_MS)).toBe(false)
    expect(m.tick(START_TIMEOUT_MS + 1)).toBe(true)
    expect(m).toMatchObject({ phase: 'failed', failure: 'timeout' })
    // Once failed, events of the old stream change nothing.
    m.onEvent('Playing', at(0), START_TIMEOUT_MS + 2)
    expect(m.phase).toBe('failed')

    const s = open()
    s.onEvent('Playing', at(0), 0)
    s.onEvent('TimeUpdate', at(50), 50_000)
    s.onEvent('Waiting', at(50), 50_000)
    expect(s.buffering).toBe(true)
    expect(s.tick(50_000 + STALL_TIMEOUT_MS)).toBe(false)
    // Time moving again ends the wait.
    s.onEvent('TimeUpdate', at(51), 50_000 + STALL_TIMEOUT_MS)
    expect(s.buffering).toBe(false)
    s.onEvent('Waiting', at(51), 80_000)
    expect(s.tick(80_000 + STALL_TIMEOUT_MS + 1)).toBe(true)
    expect(s.failure).toBe('timeout')
    expect(s.togglePlay(200_000)).toEqual([{ kind: 'reopen', at: 51 }])
    expect(s.phase).toBe('loading')
    // The retry gets a deadline of its own and resumes where it was.
    expect(s.tick(200_000 + START_TIMEOUT_MS)).toBe(false)
    expect(s.onEvent('LoadedMetadata', at(0), 201_000)).toEqual([{ kind: 'seek', to: 51 }])
  })

  it('does not count a pause the viewer chose against the deadlines', () => {
    const m = open()
    m.onEvent('Playing', at(5), 0)
    m.togglePlay(1000)
    m.onEvent('Waiting', at(5), 1000)
    expect(m.tick(1000 + STALL_TIMEOUT_MS * 10)).toBe(false)
    expect(m.phase).toBe('paused')
  })
})

describe('time in words', () => {
  it('says a length the way the player shows it, in Chinese and English', () => {
    setLanguage('zh-CN')
    expect(formatDuration(45)).toBe('45秒')
    expect(formatDuration(200)).toBe('3分20秒')
    expect(formatDuration(725)).toBe('12分05秒')
    expect(formatDuration(3725.9)).toBe('1小时02分05秒')
    expect(formatDuration(0)).toBe('0秒')
    expect(formatDuration(NaN)).toBe('0秒')
    expect(formatDuration(Infinity)).toBe('0秒')
    expect(formatDuration(-3)).toBe('0秒')
    expect(t('video.progress', { played: formatDuration(200), total: formatDuration(725) })).toBe('已播放 3分20秒，共 12分05秒')
    setLanguage('en')
    expect(formatDuration(725)).toBe('12 min 05 s')
    expect(t('video.progress', { played: formatDuration(200), total: formatDuration(725) })).toBe('3 min 20 s of 12 min 05 s played')
    setLanguage('zh-CN')
  })
})

describe('where each video stopped', () => {
  it('remembers a position per video id, nothing else', () => {
    const storage = memoryStorage()
    const store = createResumeStore(storage)
    expect(store.positionOf('v1')).toBe(0)
    store.remember('v1', 200.7, 725)
    store.remember('v2', 60, 725)
    expect(store.positionOf('v1')).toBe(200)
    expect(store.positionOf('v2')).toBe(60)
    const stored = JSON.parse([...storage.data.values()][0] ?? '[]') as unknown[]
    expect(stored).toEqual([
      { id: 'v2', at: 60 },
      { id: 'v1', at: 200 },
    ])
  })

  it('forgets a video stopped in its first seconds or near its end (watched)', () => {
    const store = createResumeStore(memoryStorage())
    store.remember('v1', 200, 725)
    store.remember('v1', MIN_RESUME_SECONDS - 1, 725)
    expect(store.positionOf('v1')).toBe(0)
    store.remember('v1', 200, 725)
    store.remember('v1', 725 - END_MARGIN_SECONDS + 1, 725)
    expect(store.positionOf('v1')).toBe(0)
  })

  it(`keeps the ${MAX_ENTRIES} most recently played videos`, () => {
    const store = createResumeStore(memoryStorage())
    for (let i = 0; i < MAX_ENTRIES + 5; i++) store.remember(`v${i}`, 100 + i, 1000)
    expect(store.positionOf('v0')).toBe(0)
    expect(store.positionOf('v4')).toBe(0)
    expect(store.positionOf('v5')).toBe(105)
    // Played again, an old one moves to the front and stays.
    store.remember('v5', 300, 1000)
    store.remember('new', 100, 1000)
    expect(store.positionOf('v5')).toBe(300)
    expect(store.positionOf('v6')).toBe(0)
  })

  it('survives storage that throws, is missing, or holds something that is not its own', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => createResumeStore(broken).remember('v1', 100, 725)).not.toThrow()
    expect(createResumeStore(broken).positionOf('v1')).toBe(0)
    expect(createResumeStore(undefined).positionOf('v1')).toBe(0)
    for (const junk of ['{', '{"v1":100}', '[{"id":"v1","at":"100"}]', '[{"id":1,"at":100}]', '[null,{"id":"v1","at":-5}]']) {
      const storage = memoryStorage()
      storage.data.set('gov-affairs-tv:resume:v1', junk)
      expect(createResumeStore(storage).positionOf('v1'), junk).toBe(0)
    }
  })
})

describe('the subtitle preference', () => {
  it('is on unless the viewer turned it off', () => {
    const storage = memoryStorage()
    expect(loadPreferences(storage).subtitles).toBe(true)
    storage.setItem('gov-affairs-tv:preferences:v1', JSON.stringify({ largeText: true }))
    expect(loadPreferences(storage)).toEqual({ largeText: true, readAloud: false, subtitles: true })
    storage.setItem('gov-affairs-tv:preferences:v1', JSON.stringify({ subtitles: false }))
    expect(loadPreferences(storage).subtitles).toBe(false)
  })
})
