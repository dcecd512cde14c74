/**
 * 常见问题: from Home to a topic, an answer and back; search with the remote's digits (narrow, delete,
 * nothing found); a deep link to a topic and to an answer; the saved topic offline; the same on canvas2d.
 * Expected texts and counts come from the mock feed (mocks/fixtures/linwu/faq.ts); the counts are worked
 * out here by reading every question's initials, not by the app's search code.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { faqTopicKey } from '../../src/feed/cacheKeys'
import { failedResource, newProfile, REGION, removeProfile, Tv } from './tv'

const baseUrl = inject('baseUrl')
const FAQ = LINWU.faq!
let tv: Tv | undefined
let profile: string | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
  if (profile) removeProfile(profile)
  profile = undefined
})

const KEYS: Record<string, string> = { a: '2', b: '2', c: '2', d: '3', e: '3', f: '3', g: '4', h: '4', i: '4', j: '5', k: '5', l: '5', m: '6', n: '6', o: '6', p: '7', q: '7', r: '7', s: '7', t: '8', u: '8', v: '8', w: '9', x: '9', y: '9', z: '9' }
const digitsOf = (initials: string): string => [...initials].map((c) => KEYS[c] ?? '').join('')
/** How many of 全部's questions hold `digits` at consecutive characters. */
const found = (digits: string): number => FAQ.search.questions.filter((q) => digitsOf(q.initials ?? '').includes(digits)).length
const topic = (id: string) => FAQ.shards[id]!

async function openFaqFromHome(t: Tv): Promise<void> {
  await t.open('home')
  await t.waitForText(REGION.name)
  await t.waitForFocusedText('通知公告')
  await t.focusHomeTile('常见问题')
  await t.press('OK')
  await t.waitForText(`共 ${FAQ.search.questions.length} 个问题`)
}

