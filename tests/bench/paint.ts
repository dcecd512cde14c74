/**
 * What a screen draws per frame (paintProbe.js counts it in the page from Lightning's render state): the
 * figures issue 11 asks to bring toward the floor, i.e. quads, pixels filled by a per-pixel shader
 * (RoundedRectangle), full-screen layers, overdraw, and WebGL draw calls.
 */
import type { Session } from './browser'

export interface PaintCounters {
  quads: number
  /** Quad operations: runs of quads with one shader, scissor and target. */
  operations: number
  shaderOperations: number
  renderTextureQuads: number
  /** Sum of every quad's visible area, in stages (1 = each stage pixel once): the overdraw. */
  coveredArea: number
  /** Quads drawn with a shader other than the default one, and their area in stages. */
  shaderQuads: number
  shaderArea: number
  textQuads: number
  textArea: number
  /** Quads covering ≥ 90 % of the stage. */
  fullScreenLayers: number
  /** Quads per shader class name (non-default shaders only). */
  shaders: Record<string, number>
  /** WebGL drawElements/drawArrays calls and vertices in the frame (0 in canvas2d). */
  glDraws: number
  glVertices: number
  renderer: string
  precision: number
}

/** The counters of one full redraw of the screen as it is now. */
export async function paintCounters(session: Session): Promise<PaintCounters> {
  const counters = await session.evaluate<PaintCounters | null>('__bench.paint(5000)')
  if (!counters) throw new Error('no frame was drawn for the paint counters within 5 s')
  return counters
}
