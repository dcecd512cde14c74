/**
 * 办事指南: categories as chips, a guide read page by page with the QR code to continue online, and
 * Back that brings back the chosen category and the focused guide.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { categoriesOf, inCategory } from '../../src/feed/selectors'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

it('filters guides by a category chip, opens one with its sections and QR hint, and Back restores category and focus', async () => {
  const guides = LINWU.index.guides
  const category = categoriesOf(guides)[0]!
  const inIt = inCategory(guides, category)
  const guide = inIt[0]!
  const detail = LINWU.guides[guide.id]

  tv = await Tv.launch(baseUrl)
  await tv.open('home')
  await tv.waitForText(REGION.name)
  await tv.press('Right')
  await tv.waitForFocusedText('办事指南')
  await tv.press('OK')
  await tv.waitForText(`共 ${guides.length} 项`)
  expect(tv.page.url()).toMatch(/#guides$/)
  await tv.waitForFocusedText(guides[0]!.name)

  // Up to the chips; moving onto a chip chooses it.
  await tv.press('Up')
  await tv.waitForChosenChip('全部')
  await tv.waitForFocusedText('全部')
  await tv.press('Right')
  await tv.waitForChosenChip(category)
  await tv.waitForText(`共 ${inIt.length} 项`)
  await tv.press('Down')
  await tv.waitForFocusedText(guide.name)
  await tv.screenshot('guides')

  await tv.press('OK')
  const expected = ['第 1/', guide.name, `实施主体：${guide.department}`, '办理对象']
  if (detail?.online) expected.push('用手机扫码，继续在网上办理')
  const texts = await tv.waitForAllTexts(expected)
  expect(tv.page.url()).toMatch(new RegExp(`#guides/${guide.id}$`))
  expect(texts).toContain(guide.name)
  expect(texts.some((t) => t.includes(`实施主体：${guide.department}`))).toBe(true)
  expect(texts).toContain('办理对象')
  for (const tag of guide.tags) expect(texts.join('')).toContain(`【${tag}】`)
  if (detail?.online) expect(texts).toContain('用手机扫码，继续在网上办理')
  await tv.screenshot('guide-detail')

  await tv.press('PageDown')
  await tv.waitForText('第 2/')

  await tv.press('Back')
  await tv.waitForText(`共 ${inIt.length} 项`)
  await tv.waitForChosenChip(category)
  await tv.waitForFocusedText(guide.name)
  tv.expectNoErrors()
})
