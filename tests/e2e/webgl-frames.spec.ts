/**
 * With WebGL a frame that would draw exactly what the last one drew is not drawn, and one where a small
 * part changed is drawn only inside that part (src/platform/webglFrameSkip.ts): a list's lookahead row no
 * longer costs a whole second frame, a focus move no longer redraws the whole stage. What stays on the
 * canvas must be what a full redraw gives.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { orderNotices } from '../../src/feed/selectors'
import { homeTileLabels, Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

interface Frames {
  drawn: number
  region: number
  skipped: number
  lastArea: number
}

async function frames(t: Tv): Promise<Frames> {
  const counts = await t.page.evaluate<Frames | undefined>('window.__govTv && window.__govTv.frames && Object.assign({}, window.__govTv.frames)')
  expect(counts, 'the app counts its WebGL frames (inspector mode)').toBeDefined()
  return counts!
}

/** Until Lightning has run no frame for 3 polls in a row: every frame the keys caused is done. */
async function untilStill(t: Tv): Promise<Frames> {
  let last = JSON.stringify(await frames(t))
  for (let still = 0, polls = 0; still < 3; polls++) {
    if (polls > 200) throw new Error('Lightning kept running frames for 400 frames')
    await t.nextFrame()
    await t.nextFrame()
    const now = JSON.stringify(await frames(t))
    still = now === last ? still + 1 : 0
    last = now
  }
  return JSON.parse(last) as Frames
}

describe('WebGL frames that change nothing', () => {
  it('are skipped while moving down a list, and the screen equals a full redraw', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('notices')
    expect(await tv.renderer()).toBe('webgl')
    const ordered = orderNotices(LINWU.index.notices, Date.now())
    await tv.waitForFocusedText(ordered[0]!.title.slice(0, 12))
    const before = await untilStill(tv)
    // Far enough that the rows scroll and lookahead rows are drawn below the clip.
    const last = Math.min(ordered.length - 1, 9)
    for (let i = 1; i <= last; i++) {
      await tv.press('Down')
      await tv.waitForFocusedText(ordered[i]!.title.slice(0, 12))
    }
    const after = await untilStill(tv)
    expect(after.drawn - before.drawn, 'every key drew its frame').toBeGreaterThanOrEqual(last)
    expect(after.skipped, 'frames that drew nothing new were skipped').toBeGreaterThan(before.skipped)

    const shown = await tv.page.screenshot()
    await tv.page.evaluate('window.__govTv.stage.forceRenderUpdate()')
    const redrawn = await untilStill(tv)
    expect(redrawn.drawn, 'forceRenderUpdate draws').toBeGreaterThan(after.drawn)
    expect((await tv.page.screenshot()).equals(shown), 'the canvas after skipped frames equals a full redraw').toBe(true)
    tv.expectNoErrors()
  })

  it('a focus move draws only the rectangle it changed, and the screen equals a full redraw', async () => {
    tv = await Tv.launch(baseUrl)
    await tv.open('home')
    expect(await tv.renderer()).toBe('webgl')
    const tiles = homeTileLabels()
    await tv.waitForFocusedText(tiles[0]!)
    const before = await untilStill(tv)
    for (let i = 1; i <= 3; i++) {
      await tv.press('Right')
      await tv.waitForFocusedText(tiles[i]!)
    }
    const after = await untilStill(tv)
    expect(after.region - before.region, 'each move drew a region, not the stage').toBeGreaterThanOrEqual(3)
    const stageArea = await tv.page.evaluate<number>('(function (c) { return c.width * c.height })(document.querySelector("canvas"))')
    // Two neighbouring tiles and their outlines: well under half of the stage.
    expect(after.lastArea).toBeGreaterThan(0)
    expect(after.lastArea).toBeLessThan(stageArea / 2)

    const shown = await tv.page.screenshot()
    await tv.page.evaluate('window.__govTv.stage.forceRenderUpdate()')
    const redrawn = await untilStill(tv)
    expect(redrawn.lastArea, 'forceRenderUpdate draws the whole stage').toBe(stageArea)
    expect((await tv.page.screenshot()).equals(shown), 'the canvas after region frames equals a full redraw').toBe(true)
    tv.expectNoErrors()
  })
})
