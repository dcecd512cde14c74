/**
 * The quads Lightning is about to draw in a frame (core's tree/core/CoreRenderState, the same shape in its
 * WebGL and canvas2d renderers), copied into a dirtyRegion.ts frame for comparison with the last one.
 * Narrow shapes, no Lightning import.
 */
import { QUAD, type DirtyRegions } from './dirtyRegion'

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

interface QuadList {
  quadTextures: ({ update?: number } | null | undefined)[]
  quadElements: ElementCore[]
  /** canvas2d only: its per-quad modes. */
  modes?: (number | undefined)[]
}

/** The executor's render state: the frame's operations and quads. */
export interface RenderState {
  quadOperations: QuadOperation[]
  quads: QuadList
}

/** Copies the frame's quads into the comparison; false when the frame has something it cannot compare. */
export function readFrame(state: RenderState, defaultShader: unknown, regions: DirtyRegions): boolean {
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
      v[o + QUAD.modes] = modes?.[q] ?? 0
      v[o + QUAD.textureStamp] = texture?.update ?? -1
      v[o + QUAD.scissorX] = scissor ? (scissor[0] as number) : -1
      v[o + QUAD.scissorY] = scissor ? (scissor[1] as number) : -1
      v[o + QUAD.scissorW] = scissor ? (scissor[2] as number) : -1
      v[o + QUAD.scissorH] = scissor ? (scissor[3] as number) : -1
    }
  }
  return true
}
