/**
 * A box whose WebGL cannot make a context (a blocklisted GPU, a WebView built without it): Chromium
 * started with --disable-webgl keeps the WebGLRenderingContext interface but refuses every context, the
 * case Lightning does not catch by itself. The app must choose canvas2d before Launch and stay usable:
 * focus is seen without shaders, QR codes and icons are drawn, paging and the keypad work.
 * Screenshots: docs/screenshots/*-canvas2d.png.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { orderNotices } from '../../src/feed/selectors'
import { palette } from '../../src/theme/tokens'
import { readLongNoticeAndReturnHome } from './noticeJourney'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

/** The focus colour as 0xRRGGBB. */
const FOCUS = palette.focus & 0xffffff
/** Pixels of focus colour a focused tile's outline or a focused row's card shows at least (design 1080p): with eight
 * tiles across, a tile's 6 px ring is about 5 000 pixels; a row's card far more. */
const MIN_FOCUS_PIXELS = 4_000

async function launchWithoutWebGL(): Promise<Tv> {
  return Tv.launch(baseUrl, { extraArgs: ['--disable-webgl'] })
}

async function focusArea(t: Tv): Promise<{ pixels: number; x: number; y: number }> {
  const area = await t.colourArea(FOCUS)
  expect(area, 'the stage is a 2D canvas').toBeDefined()
  return area!
}

describe('without a WebGL context (canvas2d)', () => {
  it('shows Home, moves a visible focus, reads a notice page by page and Back returns', async () => {
    tv = await launchWithoutWebGL()
    await tv.open('home')
    await tv.waitForAllTexts([REGION.name, '通知公告', '办事指南'])
    expect(await tv.renderer()).toBe('canvas2d')
    await tv.waitForFocusedText('通知公告')

    const onFirstTile = await focusArea(tv)
    expect(onFirstTile.pixels).toBeGreaterThan(MIN_FOCUS_PIXELS)
    await tv.screenshot('home-canvas2d')
    await tv.press('Right')
    await tv.waitForFocusedText('办事指南')
    const onSecondTile = await focusArea(tv)
    expect(onSecondTile.pixels).toBeGreaterThan(MIN_FOCUS_PIXELS)
    // The outline moved with the focus, one tile to the right.
    expect(onSecondTile.x - onFirstTile.x).toBeGreaterThan(200)
    await tv.press('Left')
    await tv.waitForFocusedText('通知公告')

    await tv.press('OK')
    await tv.waitForText('共 ')
    const ordered = orderNotices(LINWU.index.notices, Date.now())
    await tv.waitForFocusedText(ordered[0]!.title.slice(0, 12))
    const onFirstRow = await focusArea(tv)
    expect(onFirstRow.pixels).toBeGreaterThan(MIN_FOCUS_PIXELS)
    await tv.press('Down')
    await tv.waitForFocusedText(ordered[1]!.title.slice(0, 12))
    const onSecondRow = await focusArea(tv)
    expect(onSecondRow.y).toBeGreaterThan(onFirstRow.y + 50)
    await tv.screenshot('notices-canvas2d')

    await tv.press('Up')
    await readLongNoticeAndReturnHome(tv, 'notice-detail-canvas2d')
    tv.expectNoErrors()
  })

  it('draws a guide with its QR code, and the progress keypad with the active field outlined', async () => {
    const withQr = LINWU.index.guides.find((g) => LINWU.guides[g.id]?.online)
    expect(withQr, 'a fixture guide with an online service').toBeDefined()
    tv = await launchWithoutWebGL()
    await tv.open(`guides/${withQr!.id}`)
    await tv.waitForAllTexts([withQr!.name, '用手机扫码，继续在网上办理'])
    // A QR code is black modules on white: both in quantity inside the code's frame.
    const white = await tv.colourArea(0xffffff, 2)
    const black = await tv.colourArea(0x000000, 2)
    expect(white!.pixels).toBeGreaterThan(20_000)
    expect(black!.pixels).toBeGreaterThan(20_000)
    await tv.screenshot('guide-detail-canvas2d')

    await tv.open('progress')
    await tv.waitForText('受理编号')
    await tv.press('2')
    await tv.press('0')
    await tv.waitForText('▶ 20_')
    // The active field's outline and the focused key: focus colour without any shader.
    const focus = await focusArea(tv)
    expect(focus.pixels).toBeGreaterThan(MIN_FOCUS_PIXELS)
    await tv.screenshot('progress-canvas2d')
    tv.expectNoErrors()
  })

  it('says on 关于本机 that it draws with Canvas 2D because WebGL cannot start', async () => {
    tv = await launchWithoutWebGL()
    await tv.open('about')
    await tv.waitForText('画面绘制：Canvas 2D（WebGL 无法启用）')
    await tv.screenshot('about-canvas2d')
    tv.expectNoErrors()
  })
})
