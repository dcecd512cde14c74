/**
 * 请工作人员联系我: from Home's 预约帮办 tile or a 帮代办 / 上门办 guide's button to a form driven by the remote
 * (a phone typed on the digit keys, masked once entered; a township and village; a preferred time; 提交),
 * and every answer in words. The phone never reaches an address, localStorage, IndexedDB or the session,
 * and is forgotten when the form is left; a second request for the same guide within the hour is refused
 * on the box. Without assistApiUrl in settings the feature is not there at all.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { ASSIST_CLOSED_MESSAGE, ASSIST_NEXT_STEP, ASSIST_TEST_PHONES } from '../../mocks/fixtures/assist'
import { assistGuides } from '../../src/feed/assist'
import { indexKey } from '../../src/feed/cacheKeys'
import { failedResource, REGION, Tv, type RemoteKey } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

const PHONE = '13912345678'
const FIRST = assistGuides(LINWU.index)[0]!
const SHUNFENG = LINWU.index.townships![0]!
const VILLAGE = SHUNFENG.villages[0]!
const LOW_INCOME = LINWU.index.guides.find((g) => g.id === 'lw-g07')!
const ONLY_PROXY = LINWU.index.guides.find((g) => g.tags.includes('帮代办') && !g.tags.includes('上门办'))!
const NO_HELP = LINWU.index.guides.find((g) => !g.tags.includes('帮代办') && !g.tags.includes('上门办'))!
const REQUESTS = 'api/v1/assist-requests'

/** Waits for words that a wrapped text may carry over several lines. */
function waitForWords(t: Tv, words: string): Promise<void> {
  const wanted = JSON.stringify(words)
  return t.waitOrExplain(`words ${wanted} on screen`, 20_000, `window.__tv.texts().some(function (s) { return s.replace(/\\n/g, '').indexOf(${wanted}) >= 0 })`)
}

async function typeDigits(t: Tv, digits: string): Promise<void> {
  for (const digit of digits) await t.press(digit as RemoteKey)
}

/** Every URL the page requests from here on, with the method and body of each. */
function recordRequests(t: Tv): Array<{ method: string; url: string; body: string | null }> {
  const seen: Array<{ method: string; url: string; body: string | null }> = []
  t.page.on('request', (request) => seen.push({ method: request.method(), url: request.url(), body: request.postData() }))
  return seen
}

/**
 * Fills the form from its first row: the phone (shown as typed, in groups), OK (now masked), the first
 * township (Right), OK, its first village, OK, the preferred time (Left from 都可以: 下午), OK: focus is
 * then on 提交.
 */
