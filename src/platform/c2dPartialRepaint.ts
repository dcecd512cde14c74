/**
 * Lightning's canvas2d renderer, made to repaint only what changed (dirtyRegion.ts decides what). Each
 * frame it reads the quads Lightning is about to draw; when a small part of the stage changed, it clips
 * the canvas to that rectangle and lets Lightning's own executor draw the frame inside the clip (the clear
 * included), so the pixels are the ones a full repaint gives, and the browser rasters and composites only
 * the clipped part. A frame with nothing changed is not drawn at all. Anything the comparison does not
 * cover (render-to-texture, a custom shader) repaints the whole stage as Lightning would.
 *
 * It reaches into core's render state (tree/core/CoreRenderState, renderer/c2d) through the narrow
 * shapes below: no Lightning import, and nothing changes for the WebGL renderer.
 */
import { DirtyRegions, QUAD, type RepaintPlan } from './dirtyRegion'

interface RenderContext {
  ta: number
  tb: number
  tc: number
  td: number
  px: number
  py: number
  alpha: number
}

interface ElementCore {
  _renderContext: RenderContext
  _w: number
  _h: number
  _colorUl: number
  _colorUr: number
  _colorBl: number
  _colorBr: number
  _ulx: number
  _uly: number
  _brx: number
  _bry: number
}

interface QuadOperation {
  index: number
  length: number
  shader: unknown
  scissor: readonly number[] | null | undefined
  renderTextureInfo: unknown
}

interface C2dQuadList {
  quadTextures: ({ update?: number } | null | undefined)[]
  quadElements: ElementCore[]
  modes: (number | undefined)[]
}

type StageContext2D = CanvasRenderingContext2D & { _scissor?: unknown }

interface C2dRenderExecutor {
  execute(): void
  renderState: { quadOperations: QuadOperation[]; quads: C2dQuadList }
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

/** Copies the frame's quads into the comparison; false when the frame has something it cannot compare. */
function readFrame(state: C2dRenderExecutor['renderState'], defaultShader: unknown, regions: DirtyRegions): boolean {
  const frame = regions.frame()
  const { quadTextures, quadElements, modes } = state.quads
  for (const op of state.quadOperations) {
    if (op.renderTextureInfo || op.shader !== defaultShader) return false
    const scissor = op.scissor
    for (let n = 0; n < op.length; n++) {
      const q = op.index + n
      const core = quadElements[q] as ElementCore
      const texture = quadTextures[q]
      const rc = core._renderContext
      const o = frame.push(core, texture)
      const v = frame.values
      v[o + QUAD.ta] = rc.ta
      v[o + QUAD.tb] = rc.tb
      v[o + QUAD.tc] = rc.tc
      v[o + QUAD.td] = rc.td
      v[o + QUAD.px] = rc.px
      v[o + QUAD.py] = rc.py
      v[o + QUAD.w] = core._w
      v[o + QUAD.h] = core._h
      v[o + QUAD.alpha] = rc.alpha
      v[o + QUAD.colorUl] = core._colorUl
      v[o + QUAD.colorUr] = core._colorUr
      v[o + QUAD.colorBl] = core._colorBl
      v[o + QUAD.colorBr] = core._colorBr
      v[o + QUAD.ulx] = core._ulx
      v[o + QUAD.uly] = core._uly
      v[o + QUAD.brx] = core._brx
      v[o + QUAD.bry] = core._bry
      v[o + QUAD.modes] = modes[q] ?? 0
      v[o + QUAD.textureStamp] = texture?.update ?? -1
      v[o + QUAD.scissorX] = scissor ? (scissor[0] as number) : -1
      v[o + QUAD.scissorY] = scissor ? (scissor[1] as number) : -1
      v[o + QUAD.scissorW] = scissor ? (scissor[2] as number) : -1
      v[o + QUAD.scissorH] = scissor ? (scissor[3] as number) : -1
    }
  }
  return true
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
