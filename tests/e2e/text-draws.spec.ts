/**
 * Moving the focus must not draw text again: every Lightning text is drawn on a 2D canvas and uploaded
 * as a texture, the most expensive thing a key press can cause on a slow box. Focus is a fill colour,
 * an outline or a tint (`color`); a text is drawn only when its words change. Counted, not timed: every
 * CanvasRenderingContext2D.fillText call in the page (one per line of a text being drawn).
 * Rows coming into view carry new words and are drawn, by design ahead of time; what is here of lists is
 * that passing over choices (chips, typed digits) draws a list once, for the choice the keys rest on.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { LINWU } from '../../mocks/fixtures'
import { assistGuides } from '../../src/feed/assist'
import { orderNotices } from '../../src/feed/selectors'
import { homeTileLabels, REGION, Tv, type RemoteKey } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

const COUNT_TEXT_DRAWS = `(function () {
  window.__textDraws = 0;
  var fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function () { window.__textDraws++; return fillText.apply(this, arguments); };
})();`

async function textDrawsWhilePressing(t: Tv, key: RemoteKey, times: number, afterEach: (i: number) => Promise<void>): Promise<number> {
  // Let whatever the screen draws after opening settle first (rows prepared beyond the clip, images).
  await t.nextFrame()
  await t.page.waitForTimeout(500)
  const before = await t.page.evaluate<number>('window.__textDraws')
  for (let i = 0; i < times; i++) {
    await t.press(key)
    await afterEach(i)
  }
  await t.nextFrame()
  return (await t.page.evaluate<number>('window.__textDraws')) - before
}

describe('moving the focus draws no text', () => {
  it('along the Home tiles', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open('home')
    await tv.waitForText(REGION.name)
    await tv.waitForFocusedText('通知公告')
    const tiles = homeTileLabels().slice(1)
    expect(await textDrawsWhilePressing(tv, 'Right', tiles.length, (i) => tv!.waitForFocusedText(tiles[i]!))).toBe(0)
  })

  it('across the progress keypad', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open('progress')
    await tv.waitForText('受理编号')
    await tv.waitForFocusedText('1')
    const focusedKeys = ['2', '3', '6', '9', '0']
    const keys: RemoteKey[] = ['Right', 'Right', 'Down', 'Down', 'Down']
    let draws = 0
    for (let i = 0; i < keys.length; i++) {
      draws += await textDrawsWhilePressing(tv, keys[i]!, 1, async () => {
        if (focusedKeys[i] !== '0') await tv!.waitForFocusedText(focusedKeys[i]!)
      })
    }
    expect(draws).toBe(0)
  })

  it('between the call-back form\'s times (a chip\'s ✓ is shown, hidden and moved, never drawn)', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open(`assist/${assistGuides(LINWU.index)[0]!.id}`)
    await tv.waitForText('联系电话')
    // 联系电话 → 乡镇 → 方便联系的时间 (the village row shows once a township is chosen); it starts at 都可以.
    await tv.press('Down', 2)
    await tv.waitForChosenChip('都可以')
    const times = ['下午', '上午', '下午']
    const keys: RemoteKey[] = ['Left', 'Left', 'Right']
    let draws = 0
    for (let i = 0; i < keys.length; i++) draws += await textDrawsWhilePressing(tv, keys[i]!, 1, () => tv!.waitForChosenChip(times[i]!))
    expect(draws).toBe(0)
  })

  it('between the 关于本机 switches', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open('about')
    await tv.waitForText('大字模式：')
    await tv.waitForText('语音朗读：')
    expect(await textDrawsWhilePressing(tv, 'Down', 1, async () => {})).toBe(0)
    expect(await textDrawsWhilePressing(tv, 'Up', 1, async () => {})).toBe(0)
  })
})

describe('paging a long text draws each page once', () => {
  it('a notice: the next page is drawn when first shown; turning back and forth again draws nothing', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open('notices/lw-n001')
    await tv.waitForText('第 1/')
    const forward = await textDrawsWhilePressing(tv, 'PageDown', 1, () => tv!.waitForText('第 2/'))
    expect(forward).toBeGreaterThan(0)
    let again = 0
    again += await textDrawsWhilePressing(tv, 'PageUp', 1, () => tv!.waitForText('第 1/'))
    again += await textDrawsWhilePressing(tv, 'PageDown', 1, () => tv!.waitForText('第 2/'))
    expect(again).toBe(0)
    // Only the page shown is on screen: the kept page's words are hidden with it.
    expect((await tv.texts()).filter((text) => /^第 \d+\/\d+ 页/.test(text))).toEqual([expect.stringMatching(/^第 2\//)])
  })
})

async function textDraws(t: Tv): Promise<number> {
  return t.page.evaluate<number>('window.__textDraws')
}

/** Keys in a quick run, as a viewer moving on presses them: no wait for frames between them. */
async function quickRun(t: Tv, keys: string[]): Promise<void> {
  for (const key of keys) await t.page.keyboard.press(key)
  await t.nextFrame()
}

