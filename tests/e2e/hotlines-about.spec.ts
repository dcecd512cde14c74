/** 便民热线, 关于本机 and leaving the app: the small screens, each one press away from Home. */
import { afterEach, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

async function openHome(): Promise<Tv> {
  const t = await Tv.launch(baseUrl)
  await t.open('home')
  await t.waitForText(REGION.name)
  await t.waitForFocusedText('通知公告')
  return t
}

it('便民热线 lists 12345 first with its hours, then every hotline of the region', async () => {
  tv = await openHome()
  await tv.focusHomeTile('便民热线')
  await tv.press('OK')
  const main = LINWU.index.hotlines.find((h) => h.phone === '12345')!
  const texts = await tv.waitForAllTexts([...LINWU.index.hotlines.map((h) => h.phone), `服务时间：${main.hours}`])
  expect(tv.page.url()).toMatch(/#hotlines$/)

  const phones = texts.filter((t) => LINWU.index.hotlines.some((h) => h.phone === t))
  expect(phones[0]).toBe('12345')
  expect(phones).toHaveLength(LINWU.index.hotlines.length)
  expect(texts).toContain(`服务时间：${main.hours}`)
  await tv.screenshot('hotlines')

  await tv.press('Back')
  await tv.waitForText(REGION.name)
  await tv.waitForFocusedText('便民热线')
  tv.expectNoErrors()
})

it('关于本机 shows the version, the region and its code, where content is stored and how the screen is drawn', async () => {
  tv = await openHome()
  await tv.focusHomeTile('关于本机')
  await tv.press('OK')
  const all = (await tv.waitForAllTexts(['版本：', '大字模式：'])).join('\n')
  expect(tv.page.url()).toMatch(/#about$/)
  expect(all).toContain(`地区：${REGION.name}（${REGION.code}）`)
  expect(all).toContain('本地保存：数据库（IndexedDB）')
  expect(all).toMatch(/大字模式：(开|关)/)
  // SwiftShader is a software GL: a context exists, but not without a major performance caveat.
  expect(all).toMatch(/画面绘制：WebGL(（软件绘制）)?/)
  expect(await tv.renderer()).toBe('webgl')
  await tv.screenshot('about')

  await tv.press('Back')
  await tv.waitForText(REGION.name)
  await tv.waitForFocusedText('关于本机')
  tv.expectNoErrors()
})

it('Back on Home asks before leaving, with 留下 focused, and 留下 keeps the app on Home', async () => {
  tv = await openHome()
  await tv.press('Right')
  await tv.waitForFocusedText('办事指南')
  await tv.press('Back')
  await tv.waitForText('要退出政务服务吗？')
  // The question has the focus, so arrows and OK answer it instead of moving on Home behind it.
  await tv.waitForFocusedText('留下', 5_000)
  await tv.screenshot('exit')
  await tv.press('OK')
  await tv.waitForTextGone('要退出政务服务吗？')
  expect(tv.page.url()).toMatch(/#home$/)
  await tv.waitForFocusedText('办事指南')
  tv.expectNoErrors()
})
