/**
 * Lightning's canvas2d renderer, made to repaint only what changed (dirtyRegion.ts decides what). Each
 * frame it reads the quads Lightning is about to draw; when a small part of the stage changed, it clips
 * the canvas to that rectangle and lets Lightning's own executor draw the frame inside the clip (the clear
 * included), so the pixels are the ones a full repaint gives, and the browser rasters and composites only
 * the clipped part. A frame with nothing changed is not drawn at all. Anything the comparison does not
 * cover (render-to-texture, a custom shader) repaints the whole stage as Lightning would.
 *
 * It reaches into core's render state (renderStateQuads.ts) and its canvas2d executor through narrow
 * shapes: no Lightning import. WebGL cannot keep part of a frame; webglFrameSkip.ts skips its unchanged ones.
 */
import { DirtyRegions, type RepaintPlan } from './dirtyRegion'
import { readFrame, type RenderState } from './renderStateQuads'

type StageContext2D = CanvasRenderingContext2D & { _scissor?: unknown }

interface C2dRenderExecutor {
  execute(): void
  renderState: RenderState
  _setScissor(area: null): void
  _bindRenderTexture(texture: null): void
  _mainRenderTexture: HTMLCanvasElement & { ctx: StageContext2D }
}

/** The parts of a Lightning stage in canvas2d mode that this reads. */
export interface C2dStage {
  gl?: unknown
  ctx: { renderExec: C2dRenderExecutor }
  renderer: { getDefaultShader(): unknown }
  getClearColor(): readonly number[] | null
  getRenderPrecision(): number
  forceRenderUpdate(): void
}

/** What the frames painted so far: for the browser tests and the field engineer (window.__govTv.repaints, inspector mode). */
export interface RepaintCounts {
  full: number
  region: number
  none: number
  /** Device pixels of the last frame's repaint (the whole canvas for a full one). */
  lastArea: number
}

/** Makes `stage` (canvas2d only) repaint only what changed; returns the running counts. */
export function installPartialRepaint(stage: C2dStage): RepaintCounts | undefined {
  if (stage.gl) return undefined
  const exec = stage.ctx.renderExec
  const canvas = exec._mainRenderTexture
  const defaultShader = stage.renderer.getDefaultShader()
  const regions = new DirtyRegions()
  const counts: RepaintCounts = { full: 0, region: 0, none: 0, lastArea: 0 }
  const paintAll = exec.execute.bind(exec)

  // Lightning's own "draw everything again" (a texture changed outside the framework) is honoured.
  const forceRenderUpdate = stage.forceRenderUpdate.bind(stage)
  stage.forceRenderUpdate = () => {
    regions.reset()
    forceRenderUpdate()
  }

  // A 2D context the browser lost and gave back is blank: the next frame paints it all.
  canvas.addEventListener('contextrestored', () => regions.reset())

  exec.execute = () => {
    const plan = readFrame(exec.renderState, defaultShader, regions)
      ? regions.plan({
          width: canvas.width,
          height: canvas.height,
          precision: stage.getRenderPrecision(),
          background: String(stage.getClearColor()),
        })
      : untracked(regions)
    count(counts, plan, canvas)
    if (plan.kind === 'full') paintAll()
    else if (plan.kind === 'region') paintInside(exec, plan, paintAll)
  }
  return counts
}

/** A frame the comparison cannot follow: painted whole, and the next one too. */
function untracked(regions: DirtyRegions): RepaintPlan {
  regions.reset()
  return { kind: 'full' }
}

/**
 * Lightning's frame, drawn inside a clip. Its executor resets a scissor with restore() then save() on the
 * context's saved base state, so the clip goes one level under that: save (the clean state), clip, save
 * (the clipped state Lightning's restores come back to), and two restores after return the context to
 * exactly where Lightning left it.
 */
function paintInside(exec: C2dRenderExecutor, rect: { x: number; y: number; w: number; h: number }, paintAll: () => void): void {
  const ctx = exec._mainRenderTexture.ctx
  // The scissor reset acts on the bound target: bind the stage's canvas first.
  exec._bindRenderTexture(null)
  exec._setScissor(null)
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.beginPath()
  ctx.rect(rect.x, rect.y, rect.w, rect.h)
  ctx.clip()
  ctx.save()
  try {
    paintAll()
  } finally {
    ctx.restore()
    ctx.restore()
    ctx._scissor = null
  }
}

function count(counts: RepaintCounts, plan: RepaintPlan, canvas: HTMLCanvasElement): void {
  counts[plan.kind]++
  counts.lastArea = plan.kind === 'full' ? canvas.width * canvas.height : plan.kind === 'region' ? plan.w * plan.h : 0
}
