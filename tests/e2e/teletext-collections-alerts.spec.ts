/**
 * What the monthly leaflet and the county's notices point people to, reached from Home with the remote:
 * a page number typed on the digit keys (teletext style), a collection such as 本月政策, and an alert
 * opened in full with OK.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

async function home(): Promise<Tv> {
  const opened = await Tv.launch(baseUrl)
  await opened.open('home')
  await opened.waitForText(REGION.name)
  await opened.waitForFocusedText('通知公告')
  return opened
}

describe('Page numbers typed on the remote', () => {
  it('shows the digits as typed and opens the notice that carries the number', async () => {
    tv = await home()
    await tv.press('1')
    await tv.waitForText('页码 1 _ _')
    await tv.press('0')
    await tv.waitForText('页码 1 0 _')
    await tv.screenshot('page-number')
    await tv.press('2')
    // 102 is the fixture's 城乡居民医保 notice.
    await tv.waitForText('关于做好2027年度城乡居民基本医疗保险集中参保缴费工作的通告')
    expect(await tv.page.evaluate(() => location.hash)).toBe('#notices/lw-n002')
    // The page tells its own number, so a viewer learns it for next time.
    await tv.waitForText('第 102 页')
    await tv.waitForTextGone('页码')
    tv.expectNoErrors()
  })

  it('opens a guide by its number from a list screen, and Back returns there', async () => {
    tv = await home()
    await tv.press('OK')
    await tv.waitForText('通知公告')
    await tv.waitForFocusedText('【置顶】')
    await tv.press('2')
    await tv.press('0')
    await tv.press('4')
    await tv.waitForAllTexts(['出生登记（新生儿落户）', '办理对象', '第 204 页'])
    await tv.press('Back')
    await tv.waitForFocusedText('【置顶】')
    expect(await tv.page.evaluate(() => location.hash)).toBe('#notices')
    tv.expectNoErrors()
  })

  it('says 没有这一页 for an unknown number and stays where it was; Back takes a digit away', async () => {
    tv = await home()
    await tv.press('9')
    await tv.press('9')
    await tv.waitForText('页码 9 9 _')
    // Back while typing deletes the last digit instead of leaving Home.
    await tv.press('Back')
    await tv.waitForText('页码 9 _ _')
    await tv.press('9')
    await tv.press('9')
    await tv.waitForText('没有这一页（999）')
    expect(await tv.page.evaluate(() => location.hash)).toBe('#home')
    expect(await tv.focusedText()).toContain('通知公告')
    // The message goes away by itself.
    await tv.waitForTextGone('没有这一页', 8000)
    tv.expectNoErrors()
  })
})

describe('Collections on Home', () => {
  it('shows the live collections (not the expired one) and opens one as a list of notices and guides', async () => {
    tv = await home()
    // Three cards under the tiles: the household's village (村务公开), the pinned 本月政策, and the open poll;
    // 冬季安全 waits for a free card (its deep link is below). The expired collection never shows.
    const texts = await tv.waitForAllTexts(['我的村：', '本月政策（6 条）', '问卷调查：'])
    expect(texts.some((t) => t.includes('12月政策'))).toBe(false)
    await tv.press('Down')
    await tv.waitForFocusedText('我的村：')
    await tv.press('Right')
    await tv.waitForFocusedText('本月政策')
    await tv.press('OK')
    await tv.waitForAllTexts(['本月政策', '共 6 条', '养老认证'])
    await tv.waitForFocusedText('关于开展2026年度城乡居民基本养老保险待遇领取资格认证工作的通知')
    await tv.screenshot('collection')
    // The third item is a guide: it says so and opens as a guide.
    await tv.press('Down', 2)
    await tv.waitForFocusedText('办事指南 · ')
    await tv.press('OK')
    // The guide's own page (its name is in the collection's row too: wait for what only the guide shows).
    await tv.waitForAllTexts(['城乡居民基本医疗保险参保登记', '办理对象'])
    expect(await tv.page.evaluate(() => location.hash)).toBe('#guides/lw-g04')
    await tv.press('Back')
    await tv.waitForFocusedText('办事指南 · ')
    await tv.press('Back')
    await tv.waitForFocusedText('本月政策')
    tv.expectNoErrors()
  })

  it('opens straight from a deep link, and says so when the collection has ended', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('collections/lw-c-winter')
    await tv.waitForAllTexts(['冬季安全', '共 2 条', '冬春森林防火'])
    await tv.open('collections/lw-c-2025-12')
    await tv.waitForText('这个专题已经结束或不存在')
    tv.expectNoErrors()
  })
})

describe('Alerts opened in full', () => {
  it('Up from the tiles reaches the alerts; OK shows the level in words, the whole text, time and source', async () => {
    tv = await home()
    await tv.press('Up')
    await tv.waitForFocusedText('【黄色预警】暴雨黄色预警')
    await tv.press('Up')
    await tv.waitForFocusedText('【橙色预警】S214')
    await tv.press('OK')
    const texts = await tv.waitForAllTexts(['橙色预警', 'S214临武至汾市段封闭施工', '发布单位：临武县交通运输局', '发布时间：2026-11-15 10:00'])
    // The whole text, with its end that Home's one line cuts off.
    expect(texts.join('')).toContain('详见车站公告')
    await tv.screenshot('alert-detail')
    await tv.press('Back')
    await tv.waitForFocusedText('【橙色预警】S214')
    tv.expectNoErrors()
  })

  it('a deep link to an ended alert says it has ended, never a blank page', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('alerts/lw-a-cold-2025')
    await tv.waitForText('这条预警已经结束或不存在')
    tv.expectNoErrors()
  })
})
