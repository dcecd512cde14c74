/**
 * Rounded corners, where the renderer can draw them. Lightning's RoundedRectangle is a WebGL shader: in
 * canvas2d it does nothing but log a warning for every element, so there the cards stay square and
 * nothing relies on a shader to say something (focus is a fill colour, an outline element or a marker).
 * The renderer is chosen before Launch (src/platform/renderer.ts) and set here before any template is built.
 */
import { Lightning } from '@lightningjs/sdk'

let shadersDrawn = true

export function setShadersAvailable(available: boolean): void {
  shadersDrawn = available
}

export function shadersAvailable(): boolean {
  return shadersDrawn
}

/** `{ shader: RoundedRectangle(radius) }` under WebGL, nothing under canvas2d: spread it into a template. */
export function roundedCorners(radius: number): { shader?: Lightning.Element.PatchTemplate['shader'] } {
  return shadersDrawn ? { shader: { type: Lightning.shaders.RoundedRectangle, radius } } : {}
}
