/**
 * 村务公开 (issue 13): the household picks its village once (Home: Down to the 我的村 card, OK; also from 关于本机), and Home's 最新通知 then
 * shows the village's notices beside the county's, labelled with the place; they open like the county's.
 * A village without a feed shows the county's only; the choice survives a reload.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { palette } from '../../src/theme/tokens'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

async function home(opened: Tv): Promise<void> {
  await opened.open('home')
  await opened.waitForText(REGION.name)
  await opened.waitForFocusedText('通知公告')
}

/** From Home, two presses: Down to the 我的村 card, OK; then township and village by their rows. */
async function pick(opened: Tv, township: string, village: string): Promise<void> {
  await opened.press('Down')
  await opened.waitForFocusedText('我的村：')
  await opened.press('OK')
  await opened.waitForText('先选乡镇')
  for (let i = 0; i < 5 && !(await opened.focusedText()).includes(township); i++) await opened.press('Down')
  await opened.waitForFocusedText(township)
  await opened.press('OK')
  await opened.waitForText(`${township}：再选村`)
  for (let i = 0; i < 5 && !(await opened.focusedText()).includes(village); i++) await opened.press('Down')
  await opened.waitForFocusedText(village)
}

describe('村务公开: the household village', () => {
  it('picks 汾市镇 石门村, shows its notice labelled on Home, opens it, and Back returns; the choice survives a reload', async () => {
    tv = await Tv.launch(baseUrl)
    await home(tv)
    await tv.waitForText('我的村：未选择')
    await pick(tv, '汾市镇', '石门村')
    await tv.screenshot('village-picker')
    await tv.press('OK')
    await tv.waitForText('我的村：汾市镇 石门村')
    await tv.waitForText('【石门村】')
    expect(await tv.page.evaluate(() => location.hash)).toBe('#home')
    await tv.screenshot('village-home')

    // Down from the tiles to the newest notices, then to the village's row.
    for (let i = 0; i < 8 && !(await tv.focusedText()).includes('【石门村】'); i++) await tv.press('Down')
    await tv.waitForFocusedText('【石门村】')
    await tv.press('OK')
    await tv.waitForAllTexts(['石门村2026年第三季度村级财务收支公开', '上级转移支付'])
    expect(await tv.page.evaluate(() => location.hash)).toBe('#places/431025104201/notices/sm-n001')
    await tv.press('Back')
    await tv.waitForFocusedText('【石门村】')

    // 通知公告 lists the township's notices too, labelled.
    await tv.page.reload({ waitUntil: 'domcontentloaded' })
    await tv.waitForText(REGION.name)
    await tv.waitForText('我的村：汾市镇 石门村')
    await tv.waitForText('【石门村】')
    await tv.open('notices')
    await tv.waitForText('【汾市镇】')
    tv.expectNoErrors()
  })

  it('a village without a feed shows the county notices only, and 关于本机 says so', async () => {
    tv = await Tv.launch(baseUrl)
    await home(tv)
    await pick(tv, '舜峰镇', '城北村')
    await tv.press('OK')
    await tv.waitForText('我的村：舜峰镇 城北村')
    expect((await tv.texts()).join('\n')).not.toMatch(/【(城北村|舜峰镇|石门村|汾市镇)】/)
    await tv.open('about')
    await tv.waitForText('城北村没有自己的公开栏')
    await tv.open('notices')
    await tv.waitForText('通知公告')
    expect((await tv.texts()).join('\n')).not.toMatch(/【(城北村|舜峰镇|石门村|汾市镇)】/)
    tv.expectNoErrors()
  })

  it('works on canvas2d: the focused picker row is drawn in the focus colour and Home labels the village notice', async () => {
    tv = await Tv.launch(baseUrl, { extraArgs: ['--disable-webgl'] })
    await home(tv)
    expect(await tv.renderer()).toBe('canvas2d')
    await pick(tv, '汾市镇', '石门村')
    const area = await tv.colourArea(palette.focus & 0xffffff)
    expect(area?.pixels ?? 0).toBeGreaterThan(5_000)
    await tv.press('OK')
    await tv.waitForText('【石门村】')
    await tv.screenshot('village-home-canvas2d')
    tv.expectNoErrors()
  })
})
