/**
 * The stages the benchmark measures on: a 720p and a 1080p box (window and `resolution` setting alike),
 * each with Lightning's WebGL renderer (SwiftShader, scripts/ensure-browser.ts CHROMIUM_ARGS) and with its
 * canvas2d renderer (Chromium with `--disable-webgl`: the interface exists but no context can be made, so
 * the app's own probe picks canvas2d, as on a box without WebGL). App and floor always run in the same
 * variant, so every ratio compares like with like.
 */
import type { Viewport } from './browser'

export type RendererName = 'webgl' | 'canvas2d'
export type Resolution = 720 | 1080

export interface Variant {
  /** e.g. "1080-webgl": keys in results.json. */
  id: string
  /** e.g. "1080p WebGL": in the table. */
  label: string
  resolution: Resolution
  renderer: RendererName
  viewport: Viewport
  /** Chromium switches on top of CHROMIUM_ARGS and --chromium-arg. */
  chromiumArgs: string[]
}

export function variant(resolution: Resolution, renderer: RendererName): Variant {
  return {
    id: `${resolution}-${renderer}`,
    label: `${resolution}p ${renderer === 'webgl' ? 'WebGL' : 'canvas2d'}`,
    resolution,
    renderer,
    viewport: resolution === 1080 ? { width: 1920, height: 1080 } : { width: 1280, height: 720 },
    chromiumArgs: renderer === 'canvas2d' ? ['--disable-webgl'] : [],
  }
}

/** The floor's query for a variant; `rows` > 0 gives the 20-row floor for keys. */
export function floorQuery(v: Variant, rows = 0): string {
  const params = new URLSearchParams({ res: String(v.resolution), renderer: v.renderer })
  if (rows > 0) params.set('rows', String(rows))
  return `?${params.toString()}`
}
