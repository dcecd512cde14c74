/**
 * The start path: the feed's index is asked for before the box spends its time making a WebGL context
 * (a few hundred ms of a blocked main thread on a software GL or a slow GPU process), so the download
 * runs while the context is made; and a new index is stored only once the screen has drawn it.
 */
import { afterEach, expect, inject, it } from 'vitest'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

/** Records when the page first asks any canvas for a WebGL context (the renderer probe or Lightning). */
const RECORD_FIRST_WEBGL = `(function () {
  var original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind) {
    if ((kind === 'webgl' || kind === 'experimental-webgl') && window.__firstWebglAt === undefined) window.__firstWebglAt = performance.now();
    return original.apply(this, arguments);
  };
})();`

it('asks for index.json before it makes the WebGL context', async () => {
  tv = await Tv.launch(baseUrl, { initScript: RECORD_FIRST_WEBGL })
  await tv.open('home')
  await tv.waitForText(REGION.name)
  const { requestedAt, webglAt } = await tv.page.evaluate(() => {
    const index = performance.getEntriesByType('resource').find((e) => e.name.indexOf('/index.json') >= 0)
    return { requestedAt: index?.startTime, webglAt: (window as unknown as { __firstWebglAt?: number }).__firstWebglAt }
  })
  expect(requestedAt).toBeTypeOf('number')
  expect(webglAt).toBeTypeOf('number')
  expect(requestedAt!).toBeLessThan(webglAt!)
  tv.expectNoErrors()
})

/** Records when the page first writes a stored index to IndexedDB (idb-keyval: store.put(value, key)). */
const RECORD_INDEX_WRITE = `(function () {
  var original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (typeof key === 'string' && /:index$/.test(key) && window.__indexWrittenAt === undefined) window.__indexWrittenAt = performance.now();
    return original.apply(this, arguments);
  };
})();`

it('draws the first content before it writes the new index to IndexedDB', async () => {
  tv = await Tv.launch(baseUrl, { initScript: RECORD_INDEX_WRITE })
  await tv.open('home')
  await tv.waitForText(REGION.name)
  await tv.page.waitForFunction(() => (window as unknown as { __indexWrittenAt?: number }).__indexWrittenAt !== undefined)
  const { firstContentAt, writtenAt } = await tv.page.evaluate(() => ({
    firstContentAt: performance.getEntriesByName('app:first-content')[0]?.startTime,
    writtenAt: (window as unknown as { __indexWrittenAt?: number }).__indexWrittenAt,
  }))
  expect(firstContentAt).toBeTypeOf('number')
  expect(writtenAt!).toBeGreaterThan(firstContentAt!)
  tv.expectNoErrors()
})
