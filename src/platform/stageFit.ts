/**
 * How the 1920×1080 design fits whatever window the box's browser has. Many box browsers run a
 * 1280×720 page on a 1080p TV, some the other way round, and a desktop preview can be any size.
 *
 * - The canvas is drawn with `resolution`'s pixel count at most (1080 → 1920×1080, 720 → 1280×720) and
 *   never with more pixels than the window shows: drawing 1080p into a 720p window only costs fill rate.
 *   Lightning scales the design to that size with its `precision` (canvas width / 1920).
 * - The canvas is then shown by CSS at the largest 16:9 box inside the window, centred; what is left
 *   is letterboxed in the page's background colour.
 * Plain arithmetic, no DOM and no Lightning: unit-tested.
 */
export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

export interface StageFit {
  /** The canvas's drawing buffer, in device pixels; Lightning's stage w/h. */
  canvasWidth: number
  canvasHeight: number
  /** Lightning's precision: canvas pixels per design pixel. */
  precision: number
  /** Where the canvas sits in the window, in CSS pixels. */
  cssLeft: number
  cssTop: number
  cssWidth: number
  cssHeight: number
}

export interface WindowSize {
  width: number
  height: number
  /** window.devicePixelRatio; 1 when unknown. */
  pixelRatio?: number
}

/** The largest 16:9 box inside the window, in CSS pixels (whole pixels, never larger than the window). */
function fitBox(width: number, height: number): { w: number; h: number } {
  const w = Math.min(width, Math.floor((height * DESIGN_WIDTH) / DESIGN_HEIGHT))
  return { w, h: Math.min(height, Math.round((w * DESIGN_HEIGHT) / DESIGN_WIDTH)) }
}

export function fitStage(window: WindowSize, resolution: 720 | 1080): StageFit {
  // A window not laid out yet (0×0, some WebViews at the first script) gets the design size.
  const width = window.width > 0 ? window.width : resolution === 720 ? 1280 : DESIGN_WIDTH
  const height = window.height > 0 ? window.height : resolution === 720 ? 720 : DESIGN_HEIGHT
  const css = fitBox(width, height)
  const ratio = window.pixelRatio && window.pixelRatio > 0 ? window.pixelRatio : 1
  const most = resolution === 720 ? 1280 : DESIGN_WIDTH
  const canvasWidth = Math.max(16, Math.min(most, Math.round(css.w * ratio)))
  const canvasHeight = Math.round((canvasWidth * DESIGN_HEIGHT) / DESIGN_WIDTH)
  return {
    canvasWidth,
    canvasHeight,
    precision: canvasWidth / DESIGN_WIDTH,
    cssLeft: Math.floor((width - css.w) / 2),
    cssTop: Math.floor((height - css.h) / 2),
    cssWidth: css.w,
    cssHeight: css.h,
  }
}
