/**
 * 问卷调查 on open-government day, with the remote: Home's poll card, an option chosen and confirmed, thanks
 * and the results as bars with the numbers in words; the box then says it has answered, and keeps only
 * that flag. A closed poll shows its results and no way to answer; one not yet open says when it opens; an
 * answer sent while offline says so, with 12345.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { indexKey } from '../../src/feed/cacheKeys'
import { POLL_ANSWERED_PREFIX } from '../../src/feed/polls'
import { failedResource, newProfile, REGION, removeProfile, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined
let profile: string | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
  if (profile) removeProfile(profile)
  profile = undefined
})

const GOV_DAY = LINWU.index.polls.find((p) => p.id === 'lw-p-2026-gov-day')!

/** Every poll request the page makes from here on, with its body. */
function recordPollRequests(t: Tv): Array<{ method: string; path: string; body: string | null }> {
  const seen: Array<{ method: string; path: string; body: string | null }> = []
  t.page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.includes('/v1/polls/')) seen.push({ method: request.method(), path: url.pathname + url.search, body: request.postData() })
  })
  return seen
}

/** localStorage as [key, value] pairs. */
function storage(t: Tv): Promise<[string, string][]> {
  return t.page.evaluate(() => Object.keys(localStorage).map((k): [string, string] => [k, localStorage.getItem(k) ?? '']))
}

/** Home, then Down to the cards row (我的村 first) and Right past 本月政策 to the poll card. */
async function pollCardFromHome(t: Tv): Promise<void> {
  await t.waitForText(REGION.name)
  await t.waitForFocusedText('通知公告')
  await t.waitForText('问卷调查：')
  await t.press('Down')
  await t.waitForFocusedText('我的村：')
  await t.press('Right')
  await t.waitForFocusedText('本月政策')
  await t.press('Right')
  await t.waitForFocusedText('问卷调查：')
}

describe('A poll open now', () => {
  it('Home → poll card → choose → confirm → thanks and results bars with numbers; reopened, it says already answered', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('home')
    await pollCardFromHome(tv)
    await tv.screenshot('home-poll-card')
    const requests = recordPollRequests(tv)
    await tv.press('OK')
    await tv.waitForAllTexts(['2026年政务公开主题日', '发布单位：临武县人民政府办公室', '参加时间：2026-11-16 08:00 至 2027-12-31 18:00', '匿名参加'])
    expect(await tv.page.evaluate(() => location.hash)).toBe(`#polls/${GOV_DAY.id}`)
    for (const option of GOV_DAY.options) await tv.waitForText(option.label)

    // Down to the third option, then back up to the first: focus moves, nothing is sent.
    await tv.waitForFocusedText('惠民补贴')
    await tv.press('Down', 2)
    await tv.waitForFocusedText('村务公开')
    await tv.press('Up', 2)
    await tv.waitForFocusedText('惠民补贴')
    // OK chooses and moves to 确认提交; the choice is marked in words.
    await tv.press('OK')
    await tv.waitForFocusedText('确认提交')
    await tv.waitForAllTexts(['您选的是“惠民补贴”', '● 已选'])
    expect(requests).toEqual([])
    await tv.screenshot('poll')

    // OK again sends it.
    await tv.press('OK')
    const texts = await tv.waitForAllTexts(['谢谢参与！', '调查结果：共 3,011 票', '惠民补贴 1,235 票，占 41%'])
    for (const line of ['办事指南 876 票，占 29%', '村务公开 602 票，占 20%', '招聘就业 298 票，占 10%']) expect(texts).toContain(line)
    expect(texts).not.toContain('确认提交')
    await tv.screenshot('poll-results')

    // One POST with only the option in it; the results came with the 201, no second request.
    expect(requests).toEqual([{ method: 'POST', path: `/api/v1/polls/${GOV_DAY.id}/answers`, body: '{"optionId":"subsidy"}' }])
    // The box keeps one flag for the poll, never the option.
    const kept = await storage(tv)
    expect(kept.filter(([k]) => k.startsWith(POLL_ANSWERED_PREFIX))).toEqual([[`${POLL_ANSWERED_PREFIX}${GOV_DAY.id}`, '1']])
    expect(JSON.stringify(kept)).not.toMatch(/subsidy|惠民补贴/)

    // Back to Home (the poll card keeps focus), and in again: answered, with the results read afresh.
    await tv.press('Back')
    await tv.waitForFocusedText('问卷调查：')
    await tv.press('OK')
    await tv.waitForAllTexts(['您已参加过这次调查', '惠民补贴 1,235 票，占 41%'])
    expect(await tv.page.locator('[ref="Option0"]').count()).toBe(0)
    expect(requests.slice(1)).toEqual([{ method: 'GET', path: `/api/v1/polls/${GOV_DAY.id}/results`, body: null }])
    tv.expectNoErrors()
  })
})

