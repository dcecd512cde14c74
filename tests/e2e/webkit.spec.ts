/**
 * WebKit (WebKitGTK 2.50, the engine family of vendor WebKit and WPE set-top-box browsers): the modern
 * bundle with the feed over plain HTTP (`mock=0`: no service worker, as on a box), driven over W3C
 * WebDriver. Home → 通知公告 → a notice → Back → Back → Home with no JavaScript error.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { orderNotices } from '../../src/feed/selectors'
import { REGION, SCREENSHOT_DIR } from './tv'
import { WebKitTv } from './webkit'

const feedBaseUrl = inject('legacyBaseUrl')
let tv: WebKitTv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

it('WebKitGTK: Home, the notice list, a notice, Back to the list and Back Home, no JavaScript error', async () => {
  tv = await WebKitTv.launch(feedBaseUrl)
  await tv.open('home', { mock: '0' })
  await tv.waitForText(REGION.name)
  await tv.waitForText('最新通知')
  await tv.waitForFocusedText('通知公告')
  const engine = await tv.execute<string>('return navigator.userAgent')
  expect(engine).toMatch(/AppleWebKit/)
  expect(engine).not.toMatch(/Chrome\//)

  await tv.press('OK')
  await tv.waitForText('共 ')
  expect(await tv.url()).toMatch(/#notices$/)
  const first = orderNotices(LINWU.index.notices, Date.now())[0]!
  await tv.waitForFocusedText(first.title.slice(0, 12))

  await tv.press('OK')
  await tv.waitForText(`发布机构：${first.publisher}`)
  await tv.waitForText('第 1/')
  expect(await tv.url()).toMatch(new RegExp(`#notices/${first.id}$`))
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  writeFileSync(join(SCREENSHOT_DIR, 'notice-detail-webkit.png'), await tv.screenshot())

  await tv.press('Back')
  await tv.waitForText('共 ')
  await tv.waitForFocusedText(first.title.slice(0, 12))
  await tv.press('Back')
  await tv.waitForText(REGION.name)
  await tv.waitForFocusedText('通知公告')
  writeFileSync(join(SCREENSHOT_DIR, 'home-webkit.png'), await tv.screenshot())
  expect(await tv.errors()).toEqual([])
})
