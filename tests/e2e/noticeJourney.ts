/**
 * The notice journey several engines' specs share: from the notice list, open a long notice among the
 * first rows, turn a page, Back to the list with the same notice focused, Back Home.
 */
import { expect } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { orderNotices } from '../../src/feed/selectors'
import { REGION, type Tv } from './tv'

/** The longest notice without pictures (whose host is not reachable here) among the first rows: several pages. */
export function longNoticeNearTop(): { summary: (typeof LINWU.index.notices)[number]; position: number } {
  const target = orderNotices(LINWU.index.notices, Date.now())
    .slice(0, 6)
    .map((summary, position) => ({ summary, position, detail: LINWU.notices[summary.id] }))
    .filter((c) => c.detail && !c.detail.body.some((b) => b.type === 'image'))
    .sort((a, b) => JSON.stringify(b.detail!.body).length - JSON.stringify(a.detail!.body).length)[0]
  expect(target, 'a multi-page notice among the first rows of the fixture').toBeDefined()
  return target!
}

/**
 * With the notice list shown and its first row focused: opens the long notice, checks it has pages,
 * turns one (screenshot `{screenshot}` of page 2), then Back, Back to Home.
 */
export async function readLongNoticeAndReturnHome(tv: Tv, screenshot: string): Promise<void> {
  const { summary, position } = longNoticeNearTop()
  await tv.press('Down', position)
  await tv.waitForFocusedText(summary.title.slice(0, 12))
  await tv.press('OK')
  const texts = await tv.waitForAllTexts(['第 1/', `发布机构：${summary.publisher}`])
  const pages = Number(/第 1\/(\d+) 页/.exec(texts.find((t) => t.startsWith('第 1/')) ?? '')?.[1])
  expect(pages).toBeGreaterThanOrEqual(2)
  await tv.press('PageDown')
  await tv.waitForText(`第 2/${pages} 页`)
  await tv.screenshot(screenshot)

  await tv.press('Back')
  await tv.waitForText('共 ')
  await tv.waitForFocusedText(summary.title.slice(0, 12))
  await tv.press('Back')
  await tv.waitForText(REGION.name)
}
