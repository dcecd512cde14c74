/** Puts the stage canvas where stageFit says, with CSS; the page's background letterboxes the rest. */
import type { StageFit, WindowSize } from './stageFit'

export function windowSize(): WindowSize {
  const root = document.documentElement
  return {
    // innerWidth is 0 in some WebViews before the first layout; the root element knows its size then.
    width: window.innerWidth || (root && root.clientWidth) || 0,
    height: window.innerHeight || (root && root.clientHeight) || 0,
    pixelRatio: window.devicePixelRatio || 1,
  }
}

export function placeCanvas(canvas: HTMLCanvasElement, fit: StageFit): void {
  const style = canvas.style
  style.position = 'absolute'
  style.left = `${fit.cssLeft}px`
  style.top = `${fit.cssTop}px`
  style.width = `${fit.cssWidth}px`
  style.height = `${fit.cssHeight}px`
}