async function fillForm(t: Tv, phone: string): Promise<void> {
  await t.waitForText('联系电话')
  await typeDigits(t, phone)
  await t.waitForText(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}_`)
  await t.press('OK')
  await t.waitForText(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
  expect((await t.texts()).some((text) => text.includes(phone.slice(3, 7)))).toBe(false)
  await t.press('Right')
  await t.waitForText(`◀ ${SHUNFENG.name} ▶`)
  await t.press('OK')
  await t.press('Right')
  await t.waitForText(`◀ ${VILLAGE.name} ▶`)
  await t.press('OK')
  await t.press('Left')
  await t.waitForChosenChip('下午')
  await t.press('OK')
  await t.waitForText('核对无误后，按确认键提交')
}

/** Everything the page keeps: URL, history state, both storages, cookies and every IndexedDB record. */
async function keptByThePage(t: Tv): Promise<string> {
  const expression = `(async function () {
    var out = [location.href, JSON.stringify(history.state), document.cookie]
    for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); out.push(k + '=' + localStorage.getItem(k)) }
    for (var j = 0; j < sessionStorage.length; j++) { var s = sessionStorage.key(j); out.push(s + '=' + sessionStorage.getItem(s)) }
    var dbs = await indexedDB.databases()
    for (var d = 0; d < dbs.length; d++) {
      var db = await new Promise(function (ok, fail) { var r = indexedDB.open(dbs[d].name); r.onsuccess = function () { ok(r.result) }; r.onerror = function () { fail(r.error) } })
      var names = Array.prototype.slice.call(db.objectStoreNames)
      for (var n = 0; n < names.length; n++) {
        var store = db.transaction(names[n], 'readonly').objectStore(names[n])
        var rows = await Promise.all([store.getAllKeys(), store.getAll()].map(function (q) {
          return new Promise(function (ok) { q.onsuccess = function () { ok(q.result) }; q.onerror = function () { ok([]) } })
        }))
        out.push(dbs[d].name + '/' + names[n] + ' ' + JSON.stringify(rows))
      }
      db.close()
    }
    return out.join('\\n')
  })()`
  return t.page.evaluate<string>(expression)
}

it('Home → 预约帮办 → a guide → the form: the phone typed, masked, a village, a time, 提交 → the reference number; a second request is refused kindly; nothing of the phone is kept', async () => {
  tv = await Tv.launch(baseUrl)
  const requests = recordRequests(tv)
  await tv.open('home')
  await tv.waitForText(REGION.name)
  await tv.waitForFocusedText('通知公告')
  await tv.focusHomeTile('预约帮办')
  await tv.press('OK')
  await tv.waitForText(`共 ${assistGuides(LINWU.index).length} 项`)
  expect(tv.page.url()).toMatch(/#assist$/)
  await tv.waitForFocusedText(FIRST.name)
  await tv.press('OK')
  await tv.waitForAllTexts(['联系电话', `事项：${FIRST.name}`, '不会保存在电视上'])
  expect(tv.page.url()).toMatch(new RegExp(`#assist/${FIRST.id}$`))

  // While typed the digits show, grouped, so the person can check them; once entered they are masked.
  await fillForm(tv, PHONE)
  await tv.screenshot('assist')
  await tv.press('OK')

  const done = await tv.waitForAllTexts(['✓ 已提交', '编号', ASSIST_NEXT_STEP, '请记下这个编号。如有疑问，请拨打 12345'])
  const reference = done.find((t) => /^LW-\d{8}-\d{4}$/.test(t))
  expect(reference).toBeDefined()
  await tv.screenshot('assist-accepted')

  const sent = requests.filter((r) => r.url.includes('/api/'))
  expect(sent.map((r) => [r.method, new URL(r.url).pathname + new URL(r.url).search])).toEqual([['POST', `/${REQUESTS}`]])
  expect(JSON.parse(sent[0]?.body ?? 'null')).toEqual({
    regionCode: REGION.code,
    guideId: FIRST.id,
    phone: PHONE,
    township: SHUNFENG.code,
    village: VILLAGE.code,
    preferredTime: 'afternoon',
  })

  // Back to the list and the same guide again: refused on the box, nothing sent.
  await tv.press('Back')
  await tv.waitForFocusedText(FIRST.name)
  await tv.press('OK')
  await tv.waitForText('这项服务您已经提交过了')
  await waitForWords(tv, '一小时内不用再次提交')
  expect((await tv.texts()).some((t) => t.includes('联系电话'))).toBe(false)
  expect(requests.filter((r) => r.url.includes('/api/'))).toHaveLength(1)

  // What the box keeps: the flag (guide and time) and the feed; never the number, nor its last digits.
  const kept = await keptByThePage(tv)
  expect(kept).toContain(`gov-affairs-tv:assist-sent:v1={"${FIRST.id}":`)
  expect(kept).not.toContain(PHONE)
  expect(kept).not.toContain(PHONE.slice(3))
  expect(kept).not.toContain(reference!)
  for (const r of requests) expect(r.url).not.toContain(PHONE.slice(3))
  tv.expectNoErrors()
})

it('a rate-limited request and a closed day are said in words, with 12345, and the form stays to try again', async () => {
  tv = await Tv.launch(baseUrl)
  await tv.open(`assist/${LOW_INCOME.id}`)
  await tv.waitForText(`事项：${LOW_INCOME.name}`)
  await fillForm(tv, ASSIST_TEST_PHONES.rateLimited)
  await tv.press('OK')
  await waitForWords(tv, '提交太频繁了，请 5 分钟后再试。急事请拨打 12345')
  expect((await tv.texts()).some((t) => t.includes('已提交'))).toBe(false)

  // Up to the phone, Left deletes, another number, down to 提交 again.
  await tv.press('Up', 4)
  await tv.waitForText('138 0000 0429_')
  await tv.press('Left', 11)
  await tv.waitForTextGone('138 0')
  await typeDigits(tv, ASSIST_TEST_PHONES.closed)
  await tv.press('Down', 4)
  await tv.press('OK')
  await waitForWords(tv, '今天暂不受理这项请求，2026-12-07 起可以再提交。急事请拨打 12345')
  await waitForWords(tv, ASSIST_CLOSED_MESSAGE)
  tv.expectNoErrors([failedResource(REQUESTS, 429), failedResource(REQUESTS, 423)])
})

it('offline: the saved guide still opens the form, and sending says there is no network and to call 12345', async () => {
  tv = await Tv.launch(baseUrl)
  await tv.open('home')
  await tv.waitForText(REGION.name)
  await tv.waitForCached(indexKey(REGION.code))
  await tv.open(`assist/${LOW_INCOME.id}`, { scenario: 'offline' })
  await tv.waitForText(`事项：${LOW_INCOME.name}`)
  await fillForm(tv, PHONE)
  await tv.press('OK')
  await waitForWords(tv, '网络没有连接，请求没有发出。请拨打 12345，请工作人员联系您')
  expect((await tv.texts()).some((t) => t.includes('正在提交'))).toBe(false)
  tv.expectNoErrors([failedResource(`feed/v1/regions/${REGION.code}/`), failedResource(REQUESTS)])
})

