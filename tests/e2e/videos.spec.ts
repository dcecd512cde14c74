/**
 * 政策解读 videos in a real Chromium: Home → the videos tile → a video plays (the <video> element's own
 * currentTime moves), its Chinese subtitles are drawn by Lightning, OK pauses and the time holds, Right
 * jumps 10 s, Back returns to the list on the same video, and opening it again resumes where it stopped.
 * A stream that is gone ends in a message with 12345 within the player's bound; a deep link opens the player;
 * a notice offers 看视频解读; and the same on Lightning's canvas2d renderer, the canvas clear over the video.
 *
 * The media comes from the mock media host (mocks/handlers.ts) through msw's worker: the 30-second test
 * clip of scripts/make-test-media.ts and the WebVTT files of mocks/media/.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { LINWU } from '../../mocks/fixtures'
import { videosOf } from '../../src/feed/selectors'
import { START_TIMEOUT_MS } from '../../src/layout/playback'
import { parseWebVtt } from '../../src/feed/webvtt'
import { failedResource, REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

/** No key press is needed to start sound in a test; boxes start playback from a key press anyway. */
const AUTOPLAY = ['--autoplay-policy=no-user-gesture-required']

const VIDEOS = videosOf(LINWU.index)
const position = (id: string): number => VIDEOS.findIndex((v) => v.id === id)
const GENGDI = VIDEOS[position('lw-v-gengdi-2026')]!
const YIBAO = VIDEOS[position('lw-v-yibao-2027')]!
const GONE = VIDEOS[position('lw-v-zhengbing-2025')]!

/** Every line of a subtitle file, as the player draws them (one line of a cue is enough to find it). */
function subtitleLines(file: string): string[] {
  const parsed = parseWebVtt(readFileSync(`mocks/media/${file}`, 'utf8'))
  if (!parsed.ok) throw new Error(file)
  return parsed.track.cues.flatMap((cue) => cue.text.split('\n'))
}

async function currentTime(t: Tv): Promise<number> {
  return t.page.evaluate<number>('document.querySelector("video") ? document.querySelector("video").currentTime : -1')
}

async function waitForTime(t: Tv, what: string, test: string): Promise<void> {
  await t.waitOrExplain(what, 20_000, `(function (v) { return !!v && (${test}) })(document.querySelector('video'))`)
}

