/** A wrong settings file stops the app with a message that names the field, for the field engineer. */
import { afterEach, expect, inject, it } from 'vitest'
import { Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

it('a settings file with a wrong regionCode shows a boot error naming regionCode', async () => {
  tv = await Tv.launch(baseUrl)
  await tv.page.route('**/settings.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ feedBaseUrl: 'feed', progressApiUrl: 'api', regionCode: '12' }),
    }),
  )
  await tv.open('home', { waitFor: 'nothing' })
  const error = tv.page.getByTestId('boot-error')
  await error.waitFor({ timeout: 15_000 })
  const text = await error.innerText()
  expect(text).toContain('设置文件有误')
  expect(text).toContain('regionCode')
  expect(text).toContain('"12"')
  // Lightning never started: no stage behind the message.
  expect(await tv.page.locator('[data-testid="stage"]').count()).toBe(0)
  // The app logs the same message to the console, on purpose (bootError.ts): that one error is expected.
  tv.expectNoErrors([/^设置文件有误: 字段“regionCode”/])
  expect(tv.errors.filter((e) => e.text.includes('regionCode'))).toHaveLength(1)
})
