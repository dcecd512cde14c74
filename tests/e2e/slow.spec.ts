/**
 * A slow network with a warm cache: the saved content is on screen before the refresh comes back.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { indexKey } from '../../src/feed/cacheKeys'
import { newProfile, REGION, removeProfile, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined
let profile: string | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
  if (profile) removeProfile(profile)
  profile = undefined
})

/** Resource Timing entries of index.json requests that have completed, as [startTime, responseEnd]. */
const indexFetchesDone = `performance.getEntriesByType('resource')
  .filter(function (e) { return e.name.indexOf('/index.json') >= 0 })
  .map(function (e) { return [e.startTime, e.responseEnd] })`

it('with a warm cache on a slow network, shows the saved content before the slow refresh completes', async () => {
  profile = newProfile()
  tv = await Tv.launch(baseUrl, { profile })
  await tv.open('home')
  await tv.waitForText(REGION.name)
  await tv.waitForCached(indexKey(REGION.code))
  tv.expectNoErrors()
  await tv.close()

  tv = await Tv.launch(baseUrl, { profile })
  // ~2 s round trips at ~40 KB/s, as on a congested cable return path; the scenario adds 3 s per feed request.
  await tv.emulateNetwork({ latencyMs: 2000, kbPerSecond: 40 })
  await tv.open('home', { scenario: 'slow' })
  await tv.waitForText(REGION.name, 45_000)

  // On screen, and the refresh of index.json has not come back yet.
  expect(await tv.page.evaluate<[number, number][]>(indexFetchesDone)).toEqual([])
  const firstContent = await tv.mark('app:first-content')
  expect(firstContent).toBeDefined()

  // Then the refresh completes, after the content was already shown.
  await tv.waitOrExplain('the index.json refresh to complete', 30_000, `(${indexFetchesDone}).length > 0`)
  const [[, responseEnd] = [0, 0]] = await tv.page.evaluate<[number, number][]>(indexFetchesDone)
  expect(firstContent!).toBeLessThan(responseEnd)
  await tv.waitForText('更新于')
  tv.expectNoErrors()
})
