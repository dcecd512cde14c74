import { describe, expect, it } from 'vitest'
import { fitStage } from '../../src/platform/stageFit'

describe('fitStage: the 1920×1080 design always fits the window', () => {
  it('a 1080 setting in a 1280×720 window draws 1280×720 pixels filling the window', () => {
    expect(fitStage({ width: 1280, height: 720 }, 1080)).toEqual({
      canvasWidth: 1280,
      canvasHeight: 720,
      precision: 1280 / 1920,
      cssLeft: 0,
      cssTop: 0,
      cssWidth: 1280,
      cssHeight: 720,
    })
  })

  it('a 720 setting in a 1920×1080 window draws 1280×720 pixels shown over the whole window', () => {
    const fit = fitStage({ width: 1920, height: 1080 }, 720)
    expect([fit.canvasWidth, fit.canvasHeight, fit.precision]).toEqual([1280, 720, 1280 / 1920])
    expect([fit.cssLeft, fit.cssTop, fit.cssWidth, fit.cssHeight]).toEqual([0, 0, 1920, 1080])
  })

  it('a 1080 setting in a 1920×1080 window is drawn 1:1', () => {
    const fit = fitStage({ width: 1920, height: 1080 }, 1080)
    expect([fit.canvasWidth, fit.canvasHeight, fit.precision, fit.cssWidth, fit.cssHeight]).toEqual([1920, 1080, 1, 1920, 1080])
  })

  it('letterboxes a 4:3 window (bars above and below) and pillarboxes a wide one, centred, keeping 16:9', () => {
    const tall = fitStage({ width: 1024, height: 768 }, 1080)
    expect([tall.cssLeft, tall.cssTop, tall.cssWidth, tall.cssHeight]).toEqual([0, 96, 1024, 576])
    expect([tall.canvasWidth, tall.canvasHeight]).toEqual([1024, 576])
    const wide = fitStage({ width: 2560, height: 1080 }, 1080)
    expect([wide.cssLeft, wide.cssTop, wide.cssWidth, wide.cssHeight]).toEqual([320, 0, 1920, 1080])
  })

  it('never draws more pixels than the setting allows, even on a large or high-density window', () => {
    const big = fitStage({ width: 3840, height: 2160 }, 1080)
    expect([big.canvasWidth, big.canvasHeight, big.cssWidth]).toEqual([1920, 1080, 3840])
    const dense = fitStage({ width: 960, height: 540, pixelRatio: 2 }, 1080)
    expect([dense.canvasWidth, dense.cssWidth]).toEqual([1920, 960])
    expect(fitStage({ width: 960, height: 540, pixelRatio: 2 }, 720).canvasWidth).toBe(1280)
  })

  it('keeps the canvas inside the window and 16:9 for any window size', () => {
    for (const [w, h] of [[1280, 720], [1366, 768], [1000, 1000], [720, 1280], [1919, 1079], [1, 1], [321, 123]] as const) {
      for (const res of [720, 1080] as const) {
        const fit = fitStage({ width: w, height: h }, res)
        expect(fit.cssLeft + fit.cssWidth).toBeLessThanOrEqual(w)
        expect(fit.cssTop + fit.cssHeight).toBeLessThanOrEqual(h)
        expect(fit.cssLeft).toBeGreaterThanOrEqual(0)
        expect(fit.cssTop).toBeGreaterThanOrEqual(0)
        expect(Math.abs(fit.cssWidth / Math.max(1, fit.cssHeight) - 16 / 9)).toBeLessThan(w < 100 || h < 100 ? 1 : 0.01)
        expect(fit.precision).toBeCloseTo(fit.canvasWidth / 1920, 10)
      }
    }
  })

  it('a window not laid out yet (0×0) gets the design size of the setting', () => {
    expect(fitStage({ width: 0, height: 0 }, 720).canvasWidth).toBe(1280)
    expect(fitStage({ width: 0, height: 0 }, 1080).canvasWidth).toBe(1920)
  })
})
