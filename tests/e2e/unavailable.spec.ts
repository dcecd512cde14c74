/**
 * A cold start (nothing saved) while the feed is broken: the viewer is told the service cannot be
 * reached and given the 12345 hotline. Never a blank screen.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { failedResource, REGION, Tv, type Scenario } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

async function expectUnavailableHome(scenario: Scenario): Promise<string[]> {
  tv = await Tv.launch(baseUrl)
  await tv.open('home', { scenario })
  await tv.waitForText('暂时连不上政务服务', 30_000)
  const texts = await tv.waitForAllTexts(['12345', '政务服务', '通知公告', '关于本机'])
  // Still a working screen: a title, the tiles, and focus on one of them.
  expect(texts).toContain('政务服务')
  expect(texts).not.toContain(REGION.name)
  for (const tile of ['通知公告', '办事指南', '办事进度', '便民热线', '关于本机']) expect(texts).toContain(tile)
  expect(await tv.focusedText()).toContain('通知公告')
  return texts
}

it('a server error on a cold start shows 暂时连不上政务服务 and 12345, never a blank screen', async () => {
  const texts = await expectUnavailableHome('server-error')
  // The service answered (with 500s): that is not "no network", so no 离线 badge.
  expect(texts.some((t) => t.startsWith('离线'))).toBe(false)
  await tv!.screenshot('unavailable')
  // The 500s are the scenario; nothing else may fail.
  tv!.expectNoErrors([failedResource(`feed/v1/regions/${REGION.code}/index\\.json`, 500)])
})

it('a malformed feed on a cold start shows 暂时连不上政务服务 and 12345, never a blank screen', async () => {
  await expectUnavailableHome('malformed')
  tv!.expectNoErrors()
})

