/**
 * Home on a warm, working feed: everything a viewer needs is on the first screen, in words.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { formatToday } from '../../src/i18n/format'
import { REGION, Tv, VIEWPORT_720 } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

const TILES = ['通知公告', '办事指南', '办事进度', '便民热线', '关于本机']

describe('Home', () => {
  it('shows the region, today, the alerts with their level in words, the five tiles and when it was updated', async () => {
    tv = await Tv.launch(baseUrl)
    const today = formatToday(Date.now())
    await tv.open('home')
    const texts = await tv.waitForAllTexts([REGION.name, ...TILES, '预警】', '星期', '更新于'])
    expect(texts).toContain(REGION.name)
    for (const tile of TILES) expect(texts).toContain(tile)
    // Today in the region's clock, with the weekday (a run across midnight may see either day).
    expect(texts.some((t) => t === today || t === formatToday(Date.now()))).toBe(true)
    expect(texts.some((t) => /星期[日一二三四五六]/.test(t))).toBe(true)
    // The level is written out, so colour is never the only sign of how serious an alert is.
    const alerts = texts.filter((t) => /^【(红色|橙色|黄色|蓝色)预警】/.test(t))
    expect(alerts.length).toBeGreaterThan(0)
    expect(alerts.join('\n')).toMatch(/黄色预警|橙色预警/)
    // The fixture's expired blue alert must not be shown.
    expect(texts.some((t) => t.includes('寒潮蓝色预警'))).toBe(false)
    // Focus starts on the first tile.
    expect(await tv.focusedText()).toContain('通知公告')

    await tv.screenshot('home')
    tv.expectNoErrors()
  })

  it('moves focus along the tiles with Left/Right and stops at both ends', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('home')
    await tv.waitForText(REGION.name)
    await tv.waitForFocusedText('通知公告')
    await tv.press('Left')
    expect(await tv.focusedText()).toContain('通知公告')
    await tv.press('Right')
    await tv.waitForFocusedText('办事指南')
    await tv.press('Right', 3)
    await tv.waitForFocusedText('关于本机')
    // The last tile, 预约帮办, is there because the shipped settings name assistApiUrl.
    await tv.press('Right')
    await tv.waitForFocusedText('预约帮办')
    await tv.press('Right')
    expect(await tv.focusedText()).toContain('预约帮办')
    tv.expectNoErrors()
  })

  it('on a 720p box (resolution 720 in settings) draws the same Home on a 1280×720 stage', async () => {
    tv = await Tv.launch(baseUrl, { viewport: VIEWPORT_720 })
    await tv.page.route('**/settings.json', async (route) => {
      const response = await route.fetch()
      const settings = (await response.json()) as Record<string, unknown>
      await route.fulfill({ response, json: { ...settings, resolution: 720 } })
    })
    await tv.open('home')
    const texts = await tv.waitForAllTexts([REGION.name, ...TILES, '更新于'])

    const canvas = await tv.page.locator('[data-testid="stage"]').evaluate((el) => {
      const c = el as HTMLCanvasElement
      return { width: c.width, height: c.height }
    })
    expect(canvas).toEqual({ width: 1280, height: 720 })
    for (const tile of TILES) expect(texts).toContain(tile)

    await tv.screenshot('home-720')
    tv.expectNoErrors()
  })
})
