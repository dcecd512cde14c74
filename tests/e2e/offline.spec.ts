/**
 * The box was online once, then the network went away: after a restart it still shows what it saved,
 * and says it is offline.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { indexKey } from '../../src/feed/cacheKeys'
import { failedResource, newProfile, REGION, removeProfile, Tv } from './tv'

const baseUrl = inject('baseUrl')
const noticeTitles = LINWU.index.notices.map((n) => n.title)
let tv: Tv | undefined
let profile: string | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
  if (profile) removeProfile(profile)
  profile = undefined
})

it('after one online visit, an offline restart shows the saved region and notices with the 离线 badge', async () => {
  profile = newProfile()

  // Online visit: the index arrives from the feed and is written to IndexedDB.
  tv = await Tv.launch(baseUrl, { profile })
  await tv.open('home')
  await tv.waitForText(REGION.name)
  const title = await tv.waitForAnyText(noticeTitles)
  await tv.waitForCached(indexKey(REGION.code))
  tv.expectNoErrors()
  await tv.close()

  // Restart with the same profile; every feed and API request now fails as on a dead network.
  tv = await Tv.launch(baseUrl, { profile })
  await tv.open('home', { scenario: 'offline' })
  await tv.waitForAllTexts([REGION.name, title])
  // The background refresh (spread over up to 3 s after start) fails, and the badge says so.
  const texts = await tv.waitForAllTexts(['离线', '更新于'])
  expect(texts.some((t) => t.startsWith('离线'))).toBe(true)
  // The strip still tells when the content was last confirmed.
  expect(texts.some((t) => t.startsWith('更新于'))).toBe(true)
  expect(texts).not.toContain('暂时连不上政务服务')

  await tv.screenshot('offline')
  // Failed feed requests are what "offline" means here; nothing else may fail.
  tv.expectNoErrors([failedResource(`feed/v1/regions/${REGION.code}/`)])
})
