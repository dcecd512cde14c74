/**
 * 通知公告: the list (pinned first, with a count and categories) and one notice read page by page.
 * Expected texts come from the mock feed (mocks/fixtures) through the app's own ordering rule.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { orderNotices } from '../../src/feed/selectors'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

/** Long titles are cut to one line with "…" by the app; the first characters identify a notice. */
const head = (title: string): string => title.slice(0, 12)

function orderedNotices() {
  return orderNotices(LINWU.index.notices, Date.now())
}

async function openNoticesFromHome(): Promise<Tv> {
  const t = await Tv.launch(baseUrl)
  await t.open('home')
  await t.waitForText(REGION.name)
  await t.waitForFocusedText('通知公告')
  await t.press('OK')
  await t.waitForText('共 ')
  return t
}

describe('通知公告', () => {
  it('opens from Home with pinned notices first, the count and the categories, focus on the first notice', async () => {
    tv = await openNoticesFromHome()
    const ordered = orderedNotices()
    expect(tv.page.url()).toMatch(/#notices$/)

    const categories = [...new Set(ordered.map((n) => n.category))]
    const texts = await tv.waitForAllTexts([`共 ${ordered.length} 条`, '全部', ...categories])
    expect(texts).toContain(`共 ${ordered.length} 条`)
    expect(await tv.chosenChips()).toEqual(['全部'])
    for (const category of categories) expect(texts).toContain(category)

    const first = ordered[0]!
    await tv.waitForFocusedText(head(first.title))
    const focused = await tv.focusedText()
    expect(focused).toContain(head(first.title))
    if (first.pinned) expect(focused).toContain('【置顶】')
    // Every pinned notice comes before every other one.
    const firstUnpinned = ordered.findIndex((n) => !n.pinned)
    expect(ordered.slice(firstUnpinned).some((n) => n.pinned)).toBe(false)

    await tv.press('Down')
    await tv.waitForFocusedText(head(ordered[1]!.title))
    await tv.screenshot('notices')

    await tv.press('Back')
    await tv.waitForText(REGION.name)
    await tv.waitForFocusedText('通知公告')
    tv.expectNoErrors()
  })

  it('opens a notice, pages its body and Back returns to the same focused item', async () => {
    const ordered = orderedNotices()
    // A notice a few rows down whose body runs over several pages and has no pictures (whose host is not reachable here).
    const candidates = ordered
      .map((summary, position) => ({ summary, position, detail: LINWU.notices[summary.id] }))
      .filter((c) => c.position > 0 && c.position < 6 && c.detail && !c.detail.body.some((b) => b.type === 'image'))
      .sort((a, b) => JSON.stringify(b.detail!.body).length - JSON.stringify(a.detail!.body).length)
    const chosen = candidates[0]
    expect(chosen, 'a multi-page notice among the first rows of the fixture').toBeDefined()
    const { summary, position } = chosen!

    tv = await openNoticesFromHome()
    await tv.press('Down', position)
    await tv.waitForFocusedText(head(summary.title))

    await tv.press('OK')
    const texts = await tv.waitForAllTexts(['第 1/', head(summary.title), `发布机构：${summary.publisher}`])
    expect(tv.page.url()).toMatch(new RegExp(`#notices/${summary.id}$`))
    expect(texts.some((t) => t.startsWith(head(summary.title)))).toBe(true)
    expect(texts.some((t) => t.includes(`发布机构：${summary.publisher}`))).toBe(true)
    const pages = Number(/第 1\/(\d+) 页/.exec(texts.find((t) => t.startsWith('第 1/')) ?? '')?.[1])
    expect(pages).toBeGreaterThanOrEqual(2)
    await tv.screenshot('notice-detail')

    await tv.press('PageDown')
    await tv.waitForText(`第 2/${pages} 页`)
    await tv.press('Down', pages) // past the end: stays on the last page
    await tv.waitForText(`第 ${pages}/${pages} 页`)
    await tv.press('PageUp')
    await tv.waitForText(`第 ${pages - 1}/${pages} 页`)

    await tv.press('Back')
    await tv.waitForText('共 ')
    expect(tv.page.url()).toMatch(/#notices$/)
    await tv.waitForFocusedText(head(summary.title))
    tv.expectNoErrors()
  })

  it('a deep link to a notice that does not exist says it cannot be opened, with 12345', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('notices/no-such-notice')
    const texts = await tv.waitForAllTexts(['这条通知暂时打不开', '12345'])
    expect(texts).toContain('这条通知暂时打不开')
    // The feed answers 404 for it; that request failing is the point of this test.
    tv.expectNoErrors([/^Failed to load resource: the server responded with a status of 404 \(Not Found\) https?:\/\/[^/]+\/feed\/v1\/regions\/\d+\/notices\/no-such-notice\.json$/])
  })
})
