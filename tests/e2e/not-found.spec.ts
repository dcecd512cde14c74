/** Deep links that lead nowhere land on a page that says so, never on a blank screen. */
import { afterEach, expect, inject, it } from 'vitest'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

it('an unknown route shows 没有这个页面 and Back goes Home', async () => {
  tv = await Tv.launch(baseUrl)
  await tv.open('no-such-page')
  const texts = await tv.waitForAllTexts(['没有这个页面', '按返回键回到首页'])
  expect(texts).toContain('没有这个页面')
  await tv.screenshot('not-found')

  await tv.press('Back')
  await tv.waitForText(REGION.name)
  await tv.waitForTextGone('没有这个页面')
  expect(tv.page.url()).toMatch(/#home$/)
  tv.expectNoErrors()
})