describe('Polls that are not open', () => {
  it('a closed poll (deep link) shows its dates and results, and no way to answer', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('polls/lw-p-2026-bus')
    const texts = await tv.waitForAllTexts(['这次调查已于 2026-09-30 18:00 结束，不再接受回答。', '调查结果：共 3,700 票', '满意 2,046 票，占 55%'])
    for (const line of ['基本满意 1,187 票，占 32%', '不满意 315 票，占 9%', '说不清 152 票，占 4%']) expect(texts).toContain(line)
    expect(await tv.page.locator('[ref="Option0"]').count()).toBe(0)
    await tv.press('OK')
    await tv.press('Down')
    expect(await tv.texts()).not.toContain('确认提交')
    expect((await storage(tv)).filter(([k]) => k.startsWith(POLL_ANSWERED_PREFIX))).toEqual([])
    tv.expectNoErrors()
  })

  it('a poll not open yet says from when, and takes no answer', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('polls/lw-p-2028-projects')
    await tv.waitForAllTexts(['这次调查还没开始，2027-11-01 08:00 起可以参加。', '参加时间：2027-11-01 08:00 至 2027-11-30 18:00'])
    expect(await tv.page.locator('[ref="Option0"]').count()).toBe(0)
    expect((await tv.texts()).some((t) => t.includes('票，占'))).toBe(false)
    tv.expectNoErrors()
  })
})

describe('On a box without WebGL', () => {
  it('draws a closed poll and its bars on canvas2d', async () => {
    tv = await Tv.launch(baseUrl, { extraArgs: ['--disable-webgl'] })
    await tv.open('polls/lw-p-2026-bus')
    await tv.waitForAllTexts(['这次调查已于 2026-09-30 18:00 结束，不再接受回答。', '满意 2,046 票，占 55%'])
    expect(await tv.renderer()).toBe('canvas2d')
    // The bars' fill is on the canvas, beside the words that say the same.
    const fill = await tv.colourArea(0x7cc4ff, 4)
    expect(fill?.pixels ?? 0).toBeGreaterThan(1000)
    await tv.screenshot('poll-closed-canvas2d')
    tv.expectNoErrors()
  })
})

describe('Offline', () => {
  it('an answer sent with the network gone says so, with 12345, and is not remembered', async () => {
    profile = newProfile()
    tv = await Tv.launch(baseUrl, { profile })
    await tv.open('home')
    await tv.waitForText(REGION.name)
    await tv.waitForCached(indexKey(REGION.code))
    await tv.close()

    tv = await Tv.launch(baseUrl, { profile })
    await tv.open('home', { scenario: 'offline' })
    await pollCardFromHome(tv)
    await tv.press('OK')
    await tv.waitForFocusedText('惠民补贴')
    await tv.press('2') // the second option's digit chooses it
    await tv.waitForAllTexts(['您选的是“办事指南”'])
    await tv.waitForFocusedText('确认提交')
    await tv.press('OK')
    // The side panel breaks the sentence over lines: read it as one.
    await tv.waitForText('网络未连接，暂时提交不了')
    expect((await tv.texts()).join('').replace(/\n/g, '')).toContain('网络未连接，暂时提交不了。急事请拨打 12345。')
    // Still on the poll, the answer can be sent again once the network is back.
    expect(await tv.focusedText()).toContain('确认提交')
    expect((await storage(tv)).filter(([k]) => k.startsWith(POLL_ANSWERED_PREFIX))).toEqual([])
    await tv.screenshot('poll-offline')
    tv.expectNoErrors([failedResource(`feed/v1/regions/${REGION.code}/`), failedResource(`api/v1/polls/${GOV_DAY.id}/answers`)])
  })
})
