/**
 * The box's own WebVTT reader: cues and their times, multi-line text, cleaning as feed text, bad cues
 * skipped and counted, the text on screen at any moment; and the loader that fetches a video's subtitle
 * file through the feed's HTTP client from the mock media host (the committed files in mocks/media/).
 */
import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { LINWU, MEDIA_HOST } from '../../mocks/fixtures'
import { resetMocks, server } from '../../mocks/node'
import { createHttpClient } from '../../src/feed/http'
import { LIMITS } from '../../src/feed/schema'
import { loadSubtitles } from '../../src/feed/subtitles'
import { cueTextAt, MAX_CUE_CHARS, parseTimestamp, parseWebVtt, type SubtitleTrack } from '../../src/feed/webvtt'

function track(text: string): SubtitleTrack {
  const parsed = parseWebVtt(text)
  if (!parsed.ok) throw new Error(`not read: ${parsed.reason}`)
  return parsed.track
}

describe('WebVTT timestamps', () => {
  it.each([
    ['00:01.000', 1],
    ['01:02.500', 62.5],
    ['00:00:04.250', 4.25],
    ['01:00:00.000', 3600],
    ['123:00:00.001', 442800.001],
  ])('reads %s as %s s', (s, seconds) => {
    expect(parseTimestamp(s)).toBeCloseTo(seconds, 6)
  })

  it.each(['00:01,000', '0:01.000', '00:60.000', '00:01.00', '00:01', '1:00:00.000', '00:00:01.0000', 'abc', ''])('refuses %j', (s) => {
    expect(parseTimestamp(s)).toBeNaN()
  })
})