it('a 帮代办 guide has the button (Up on the first page); the form it opens forgets the phone when left', async () => {
  tv = await Tv.launch(baseUrl)
  await tv.open(`guides/${ONLY_PROXY.id}`)
  await tv.waitForAllTexts(['第 1/', '请工作人员联系我', '第 1 页按上键选中'])
  await tv.press('Up')
  await tv.waitForFocusedText('请工作人员联系我')
  await tv.screenshot('guide-assist-button')
  await tv.press('OK')
  await tv.waitForText(`事项：${ONLY_PROXY.name}`)
  expect(tv.page.url()).toMatch(new RegExp(`#assist/${ONLY_PROXY.id}$`))
  await typeDigits(tv, PHONE)
  await tv.waitForText('139 1234 5678_')

  // Back to the guide, focus on the button it was opened from; the form comes back empty.
  await tv.press('Back')
  await tv.waitForFocusedText('请工作人员联系我')
  expect(tv.page.url()).toMatch(new RegExp(`#guides/${ONLY_PROXY.id}$`))
  await tv.press('OK')
  await tv.waitForText(`事项：${ONLY_PROXY.name}`)
  const texts = await tv.texts()
  expect(texts).toContain('_')
  expect(texts.some((t) => /139|5678/.test(t))).toBe(false)
  const kept = await keptByThePage(tv)
  expect(kept).not.toContain(PHONE.slice(3))
  expect(kept).not.toContain('assist-sent')

  // #assist opens the list directly.
  await tv.open('assist')
  await tv.waitForAllTexts(['请工作人员联系我', `共 ${assistGuides(LINWU.index).length} 项`])

  // A guide without 帮代办 or 上门办 has no button.
  await tv.open(`guides/${NO_HELP.id}`)
  await tv.waitForText('第 1/')
  expect((await tv.texts()).some((t) => t.includes('请工作人员联系我'))).toBe(false)
  tv.expectNoErrors()
})

it('on canvas2d (no WebGL) the form draws, focus shows in the pixels, and moving between rows draws no text', async () => {
  const countTextDraws = `(function () {
    window.__textDraws = 0;
    var fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function () { window.__textDraws++; return fillText.apply(this, arguments); };
  })();`
  tv = await Tv.launch(baseUrl, { extraArgs: ['--disable-webgl'], initScript: countTextDraws })
  await tv.open(`assist/${LOW_INCOME.id}`)
  await tv.waitForAllTexts([`事项：${LOW_INCOME.name}`, '联系电话'])
  expect(await tv.renderer()).toBe('canvas2d')
  await typeDigits(tv, PHONE)
  await tv.press('OK')
  await tv.waitForText('139****5678')
  // The township row's outline is the focus yellow.
  const focus = await tv.colourArea(0xffd21f)
  expect(focus?.pixels ?? 0).toBeGreaterThan(1000)
  await tv.nextFrame()
  await tv.page.waitForTimeout(500)
  const before = await tv.page.evaluate<number>('window.__textDraws')
  // Township → time → township → time: outlines and tints only, the same hint.
  for (const key of ['Down', 'Up', 'Down', 'Up'] as const) await tv.press(key)
  await tv.nextFrame()
  expect((await tv.page.evaluate<number>('window.__textDraws')) - before).toBe(0)
  tv.expectNoErrors()
})

it('without assistApiUrl in settings there is no tile, no button and no #assist: never a broken screen', async () => {
  tv = await Tv.launch(baseUrl)
  await tv.page.route('**/settings.json', async (route) => {
    const response = await route.fetch()
    const { assistApiUrl: _gone, ...settings } = (await response.json()) as Record<string, unknown>
    await route.fulfill({ response, json: settings })
  })
  await tv.open('home')
  await tv.waitForAllTexts([REGION.name, '关于本机'])
  expect((await tv.texts()).some((t) => t.includes('预约帮办'))).toBe(false)
  // Right stops at the last tile: 关于本机, with no 预约帮办 in the row.
  await tv.press('Right', 10)
  await tv.waitForFocusedText('关于本机')

  await tv.open(`guides/${LOW_INCOME.id}`)
  await tv.waitForText('第 1/')
  expect((await tv.texts()).some((t) => t.includes('请工作人员联系我'))).toBe(false)

  await tv.open(`assist/${LOW_INCOME.id}`)
  await tv.waitForText('没有这个页面')
  tv.expectNoErrors()
})
