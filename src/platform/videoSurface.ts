/**
 * The <video> element the SDK's VideoPlayer plays into, and its place on the page. The SDK would make one
 * itself (z-index 1, above the canvas, sized by the stage's precision): here it is made first, *before*
 * the stage canvas in the page, so the canvas is drawn over it (the player's bars and subtitles are
 * Lightning drawings over the picture), and it is placed by the same stage fit as the canvas, so it lines
 * up in a letterboxed or scaled window too. The VideoPlayer takes the first <video> of the page
 * (setupVideoTag) and only shows and hides it. No Lightning imports.
 */
import { DESIGN_HEIGHT, DESIGN_WIDTH, type StageFit } from './stageFit'

export interface VideoArea {
  /** Design coordinates (1920×1080). */
  x: number
  y: number
  w: number
  h: number
}

export const FULL_SCREEN: VideoArea = { x: 0, y: 0, w: DESIGN_WIDTH, h: DESIGN_HEIGHT }

/** Where `area` of the design lands on the page, in CSS pixels, given how the canvas is placed. */
export function videoRect(fit: StageFit, area: VideoArea): { left: number; top: number; width: number; height: number } {
  const sx = fit.cssWidth / DESIGN_WIDTH
  const sy = fit.cssHeight / DESIGN_HEIGHT
  return {
    left: Math.round(fit.cssLeft + area.x * sx),
    top: Math.round(fit.cssTop + area.y * sy),
    width: Math.round(area.w * sx),
    height: Math.round(area.h * sy),
  }
}

/** The page's <video>, made (hidden, under the canvas) on first use. */
export function videoElement(doc: Document = document): HTMLVideoElement {
  const found = doc.getElementsByTagName('video')[0]
  if (found) return found
  const video = doc.createElement('video')
  video.id = 'video-player'
  video.setAttribute('playsinline', '')
  video.setAttribute('preload', 'auto')
  const style = video.style
  style.position = 'absolute'
  style.display = 'none'
  style.visibility = 'hidden'
  // Letterboxing inside the element is black, as on any TV; the page around it keeps its colour.
  style.background = '#000'
  // First in the page: the absolutely placed canvas after it is painted over it.
  doc.body.insertBefore(video, doc.body.firstChild)
  return video
}

export function placeVideo(video: HTMLVideoElement, fit: StageFit, area: VideoArea = FULL_SCREEN): void {
  const rect = videoRect(fit, area)
  const style = video.style
  style.left = `${rect.left}px`
  style.top = `${rect.top}px`
  style.width = `${rect.width}px`
  style.height = `${rect.height}px`
}

/** Whether this engine says it can play `mime` ("maybe"/"probably"); '' where there is no <video>. */
export function canPlayType(mime: string, doc: Document = document): string {
  try {
    return doc.createElement('video').canPlayType(mime)
  } catch {
    return ''
  }
}
