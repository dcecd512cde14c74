/**
 * Box browsers run whatever page size their maker chose, often 1280×720 on a 1080p TV, sometimes the
 * other way round, and a few 4:3. The 1920×1080 design must fit the window whatever `resolution` says:
 * nothing outside it, 16:9 kept (letterboxed when the window is not 16:9), and the type at its design
 * share of the screen. `resolution` only caps how many pixels the canvas has.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { REGION, Tv } from './tv'

const baseUrl = inject('baseUrl')
const TILES = ['通知公告', '办事指南', '办事进度', '便民热线', '关于本机']
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

interface Box {
  left: number
  top: number
  width: number
  height: number
}

interface Layout {
  canvas: Box & { pixelWidth: number; pixelHeight: number }
  /** Every visible text's box on the page, in CSS pixels, as the viewer sees it. */
  texts: (Box & { text: string })[]
}

/**
 * The stage canvas's place on the page and each text's place on screen. Lightning's inspector mirrors
 * the tree in design coordinates scaled by the stage's precision; they are mapped onto the canvas's
 * CSS box here.
 */
async function layout(t: Tv): Promise<Layout> {
  return t.page.evaluate<Layout>(`(function () {
    var canvas = document.querySelector('[data-testid="stage"]');
    var c = canvas.getBoundingClientRect();
    // The inspector's wrapper is scaled by a CSS transform: its drawn width over its own width.
    var wrapper = document.querySelector('[type="Application"]').parentElement;
    var w = wrapper.getBoundingClientRect();
    var toDesign = wrapper.offsetWidth / w.width, toScreen = c.width / 1920;
    function box(el) {
      var r = el.getBoundingClientRect();
      return { left: (r.left - w.left) * toDesign, top: (r.top - w.top) * toDesign, right: (r.right - w.left) * toDesign, bottom: (r.bottom - w.top) * toDesign };
    }
    var texts = [];
    Array.prototype.slice.call(document.querySelectorAll('[texture-text]')).forEach(function (el) {
      if (!(el.getAttribute('texture-text') || '').length) return;
      var b = box(el);
      for (var n = el; n && n !== wrapper; n = n.parentElement) {
        if (n.style && n.style.display === 'none') return;
        if (n.getAttribute('visible') === 'false' || n.getAttribute('alpha') === '0') return;
        // What a clipping ancestor hides is not on screen: keep the part inside it.
        if (n !== el && n.getAttribute('clipping') === 'true') {
          var k = box(n);
          b = { left: Math.max(b.left, k.left), top: Math.max(b.top, k.top), right: Math.min(b.right, k.right), bottom: Math.min(b.bottom, k.bottom) };
        }
      }
      if (b.right <= b.left || b.bottom <= b.top) return;
      texts.push({
        text: el.getAttribute('texture-text'),
        left: c.left + b.left * toScreen,
        top: c.top + b.top * toScreen,
        width: (b.right - b.left) * toScreen,
        height: (b.bottom - b.top) * toScreen,
      });
    });
    return {
      canvas: { left: c.left, top: c.top, width: c.width, height: c.height, pixelWidth: canvas.width, pixelHeight: canvas.height },
      texts: texts,
    };
  })()`)
}

async function homeAt(viewport: { width: number; height: number }, resolution: 720 | 1080): Promise<Layout> {
  tv = await Tv.launch(baseUrl, { viewport })
  await tv.page.route('**/settings.json', async (route) => {
    const response = await route.fetch()
    const settings = (await response.json()) as Record<string, unknown>
    await route.fulfill({ response, json: { ...settings, resolution } })
  })
  await tv.open('home')
  await tv.waitForAllTexts([REGION.name, ...TILES, '更新于'])
  return layout(tv)
}

function expectInside(inner: Box, outer: Box, what: string): void {
  const slack = 1 // sub-pixel rounding
  expect(inner.left, `${what}: left`).toBeGreaterThanOrEqual(outer.left - slack)
  expect(inner.top, `${what}: top`).toBeGreaterThanOrEqual(outer.top - slack)
  expect(inner.left + inner.width, `${what}: right`).toBeLessThanOrEqual(outer.left + outer.width + slack)
  expect(inner.top + inner.height, `${what}: bottom`).toBeLessThanOrEqual(outer.top + outer.height + slack)
}

/** The region's name on Home: a title-sized text, as a share of the screen's height. */
function titleShare(l: Layout, windowHeight: number): number {
  expect(shareAt1080, 'the 1920×1080 reference ran first').toBeGreaterThan(0)
  const title = l.texts.find((t) => t.text === REGION.name)
  expect(title, 'the region name on Home').toBeDefined()
  return title!.height / windowHeight
}

/** Set by the first test (tests in a file run in order): the reference share at 1920×1080. */
let shareAt1080 = 0

describe('the stage fits the window', () => {
  it('1080 setting in a 1920×1080 window: drawn 1:1 (the reference)', async () => {
    const l = await homeAt({ width: 1920, height: 1080 }, 1080)
    expect(l.canvas).toMatchObject({ left: 0, top: 0, width: 1920, height: 1080, pixelWidth: 1920, pixelHeight: 1080 })
    shareAt1080 = l.texts.find((t) => t.text === REGION.name)!.height / 1080
    expect(shareAt1080).toBeGreaterThan(0.04)
  })

  it('1080 setting in a 1280×720 window: the whole Home inside the window, type at its share of the screen', async () => {
    const l = await homeAt({ width: 1280, height: 720 }, 1080)
    const window = { left: 0, top: 0, width: 1280, height: 720 }
    expect(l.canvas).toMatchObject({ ...window, pixelWidth: 1280, pixelHeight: 720 })
    for (const t of l.texts) expectInside(t, window, t.text)
    // The date sits at the right edge of the design: it must be on screen, not cut off.
    expect(l.texts.some((t) => /星期/.test(t.text))).toBe(true)
    expect(titleShare(l, 720)).toBeCloseTo(shareAt1080, 2)
    await tv!.screenshot('home-1080-in-720-window')
    tv!.expectNoErrors()
  })

  it('720 setting in a 1920×1080 window: 1280×720 pixels shown over the whole window', async () => {
    const l = await homeAt({ width: 1920, height: 1080 }, 720)
    const window = { left: 0, top: 0, width: 1920, height: 1080 }
    expect(l.canvas).toMatchObject({ ...window, pixelWidth: 1280, pixelHeight: 720 })
    for (const t of l.texts) expectInside(t, window, t.text)
    expect(titleShare(l, 1080)).toBeCloseTo(shareAt1080, 2)
    tv!.expectNoErrors()
  })

  it('a 4:3 window (1024×768) letterboxes the 16:9 stage, centred, nothing outside it', async () => {
    const l = await homeAt({ width: 1024, height: 768 }, 1080)
    expect(l.canvas).toMatchObject({ left: 0, top: 96, width: 1024, height: 576 })
    for (const t of l.texts) expectInside(t, l.canvas, t.text)
    await tv!.screenshot('home-letterboxed-4x3')
    tv!.expectNoErrors()
  })
})
