/**
 * Lightning's WebGL renderer, made to skip a frame that would draw exactly what the last one drew. Lightning
 * draws a frame whenever something in its tree changed, seen or not: a list's lookahead row, drawn outside
 * the list's clip after a key, costs a second whole frame per key, and on a box's slow GPU (SwiftShader
 * here) a whole frame is most of a key's cost. WebGL cannot keep part of a frame, so a frame is either
 * drawn whole or not at all; not drawing leaves the canvas showing the last frame, as the browser keeps it.
 * The comparison is dirtyRegion.ts's, over the quads renderStateQuads.ts reads; render-to-texture or a
 * custom shader always draws. No Lightning import; canvas2d has c2dPartialRepaint.ts instead.
 */
import { DirtyRegions } from './dirtyRegion'
import { readFrame, type RenderState } from './renderStateQuads'

/** The parts of a Lightning stage in WebGL mode that this reads. */
export interface WebglStage {
  gl?: unknown
  ctx: { renderExec: { execute(): void; renderState: RenderState } }
  renderer: { getDefaultShader(): unknown }
  getCanvas(): HTMLCanvasElement
  getClearColor(): readonly number[] | null
  getRenderPrecision(): number
  forceRenderUpdate(): void
}

/** Frames drawn and frames skipped so far (window.__govTv.frames in inspector mode, for the browser tests). */
export interface FrameCounts {
  drawn: number
  skipped: number
}

/** Makes `stage` (WebGL only) skip frames that draw nothing new; returns the running counts. */
export function installFrameSkip(stage: WebglStage): FrameCounts | undefined {
  if (!stage.gl) return undefined
  const exec = stage.ctx.renderExec
  const canvas = stage.getCanvas()
  const defaultShader = stage.renderer.getDefaultShader()
  const regions = new DirtyRegions()
  const counts: FrameCounts = { drawn: 0, skipped: 0 }
  const draw = exec.execute.bind(exec)

  // "Draw everything again" (a texture changed outside the framework) draws.
  const forceRenderUpdate = stage.forceRenderUpdate.bind(stage)
  stage.forceRenderUpdate = () => {
    regions.reset()
    forceRenderUpdate()
  }
  // A restored context has a blank canvas.
  canvas.addEventListener('webglcontextrestored', () => regions.reset())

  exec.execute = () => {
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
    }
    counts.drawn++
    draw()
  }
  return counts
}
