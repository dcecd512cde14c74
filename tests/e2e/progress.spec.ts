/**
 * 办事进度: an application number and a verification code typed with the remote, the answer as a
 * status in words and a timeline, personal data masked and forgotten on leaving. The lookup is a POST
 * to one fixed address: neither the number nor the code ever appears in a URL the browser requests.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { PROGRESS_FIXTURES } from '../../mocks/fixtures'
import { REGION, Tv, type RemoteKey } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

const submitted = PROGRESS_FIXTURES.find((f) => f.record.status === 'submitted')!

async function typeDigits(t: Tv, digits: string): Promise<void> {
  for (const digit of digits) await t.press(digit as RemoteKey)
}

async function openProgressFromHome(): Promise<Tv> {
  const t = await Tv.launch(baseUrl)
  await t.open('home')
  await t.waitForText(REGION.name)
  await t.focusHomeTile('办事进度')
  await t.press('OK')
  await t.waitForText('受理编号')
  expect(t.page.url()).toMatch(/#progress$/)
  return t
}

/** The keypad's last key (下一项 / 查询) is bottom right: three down and two right of "1". */
async function pressSubmitKey(t: Tv): Promise<void> {
  await t.press('Down', 3)
  await t.press('Right', 2)
  await t.press('OK')
}

/** Every URL the page requests from here on, with the method and body of each lookup. */
function recordRequests(t: Tv): Array<{ method: string; url: string; body: string | null }> {
  const seen: Array<{ method: string; url: string; body: string | null }> = []
  t.page.on('request', (request) => seen.push({ method: request.method(), url: request.url(), body: request.postData() }))
  return seen
}

it('looks up an application typed with the digit keys and shows its status, masked applicant and timeline', async () => {
  tv = await openProgressFromHome()
  const requests = recordRequests(tv)
  const { applicationNo, applicant, itemName } = submitted.record

  await typeDigits(tv, applicationNo)
  await tv.waitForText(`▶ ${applicationNo}_`)
  await pressSubmitKey(tv) // 下一项: on to the code, and the key now reads 查询
  expect(await tv.waitForAllTexts(['▶ _'])).toContain('查询')
  await typeDigits(tv, submitted.code)
  // The code is never shown as typed: one dot per digit.
  await tv.waitForText(`▶ ${'●'.repeat(submitted.code.length)}_`)
  const texts = await tv.texts()
  expect(texts.some((t) => t.includes(submitted.code))).toBe(false)

  await tv.press('OK') // 查询 (focus is still on the last key)
  const answer = await tv.waitForAllTexts(['已提交', `办理事项：${itemName}`, `申请人：${applicant}`, '个人信息不会保存在电视上'])
  expect(answer).toContain('已提交')
  expect(answer.join('\n')).toContain(`办理事项：${itemName}`)
  expect(answer.join('\n')).toContain(`申请人：${applicant}`)
  expect(answer).toContain('个人信息不会保存在电视上')
  await tv.screenshot('progress')

  const lookups = requests.filter((r) => r.url.includes('/api/'))
  expect(lookups.map((r) => [r.method, new URL(r.url).pathname + new URL(r.url).search])).toEqual([['POST', '/api/v1/applications/lookup']])
  expect(JSON.parse(lookups[0]?.body ?? 'null')).toEqual({ applicationNo, code: submitted.code })
  for (const r of requests) {
    expect(r.url).not.toContain(submitted.code)
    expect(r.url).not.toContain(applicationNo)
  }
  tv.expectNoErrors()
})

it('a wrong verification code says so and empties the code', async () => {
  tv = await openProgressFromHome()
  await typeDigits(tv, submitted.record.applicationNo)
  await pressSubmitKey(tv)
  const wrong = submitted.code === '000000' ? '111111' : '000000'
  await typeDigits(tv, wrong)
  await tv.press('OK')
  const texts = await tv.waitForAllTexts(['查询密码不对，请核对后重新输入', '▶ _'])
  expect(texts).not.toContain('已提交')
  // The code field is empty and still the active one, ready for another try; the number stays.
  expect(texts).toContain('▶ _')
  expect(texts).toContain(submitted.record.applicationNo)
  // The service answers 403 for a wrong code: that failed request is the point of this test. The browser
  // prints its address in the console, which is why neither the number nor the code may be in it.
  tv.expectNoErrors([/^Failed to load resource: the server responded with a status of 403 \(Forbidden\) https?:\/\/[^/]+\/api\/v1\/applications\/lookup$/])
})

it('leaving 办事进度 forgets the number that was typed', async () => {
  tv = await openProgressFromHome()
  const { applicationNo } = submitted.record
  await typeDigits(tv, applicationNo)
  await tv.waitForText(`▶ ${applicationNo}_`)

  await tv.press('Back')
  await tv.waitForText(REGION.name)
  await tv.waitForFocusedText('办事进度')
  await tv.press('OK')
  await tv.waitForText('受理编号')
  expect((await tv.texts()).some((t) => t.includes(applicationNo))).toBe(false)
  tv.expectNoErrors()
})