describe('passing over choices draws the list once, for the choice the keys rest on', () => {
  it('category chips: only the chips are drawn while passing; the list and count follow the last chip', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open('notices')
    const ordered = orderNotices(LINWU.index.notices, Date.now())
    const categories = [...new Set(ordered.map((n) => n.category))]
    await tv.waitForText(`共 ${ordered.length} 条`)
    await tv.press('Up')
    await tv.page.waitForTimeout(500)
    const before = await textDraws(tv)
    await quickRun(tv, ['ArrowRight', 'ArrowRight', 'ArrowRight'])
    // A chip's label and its ✓ are drawn once: moving the choice only shows, hides and moves them.
    expect((await textDraws(tv)) - before).toBe(0)
    const third = categories[2]!
    const inThird = ordered.filter((n) => n.category === third)
    await tv.waitForChosenChip(third)
    await tv.waitForAllTexts([`共 ${inThird.length} 条`, inThird[0]!.title.slice(0, 12)])
    expect(await tv.texts()).not.toContain(`共 ${ordered.filter((n) => n.category === categories[0]).length} 条`)
    tv.expectNoErrors()
  })

  it('常见问题 digits: a digit is drawn once and then only shown; the list and count follow the last digit', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open('faq')
    await tv.waitForText('个问题')
    await tv.page.waitForTimeout(500)
    const before = await textDraws(tv)
    await quickRun(tv, ['9', '2'])
    // 9 and 2 are drawn the first time they are typed (one glyph each), nothing of the list yet.
    expect((await textDraws(tv)) - before).toBeLessThanOrEqual(2)
    await tv.waitForTypedDigits('92')
    await tv.waitForText('城乡居民医保怎么缴费？')
    expect((await textDraws(tv)) - before).toBeGreaterThan(2)

    // Deleted and typed again, in a quick run: no text at all (the whole line was one text per key before).
    await tv.page.waitForTimeout(500)
    const again = await textDraws(tv)
    await quickRun(tv, ['Backspace', 'Backspace', '9', '2'])
    expect((await textDraws(tv)) - again).toBe(0)
    await tv.waitForTypedDigits('92')
    tv.expectNoErrors()
  })
})

/**
 * Around the next key press: the text draws counted when it is handled and after the frame that shows it
 * (a frame callback queued from the key handler runs after Lightning's own frame of that tick); whether a
 * row holds `nextRow`'s words when the key comes and one task after that frame (as soon as another press could come).
 */
function watchNextKey(nextRow: string): string {
  return `(function () {
  // The element tree itself (the inspector's DOM mirror follows it only as frames are drawn).
  function hasWords(el, words) {
    var texture = el.texture;
    if (texture && typeof texture.text === 'string' && texture.text.indexOf(words) >= 0) return true;
    var children = el.children || [];
    for (var i = 0; i < children.length; i++) if (hasWords(children[i], words)) return true;
    return false;
  }
  window.__around = null;
  window.addEventListener('keydown', function once() {
    window.removeEventListener('keydown', once, true);
    var around = { atKey: window.__textDraws, afterItsFrame: -1, readyAtKey: hasWords(window.__govTv.stage.root, ${JSON.stringify(nextRow)}), nextRowReady: false };
    requestAnimationFrame(function () {
      around.afterItsFrame = window.__textDraws;
      setTimeout(function () {
        around.nextRowReady = hasWords(window.__govTv.stage.root, ${JSON.stringify(nextRow)});
        window.__around = around;
      }, 0);
    });
  }, true);
})()`
}

describe('scrolling a list prepares the row coming next between presses, not in the frame a press waits for', () => {
  it('notices: a Down that scrolls draws no text in its frame, and the row below has its words one task later', async () => {
    tv = await Tv.launch(baseUrl, { initScript: COUNT_TEXT_DRAWS })
    await tv.open('notices')
    const ordered = orderNotices(LINWU.index.notices, Date.now())
    await tv.waitForText(`共 ${ordered.length} 条`)
    // Four rows show and one below is prepared: the third Down scrolls by one row, the fourth onto the
    // prepared row (item 5) and item 6 becomes the row below, prepared after that press's frame.
    await tv.press('Down', 3)
    await tv.waitForFocusedText(ordered[3]!.title.slice(0, 10))
    await tv.page.waitForTimeout(500)
    const below = ordered[6]!.title.slice(0, 8)
    await tv.page.evaluate(watchNextKey(below))
    await tv.page.keyboard.press('ArrowDown')
    await tv.page.waitForFunction('window.__around !== null')
    const around = await tv.page.evaluate<{ atKey: number; afterItsFrame: number; readyAtKey: boolean; nextRowReady: boolean }>('window.__around')
    expect(around.readyAtKey).toBe(false)
    expect(around.afterItsFrame - around.atKey).toBe(0)
    expect(around.nextRowReady).toBe(true)
    await tv.waitForFocusedText(ordered[4]!.title.slice(0, 10))
    tv.expectNoErrors()
  })
})