describe('parseWebVtt', () => {
  it('reads cues with and without ids, multi-line text, settings, BOM and CRLF; skips NOTE, STYLE and REGION', () => {
    const file = [
      '\uFEFFWEBVTT - 医保政策解读',
      'Kind: captions',
      'Language: zh-CN',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:bottom width:80%',
      '',
      'NOTE 这是编辑的备注，',
      '不显示。',
      '',
      '1',
      '00:00:00.500 --> 00:00:04.000 align:start position:10%',
      '各位乡亲，大家好！',
      '今天讲讲医保怎么缴费。',
      '',
      '00:04.000 --> 00:08.500',
      '个人缴费标准是每人每年400元。',
    ].join('\r\n')
    const { cues, skipped } = track(file)
    expect(skipped).toBe(0)
    expect(cues).toEqual([
      { start: 0.5, end: 4, text: '各位乡亲，大家好！\n今天讲讲医保怎么缴费。' },
      { start: 4, end: 8.5, text: '个人缴费标准是每人每年400元。' },
    ])
  })

  it('cleans cue text as feed text: voice, class and karaoke tags, entities, invisible characters', () => {
    const { cues } = track(
      [
        'WEBVTT',
        '',
        '00:01.000 --> 00:03.000',
        '<v 主持人>缴费<b>截止</b>到<c.yellow>2月28日</c></v>',
        '<00:00:01.500>报销比例 &gt; 85&#37; &amp; 不设起付线&lrm;\u200B',
        '   ',
      ].join('\n'),
    )
    expect(cues[0]?.text).toBe('缴费截止到2月28日\n报销比例 > 85% & 不设起付线')
  })

  it('skips and counts bad cues, shows the rest', () => {
    const file = [
      'WEBVTT',
      '',
      '00:00:01,000 --> 00:00:02,000',
      '逗号的时间（SRT 写法）',
      '',
      '00:00:05.000 --> 00:00:04.000',
      '结束早于开始',
      '',
      '00:00:06.000 --> 00:00:06.000',
      '长度为零',
      '',
      '00:00:07.000 --> 00:00:08.000',
      '<b></b>',
      '',
      '没有时间行的一段文字',
      '',
      '00:00:09.000 --> 00:00:10.000',
      '字'.repeat(MAX_CUE_CHARS + 1),
      '',
      '00:00:11.000 -> 00:00:12.000',
      '箭头不对',
      '',
      '00:00:12.000 --> 00:00:13.000',
      '这一条是好的',
    ].join('\n')
    const { cues, skipped } = track(file)
    expect(cues).toEqual([{ start: 12, end: 13, text: '这一条是好的' }])
    expect(skipped).toBe(7)
  })

  it('orders cues by start, keeping the file order of cues that start together', () => {
    const { cues } = track(['WEBVTT', '', '00:05.000 --> 00:06.000', '后', '', '00:01.000 --> 00:02.000', '甲', '', '00:01.000 --> 00:03.000', '乙'].join('\n'))
    expect(cues.map((c) => c.text)).toEqual(['甲', '乙', '后'])
  })

  it('refuses what is not WebVTT and a file over the limit, and keeps at most subtitleCues cues', () => {
    expect(parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\nSRT 文件\n')).toEqual({ ok: false, reason: 'not-vtt' })
    expect(parseWebVtt('WEBVTTX\n')).toEqual({ ok: false, reason: 'not-vtt' })
    expect(parseWebVtt('<html>404</html>')).toEqual({ ok: false, reason: 'not-vtt' })
    expect(parseWebVtt(`WEBVTT\n\n${'x'.repeat(LIMITS.subtitleChars)}`)).toEqual({ ok: false, reason: 'too-large' })
    expect(track('WEBVTT').cues).toEqual([])
    const many = ['WEBVTT', '']
    for (let i = 0; i < LIMITS.subtitleCues + 5; i++) many.push(`00:00:0${i % 10}.000 --> 00:00:0${i % 10}.500`, `第${i}条`, '')
    const big = track(many.join('\n'))
    expect(big.cues).toHaveLength(LIMITS.subtitleCues)
    expect(big.skipped).toBe(5)
  })

  it('reads the committed subtitle files with nothing skipped', () => {
    for (const name of ['yibao.zh.vtt', 'gengdi.zh.vtt']) {
      const { cues, skipped } = track(readFileSync(`mocks/media/${name}`, 'utf8'))
      expect(skipped, name).toBe(0)
      expect(cues.length, name).toBeGreaterThanOrEqual(6)
      // They cover the 30-second test clip.
      expect(cues[0]?.start, name).toBeLessThan(1)
      expect(cues[cues.length - 1]?.end, name).toBe(30)
      for (const cue of cues) expect(cue.text, name).not.toMatch(/[<>]/)
    }
  })
})

describe('cueTextAt', () => {
  const t = track(
    [
      'WEBVTT',
      '',
      '00:00.000 --> 00:30.000',
      '【直播回放】',
      '',
      '00:01.000 --> 00:04.000',
      '第一句',
      '',
      '00:04.000 --> 00:06.000',
      '第二句',
      '',
      '00:10.000 --> 00:12.000',
      '第三句',
    ].join('\n'),
  )

  it.each([
    [0, '【直播回放】'],
    [1, '【直播回放】\n第一句'],
    [3.999, '【直播回放】\n第一句'],
    [4, '【直播回放】\n第二句'],
    [7, '【直播回放】'],
    [11, '【直播回放】\n第三句'],
    [30, ''],
    [-1, ''],
  ])('at %s s shows %j (a cue is on from its start, off at its end; a long cue stays on)', (seconds, text) => {
    expect(cueTextAt(t, seconds)).toBe(text)
  })

  it('shows nothing for an empty track', () => {
    expect(cueTextAt(track('WEBVTT\n'), 3)).toBe('')
  })
})

describe('loadSubtitles', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => resetMocks())
  afterAll(() => server.close())
  const client = createHttpClient({ timeoutMs: 500, retries: 0, baseDelayMs: 1 })

  it('fetches and reads a fixture video subtitle file from the mock media host', async () => {
    const url = LINWU.index.videos?.find((v) => v.id === 'lw-v-yibao-2027')?.subtitles ?? ''
    expect(url).toContain(MEDIA_HOST)
    const result = await loadSubtitles(client, url)
    expect(result.ok).toBe(true)
    if (result.ok) expect(cueTextAt(result.track, 5)).toContain('400元')
  })

  it('says why when it cannot: not found, not WebVTT, a server error, no network, too slow', async () => {
    expect(await loadSubtitles(client, `https://${MEDIA_HOST}/linwu/2026/missing.zh.vtt`)).toEqual({ ok: false, reason: 'not-found' })
    const url = `https://${MEDIA_HOST}/any.vtt`
    server.use(http.get(url, () => HttpResponse.text('<html>出错了</html>')))
    expect(await loadSubtitles(client, url)).toEqual({ ok: false, reason: 'not-vtt' })
    server.use(http.get(url, () => new HttpResponse(null, { status: 503 })))
    expect(await loadSubtitles(client, url)).toEqual({ ok: false, reason: 'http' })
    server.use(http.get(url, () => HttpResponse.error()))
    expect(await loadSubtitles(client, url)).toEqual({ ok: false, reason: 'network' })
    server.use(http.get(url, () => new Promise<never>(() => undefined)))
    expect(await loadSubtitles(client, url)).toEqual({ ok: false, reason: 'timeout' })
  })
})
