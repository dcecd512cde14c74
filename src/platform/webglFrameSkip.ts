/**
 * Lightning's WebGL renderer, made to draw only what changed. Lightning draws a whole frame whenever
 * something in its tree changed, seen or not, and on a box's slow GPU (SwiftShader here) a whole 1080p
 * frame is most of a key's cost. Each frame the quads Lightning is about to draw are compared with the last
 * drawn frame's (dirtyRegion.ts, over what renderStateQuads.ts reads):
 * - nothing changed (a list's lookahead row drawn outside the list's clip): the frame is not drawn, and
 *   the canvas shows the last frame, as the browser keeps it;
 * - a small part changed (focus moved from one card to the next): Lightning's executor draws the frame
 *   with every scissor narrowed to that rectangle, its clear included. The same draws in the same order
 *   inside, the last frame's pixels outside: what a full redraw gives. This needs a drawing buffer the
 *   browser keeps between frames (`preserveDrawingBuffer`, which the renderer probe asks for); on a
 *   context without it (WebGL forced, no probe) changed frames are drawn whole;
 * - anything else (a new screen, render-to-texture, a custom shader): drawn whole.
 * No Lightning import; canvas2d has c2dPartialRepaint.ts instead.
 */
import { DirtyRegions } from './dirtyRegion'
import { readFrame, type RenderState } from './renderStateQuads'

/** The WebGL calls a narrowed scissor needs. */
interface ScissorGl {
  readonly SCISSOR_TEST: number
  enable(capability: number): void
  disable(capability: number): void
  scissor(x: number, y: number, width: number, height: number): void
  getContextAttributes(): { preserveDrawingBuffer?: boolean } | null
}

/** Lightning's scissor: [x, y, w, h] in stage coordinates, top-left origin, or null for none. */
type StageScissor = readonly number[] | null

interface WebglRenderExecutor {
  execute(): void
  renderState: RenderState
  _setScissor(area: StageScissor): void
  /** The executor's memo of the scissor it last set (it skips a call with the same area). */
  _scissor?: StageScissor
}

/** The parts of a Lightning stage in WebGL mode that this reads. */
export interface WebglStage {
  gl?: unknown
  ctx: { renderExec: WebglRenderExecutor }
  renderer: { getDefaultShader(): unknown }
  getCanvas(): HTMLCanvasElement
  getClearColor(): readonly number[] | null
  getRenderPrecision(): number
  forceRenderUpdate(): void
}

/** Frames so far (window.__govTv.frames in inspector mode, for the browser tests and the field engineer). */
export interface FrameCounts {
  /** Frames drawn, whole or inside a rectangle. */
  drawn: number
  /** Of those, drawn only inside the rectangle that changed. */
  region: number
  /** Frames not drawn: nothing had changed. */
  skipped: number
  /** Device pixels the last drawn frame drew (the whole canvas for a whole one). */
  lastArea: number
}

/** A rectangle of the canvas in device pixels, top-left origin. */
interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Makes `stage` (WebGL only) draw only what changed, or nothing; returns the running counts. */
export function installFrameSkip(stage: WebglStage): FrameCounts | undefined {
  if (!stage.gl) return undefined
  const gl = stage.gl as ScissorGl
  const exec = stage.ctx.renderExec
  const canvas = stage.getCanvas()
  const defaultShader = stage.renderer.getDefaultShader()
  const regions = new DirtyRegions()
  const counts: FrameCounts = { drawn: 0, region: 0, skipped: 0, lastArea: 0 }
  const draw = exec.execute.bind(exec)
  // Without a kept drawing buffer the browser may hand back a cleared one: a region drawn on it is wrong.
  const keepsPixels = gl.getContextAttributes()?.preserveDrawingBuffer === true

  // "Draw everything again" (a texture changed outside the framework) draws.
  const forceRenderUpdate = stage.forceRenderUpdate.bind(stage)
  stage.forceRenderUpdate = () => {
    regions.reset()
    forceRenderUpdate()
  }
  // A restored context has a blank canvas.
  canvas.addEventListener('webglcontextrestored', () => regions.reset())

  exec.execute = () => {
    let region: Rect | undefined
    if (!readFrame(exec.renderState, defaultShader, regions)) {
      // A frame the comparison cannot follow draws, and so does the next.
      regions.reset()
    } else {
      const plan = regions.plan({
        width: canvas.width,
        height: canvas.height,
        precision: stage.getRenderPrecision(),
        background: String(stage.getClearColor()),
      })
      if (plan.kind === 'none') {
        counts.skipped++
        return
      }
      if (plan.kind === 'region' && keepsPixels) region = plan
    }
    counts.drawn++
    if (region) {
      counts.region++
      counts.lastArea = region.w * region.h
      drawInside(exec, gl, region, canvas.height, stage.getRenderPrecision(), draw)
    } else {
      counts.lastArea = canvas.width * canvas.height
      draw()
    }
  }
  return counts
}

/**
 * Lightning's frame with every scissor it sets (none included, for the clear) narrowed to `rect`. Frames
 * drawn this way have no render textures (readFrame refuses them), so every scissor is the stage's.
 */
function drawInside(exec: WebglRenderExecutor, gl: ScissorGl, rect: Rect, canvasHeight: number, precision: number, draw: () => void): void {
  // GL's scissor counts rows from the bottom.
  const x0 = rect.x
  const x1 = rect.x + rect.w
  const y0 = canvasHeight - (rect.y + rect.h)
  const y1 = canvasHeight - rect.y
  const setScissor = exec._setScissor
  exec._setScissor = (area) => {
    exec._scissor = area
    let ax0 = x0
    let ax1 = x1
    let ay0 = y0
    let ay1 = y1
    if (area) {
      // Lightning's own rounding (WebGLCoreRenderExecutor._setScissor), then the intersection.
      const left = Math.round((area[0] ?? 0) * precision)
      const bottom = Math.round((canvasHeight / precision - ((area[1] ?? 0) + (area[3] ?? 0))) * precision)
      ax0 = Math.max(x0, left)
      ax1 = Math.min(x1, left + Math.round((area[2] ?? 0) * precision))
      ay0 = Math.max(y0, bottom)
      ay1 = Math.min(y1, bottom + Math.round((area[3] ?? 0) * precision))
    }
    gl.enable(gl.SCISSOR_TEST)
    gl.scissor(ax0, ay0, Math.max(0, ax1 - ax0), Math.max(0, ay1 - ay0))
  }
  try {
    draw()
  } finally {
    exec._setScissor = setScissor
    // The next frame starts with no scissor, as Lightning expects after its own.
    gl.disable(gl.SCISSOR_TEST)
    exec._scissor = null
  }
}
