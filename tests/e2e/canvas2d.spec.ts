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
import { longNoticeNearTop, readLongNoticeAndReturnHome } from './noticeJourney'
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

interface Repaints {
  full: number
  region: number
  none: number
  lastArea: number
}

async function repaints(t: Tv): Promise<Repaints> {
  const counts = await t.page.evaluate<Repaints | undefined>('window.__govTv && window.__govTv.repaints && Object.assign({}, window.__govTv.repaints)')
  expect(counts, 'the app counts its canvas2d repaints (inspector mode)').toBeDefined()
  return counts!
}

/** Waits until the stage has repainted nothing for 3 polls in a row: every frame a key caused has been painted. */
async function untilStill(t: Tv): Promise<void> {
  let last = JSON.stringify(await repaints(t))
  for (let still = 0, polls = 0; still < 3; polls++) {
    if (polls > 200) throw new Error('the stage kept repainting for 400 frames')
    await t.nextFrame()
    await t.nextFrame()
    const now = JSON.stringify(await repaints(t))
    still = now === last ? still + 1 : 0
    last = now
  }
}

/**
 * Paints the whole stage until two full repaints in a row give the same pixels. Chromium draws a new SVG
 * icon's edges a little differently the first times it is drawn and the same from then on (with partial
 * repaints off too: full repaint against full repaint), so a journey's comparison starts from there.
 */
async function repaintWholeUntilSteady(t: Tv): Promise<void> {
  for (let tries = 0; tries < 6; tries++) {
    if ((await pixelsDifferingFromFullRepaint(t)) === 0) return
  }
  throw new Error('two full repaints in a row never gave the same pixels')
}

/**
 * How many pixels of the stage as the partial repaints left it differ from the same frame painted whole
 * (Lightning's forceRenderUpdate) by more than 2 in a channel, alpha included: 0 when every change was
 * inside the rectangles repainted. Two full repaints of one frame already differ by 1 here and there (the
 * GPU raster's rounding of scaled, tinted images); a change missed is a whole element's difference.
 */
async function pixelsDifferingFromFullRepaint(t: Tv): Promise<number> {
  await untilStill(t)
  const before = await repaints(t)
  await t.page.evaluate(`(function () {
    var canvas = document.querySelector('[data-testid="stage"]');
    window.__partial = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    window.__govTv.stage.forceRenderUpdate();
  })()`)
  await t.nextFrame()
  expect((await repaints(t)).full, 'forceRenderUpdate paints the whole stage').toBeGreaterThan(before.full)
  return t.page.evaluate<number>(`(function () {
    var canvas = document.querySelector('[data-testid="stage"]');
    var full = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var partial = window.__partial, n = 0;
    for (var i = 0; i < full.length; i += 4) {
      if (Math.abs(full[i] - partial[i]) > 2 || Math.abs(full[i + 1] - partial[i + 1]) > 2 || Math.abs(full[i + 2] - partial[i + 2]) > 2 || Math.abs(full[i + 3] - partial[i + 3]) > 2) n++;
    }
    return n;
  })()`)
}

describe('without a WebGL context (canvas2d)', () => {
  it('repaints only what a key changed, and those repaints leave the stage exactly as a full repaint would', async () => {
    tv = await launchWithoutWebGL()
    await tv.open('home')
    await tv.waitForAllTexts([REGION.name, '通知公告', '办事指南'])
    await tv.waitForFocusedText('通知公告')
    await repaintWholeUntilSteady(tv)
    const stageArea = 1920 * 1080

    // Focus from tile to tile: two tiles repainted, never the whole stage.
    const atHome = await repaints(tv)
    await tv.press('Right')
    await tv.waitForFocusedText('办事指南')
    await untilStill(tv)
    // A focus move is drawn in one frame, not animated: on a box without a GPU each frame of a focus
    // animation is another software paint (the tile's animated scale painted 4 here; one frame is left
    // for anything else that changes meanwhile).
    const afterOne = await repaints(tv)
    expect(afterOne.region + afterOne.full - atHome.region - atHome.full, 'frames painted for one focus move').toBeLessThanOrEqual(2)
    await tv.press('Right')
    await tv.waitForFocusedText('视频解读')
    await untilStill(tv)
    const afterMoves = await repaints(tv)
    expect(afterMoves.full, 'no full repaint for a focus move').toBe(atHome.full)
    expect(afterMoves.region).toBeGreaterThanOrEqual(atHome.region + 2)
    expect(afterMoves.lastArea).toBeGreaterThan(0)
    expect(afterMoves.lastArea).toBeLessThan(stageArea / 10)
    expect(await pixelsDifferingFromFullRepaint(tv)).toBe(0)

    // Down to the row of cards and back, then a list that scrolls as focus moves down it.
    await tv.press('Down')
    await tv.press('Up')
    await tv.waitForFocusedText('视频解读')
    expect(await pixelsDifferingFromFullRepaint(tv)).toBe(0)
    await tv.press('Left', 2)
    await tv.waitForFocusedText('通知公告')
    await tv.press('OK')
    await tv.waitForText('共 ')
    const ordered = orderNotices(LINWU.index.notices, Date.now())
    await tv.waitForFocusedText(ordered[0]!.title.slice(0, 12))
    await repaintWholeUntilSteady(tv)
    const atList = await repaints(tv)
    // Far enough down that the rows scroll up under the focus.
    const last = Math.min(ordered.length - 1, 9)
    for (let i = 1; i <= last; i++) {
      await tv.press('Down')
      await tv.waitForFocusedText(ordered[i]!.title.slice(0, 12))
    }
    expect(await pixelsDifferingFromFullRepaint(tv)).toBe(0)
    expect((await repaints(tv)).region, 'the list was repainted in parts').toBeGreaterThanOrEqual(atList.region + last)
    // And a long notice, a page turned.
    await tv.press('Up', last)
    await tv.waitForFocusedText(ordered[0]!.title.slice(0, 12))
    const { summary, position } = longNoticeNearTop()
    await tv.press('Down', position)
    await tv.waitForFocusedText(summary.title.slice(0, 12))
    await tv.press('OK')
    await tv.waitForText('第 1/')
    await repaintWholeUntilSteady(tv)
    const atPage = await repaints(tv)
    await tv.press('PageDown')
    await tv.waitForText('第 2/')
    expect(await pixelsDifferingFromFullRepaint(tv)).toBe(0)
    expect((await repaints(tv)).region, 'the page turn was repainted in part').toBeGreaterThan(atPage.region)
    tv.expectNoErrors()
  })

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
