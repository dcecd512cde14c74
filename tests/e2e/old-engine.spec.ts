/**
 * Android 4.4's system WebView (Chromium 30, never updated, no WebGL): the legacy bundle alone, as an
 * engine without ES modules loads it, in a Chromium where everything Chromium 30 lacks is taken away
 * before any page script runs (tests/e2e/chromium30.ts) and a WebGL context is refused. The feed comes
 * over plain HTTP (no service worker), as from the county's CDN.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { chromium30InitScript } from './chromium30'
import { readLongNoticeAndReturnHome } from './noticeJourney'
import { REGION, Tv, VIEWPORT_720 } from './tv'

const legacyBaseUrl = inject('legacyBaseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

it('the legacy bundle on a Chromium-30-class engine shows Home, reads a notice page by page, Back, then a guide', async () => {
  // Most Android 4.4 boxes' browsers run a 1280×720 page.
  tv = await Tv.launch(legacyBaseUrl, { viewport: VIEWPORT_720, initScript: chromium30InitScript(), legacyOnly: true, pollFromNode: true })
  await tv.open('home')
  // The engine really was Chromium 30 when the page's scripts began.
  expect(await tv.page.evaluate('window.__chromium30.stillPresent')).toEqual([])
  const scripts = await tv.page.evaluate<string[]>(
    "performance.getEntriesByType('resource').map(function (e) { return e.name }).filter(function (n) { return /\\.js$/.test(n) })",
  )
  expect(scripts.some((s) => s.endsWith('/js/app.legacy.js'))).toBe(true)
  expect(scripts.some((s) => s.endsWith('/js/app.js'))).toBe(false)

  await tv.waitForAllTexts([REGION.name, '通知公告', '办事指南', '最新通知'])
  expect(await tv.renderer()).toBe('canvas2d')
  await tv.waitForFocusedText('通知公告')
  await tv.screenshot('home-chromium30-canvas2d')

  await tv.press('OK')
  await tv.waitForText('共 ')
  await readLongNoticeAndReturnHome(tv, 'notice-detail-chromium30-canvas2d')
  await tv.waitForFocusedText('通知公告')

  await tv.press('Right')
  await tv.waitForFocusedText('办事指南')
  await tv.press('OK')
  await tv.waitForText(`共 ${LINWU.index.guides.length} 项`)
  const guide = LINWU.index.guides[0]!
  await tv.waitForFocusedText(guide.name)
  await tv.press('OK')
  await tv.waitForAllTexts(['第 1/', guide.name, `实施主体：${guide.department}`])
  tv.expectNoErrors()
})