describe('政策解读 videos', () => {
  it('Home → videos → play, subtitles, pause holds, Right +10 s, Back to the same row, resume', async () => {
    tv = await Tv.launch(baseUrl, { extraArgs: AUTOPLAY })
    await tv.open('home')
    await tv.waitForText(REGION.name)
    // The tile row ends with 视频解读.
    for (let i = 0; i < 8 && !(await tv.focusedText()).includes('视频解读'); i++) await tv.press('Right')
    await tv.waitForFocusedText('视频解读')
    await tv.press('OK')
    await tv.waitForAllTexts(['政策解读视频', `共 ${VIDEOS.length} 个视频`, YIBAO.title])
    // Newest first; the farmland subsidy video is further down.
    await tv.press('Down', position(GENGDI.id))
    await tv.waitForFocusedText(GENGDI.title)
    await tv.press('OK')

    await tv.waitForAllTexts([GENGDI.title, '播放中', '已播放', '字幕：开'])
    await waitForTime(tv, 'playback time advancing past 1.5 s', 'v.currentTime > 1.5 && !v.paused')
    // A subtitle line, drawn by Lightning from the WebVTT file.
    await tv.waitForAnyText(subtitleLines('gengdi.zh.vtt'))

    await tv.press('OK')
    await tv.waitForText('已暂停')
    await waitForTime(tv, 'the element paused', 'v.paused')
    const paused = await currentTime(tv)
    await new Promise((ok) => setTimeout(ok, 1500))
    expect(Math.abs((await currentTime(tv)) - paused)).toBeLessThan(0.05)
    expect(await tv.texts()).toContain('已暂停')

    await tv.press('Right')
    await waitForTime(tv, `the time moved to about ${(paused + 10).toFixed(1)} s`, `!v.seeking && Math.abs(v.currentTime - ${paused + 10}) < 1`)
    // Still paused after the jump, and the words say where it is.
    expect(await tv.texts()).toContain('已暂停')
    const seconds = Math.floor(paused + 10)
    await tv.waitForText(`已播放 ${seconds}秒，共 30秒`)
    await tv.waitForAnyText(subtitleLines('gengdi.zh.vtt'))
    await tv.screenshot('video-player')

    await tv.press('Back')
    await tv.waitForText(`共 ${VIDEOS.length} 个视频`)
    await tv.waitForFocusedText(GENGDI.title)
    await waitForTime(tv, 'the stream closed', 'v.paused && !v.getAttribute("src")')

    // Opened again, it resumes where it stopped.
    await tv.press('OK')
    await tv.waitForText('从上次停下的')
    await waitForTime(tv, `playback resumed near ${seconds} s`, `v.currentTime >= ${seconds - 1} && !v.paused`)
    tv.expectNoErrors()
  })

  it('a stream that is gone shows the message with 12345 within the bound, and Back leaves', async () => {
    tv = await Tv.launch(baseUrl, { extraArgs: AUTOPLAY })
    await tv.open('videos')
    await tv.waitForText(`共 ${VIDEOS.length} 个视频`)
    await tv.press('Down', position(GONE.id))
    await tv.waitForFocusedText(GONE.title)
    const started = Date.now()
    await tv.press('OK')
    await tv.waitForAllTexts(['这个视频暂时放不了', '12345', '按确认键再试一次'], START_TIMEOUT_MS + 5000)
    expect(Date.now() - started).toBeLessThan(START_TIMEOUT_MS + 5000)
    // Nothing of the player is left over the message, and the canvas is opaque again.
    const texts = await tv.texts()
    expect(texts.some((t) => t.startsWith('已播放'))).toBe(false)
    await tv.screenshot('video-unplayable')
    await tv.press('Back')
    await tv.waitForFocusedText(GONE.title)
    tv.expectNoErrors([failedResource('linwu/2025/zhengbing-huifang\\.mp4', 404)])
  })

  it('a deep link opens the player; the subtitle switch hides and shows them', async () => {
    tv = await Tv.launch(baseUrl, { extraArgs: AUTOPLAY })
    await tv.open(`videos/${YIBAO.id}`)
    await tv.waitForAllTexts([YIBAO.title, '播放中'])
    await waitForTime(tv, 'playback time advancing', 'v.currentTime > 0.5')
    const lines = subtitleLines('yibao.zh.vtt')
    await tv.waitForAnyText(lines)
    await tv.press('Down')
    await tv.press('OK')
    await tv.waitForText('字幕：关')
    await tv.waitOrExplain('no subtitle line', 10_000, `!${JSON.stringify(lines)}.some(function (s) { return window.__tv.hasText(s) })`)
    await tv.press('OK')
    await tv.waitForText('字幕：开')
    await tv.waitForAnyText(lines)
    // Back from a deep link goes up to the list.
    await tv.press('Back')
    await tv.waitForText(`共 ${VIDEOS.length} 个视频`)
    tv.expectNoErrors()
  })

  it('a notice with a related video offers 看视频解读, which opens the player; Back returns to the notice', async () => {
    const notice = LINWU.index.notices.find((n) => YIBAO.relatedNotices.includes(n.id))!
    tv = await Tv.launch(baseUrl, { extraArgs: AUTOPLAY })
    await tv.open(`notices/${notice.id}`)
    await tv.waitForAllTexts(['看视频解读', `发布机构：${notice.publisher}`])
    // Focus starts on the text (Down and Page Down turn its pages, as on any notice).
    await tv.waitForFocusedText('第 1/')
    await tv.press('Up')
    await tv.waitForFocusedText('看视频解读')
    await tv.press('OK')
    await tv.waitForAllTexts([YIBAO.title, '播放中'])
    await tv.press('Back')
    await tv.waitForText(`发布机构：${notice.publisher}`)
    await tv.waitForFocusedText('看视频解读')
    // Down goes back to the text.
    await tv.press('Down')
    await tv.waitOrExplain('focus on the text', 5000, '!window.__tv.hasFocusedText("看视频解读")')
    tv.expectNoErrors()
  })

  it('plays on the canvas2d renderer with the canvas clear over the picture', async () => {
    tv = await Tv.launch(baseUrl, { extraArgs: [...AUTOPLAY, '--disable-webgl'] })
    await tv.open(`videos/${YIBAO.id}`)
    await tv.waitForAllTexts([YIBAO.title, '播放中'])
    expect(await tv.renderer()).toBe('canvas2d')
    await waitForTime(tv, 'playback time advancing', 'v.currentTime > 1')
    await tv.waitForAnyText(subtitleLines('yibao.zh.vtt'))
    // Mid-screen (between the bars) the canvas draws nothing: the <video> under it shows.
    const alpha = await tv.page.evaluate<number>(`(function () {
      var c = document.querySelector('[data-testid="stage"]');
      var s = c.width / 1920;
      return c.getContext('2d').getImageData(Math.round(960 * s), Math.round(420 * s), 1, 1).data[3];
    })()`)
    expect(alpha).toBe(0)
    await tv.screenshot('video-player-canvas2d')
    tv.expectNoErrors()
  })
})