describe('常见问题', () => {
  it('opens from Home, chooses a topic, opens an answer, and Back returns to the same question', async () => {
    tv = await Tv.launch(baseUrl)
    await openFaqFromHome(tv)
    expect(tv.page.url()).toMatch(/#faq$/)
    const texts = await tv.waitForAllTexts(['全部', ...FAQ.topics.map((t) => t.name), '按数字键搜索拼音首字母', '2=ABC'])
    expect(texts).toContain('全部')
    expect(await tv.chosenChips()).toEqual(['全部'])
    await tv.waitForFocusedText(FAQ.search.questions[0]!.question)
    await tv.screenshot('faq')

    // Up to the topics, two to the right: 医保.
    await tv.press('Up')
    await tv.press('Right', 2)
    const yibao = topic('yibao')
    await tv.waitForChosenChip('医保')
    await tv.waitForText(`共 ${yibao.questions.length} 个问题`)
    await tv.press('Down')
    await tv.waitForFocusedText(yibao.questions[0]!.question)
    await tv.press('Down')
    const chosen = yibao.questions[1]!
    await tv.waitForFocusedText(chosen.question)

    await tv.press('OK')
    const entry = FAQ.entries[chosen.id]!
    const page = await tv.waitForAllTexts([chosen.question, `答复单位：${entry.department}`, '第 1/'])
    expect(tv.page.url()).toMatch(new RegExp(`#faq/entry/${chosen.id}$`))
    expect(page.some((t) => t.includes('待遇等待期'))).toBe(true)
    await tv.screenshot('faq-entry')

    await tv.press('Back')
    await tv.waitForChosenChip('医保')
    await tv.waitForFocusedText(chosen.question)
    expect(tv.page.url()).toMatch(/#faq$/)
    tv.expectNoErrors()
  })

  it('narrows the list as digits are typed, widens it on delete, says 没有找到 with a hint, and Back with nothing typed leaves', async () => {
    tv = await Tv.launch(baseUrl)
    await openFaqFromHome(tv)
    const all = FAQ.search.questions.length

    // 医保 is YB: 9 2.
    await tv.press('9')
    await tv.waitForText(`找到 ${found('9')} 个问题`)
    await tv.press('2')
    await tv.waitForTypedDigits('92')
    await tv.waitForAllTexts([`找到 ${found('92')} 个问题`, '城乡居民医保怎么缴费？'])
    expect(found('92')).toBeLessThan(found('9'))
    // 医保怎么 (YBZM): fewer still, and the question is among them.
    await tv.press('9')
    await tv.press('6')
    await tv.waitForTypedDigits('9296')
    const texts = await tv.waitForAllTexts([`找到 ${found('9296')} 个问题`, '城乡居民医保怎么缴费？'])
    expect(found('9296')).toBeLessThan(found('92'))
    expect(texts.some((t) => t.includes('门诊慢特病'))).toBe(false)
    await tv.screenshot('faq-search')

    // 0 deletes one digit, Back another: the list widens again.
    await tv.press('0')
    await tv.waitForTypedDigits('929')
    await tv.waitForText(`找到 ${found('929')} 个问题`)
    await tv.press('Back')
    await tv.waitForText(`找到 ${found('92')} 个问题`)
    expect(tv.page.url()).toMatch(/#faq$/)

    // Nothing holds 2222: 没有找到, and how to go on.
    await tv.press('2', 4)
    expect(found('922222')).toBe(0)
    await tv.waitForAllTexts(['没有找到', '少输几位试试', '12345'])
    await tv.screenshot('faq-none')

    await tv.press('Back', 6)
    await tv.waitForText(`共 ${all} 个问题`)
    await tv.press('Back')
    await tv.waitForText(REGION.name)
    await tv.waitForFocusedText('常见问题')
    tv.expectNoErrors()
  })

  it('opens a topic from a deep link (#faq/huji) and an answer from another (#faq/entry/{id})', async () => {
    tv = await Tv.launch(baseUrl)
    const huji = topic('huji')
    await tv.open('faq/huji')
    await tv.waitForChosenChip('户籍')
    await tv.waitForText(`共 ${huji.questions.length} 个问题`)
    await tv.waitForFocusedText(huji.questions[0]!.question)
    // Search stays inside the open topic: 身份证 is SFZ, 7 3 9.
    await tv.press('7')
    await tv.press('3')
    await tv.press('9')
    const inTopic = huji.questions.filter((q) => digitsOf(q.initials ?? '').includes('739')).length
    await tv.waitForText(`找到 ${inTopic} 个问题`)
    await tv.waitForFocusedText('身份证')

    await tv.open('faq/entry/lw-faq-hj-01')
    await tv.waitForAllTexts(['新生儿怎么落户？', '出生医学证明', '第 1/'])
    tv.expectNoErrors()
  })

  it('offline after one visit, shows the saved topic', async () => {
    profile = newProfile()
    tv = await Tv.launch(baseUrl, { profile })
    await tv.open('faq/yibao')
    await tv.waitForText('城乡居民医保怎么缴费？')
    await tv.waitForCached(faqTopicKey(REGION.code, 'yibao'))
    tv.expectNoErrors()
    await tv.close()

    tv = await Tv.launch(baseUrl, { profile })
    await tv.open('faq/yibao', { scenario: 'offline' })
    await tv.waitForChosenChip('医保')
    await tv.waitForAllTexts([`共 ${topic('yibao').questions.length} 个问题`, '城乡居民医保怎么缴费？'])
    await tv.waitForText('离线')
    tv.expectNoErrors([failedResource(`feed/v1/regions/${REGION.code}/`)])
  })

  it('with no network and nothing saved, says so with 12345 instead of loading for ever', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('faq', { scenario: 'offline' })
    await tv.waitForAllTexts(['常见问题暂时打不开', '12345'])
    tv.expectNoErrors([failedResource(`feed/v1/regions/${REGION.code}/`)])
  })

  it('without a WebGL context (canvas2d): lists, searches and opens an answer', async () => {
    tv = await Tv.launch(baseUrl, { extraArgs: ['--disable-webgl'] })
    await tv.open('faq')
    await tv.waitForText(`共 ${FAQ.search.questions.length} 个问题`)
    expect(await tv.renderer()).toBe('canvas2d')
    await tv.press('9')
    await tv.press('2')
    await tv.waitForText(`找到 ${found('92')} 个问题`)
    await tv.screenshot('faq-canvas2d')
    await tv.press('OK')
    await tv.waitForText('第 1/')
    tv.expectNoErrors()
  })
})
