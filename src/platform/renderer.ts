/**
 * Which of Lightning's two renderers this box gets, decided before Launch.
 *
 * Lightning 2 only picks canvas2d when `window.WebGLRenderingContext` is undefined; where the interface
 * exists but no context can be made (a blocklisted GPU, `--disable-webgl`, a WebView built without it,
 * a GPU process that died) it throws "This browser does not support webGL." So the app makes a context
 * on a throw-away canvas itself and hands Lightning `canvas2d: true` when that fails.
 * No Lightning imports: plain DOM, unit-tested with fake canvases.
 */
export type RendererSetting = 'auto' | 'webgl' | 'canvas2d'
export type RendererName = 'webgl' | 'canvas2d'

/** Why this renderer: shown on 关于本机 for the operator's field engineer. */
export type RendererReason =
  | 'forced' // the operator's settings asked for it
  | 'webgl' // a hardware-accelerated WebGL context could be made
  | 'webgl-software' // only a software context (failIfMajorPerformanceCaveat refused): still quicker than canvas2d here
  | 'no-interface' // the engine has no WebGLRenderingContext at all (Android 4.4's WebView)
  | 'no-context' // the interface exists but getContext returned null or threw

export interface RendererChoice {
  renderer: RendererName
  reason: RendererReason
}

interface ProbeCanvas {
  getContext(kind: string, attributes?: Record<string, unknown>): unknown
}

export interface RendererEnvironment {
  /** Whether `window.WebGLRenderingContext` exists. */
  hasWebGLInterface: boolean
  createCanvas(): ProbeCanvas
}

interface LosableContext {
  getExtension?(name: string): { loseContext?(): void } | null
}

function tryContext(canvas: ProbeCanvas, attributes: Record<string, unknown>): unknown {
  // Old WebKit and Android WebViews only know the prefixed name.
  for (const kind of ['webgl', 'experimental-webgl']) {
    try {
      const context = canvas.getContext(kind, attributes)
      if (context) return context
    } catch {
      // Some engines throw instead of returning null when the GPU is unavailable.
    }
  }
  return null
}

/** Frees the probe's context at once: a box with little memory should not hold two GL contexts. */
function release(context: unknown): void {
  try {
    ;(context as LosableContext).getExtension?.('WEBGL_lose_context')?.loseContext?.()
  } catch {
    // Nothing to free on engines without the extension.
  }
}

export function chooseRenderer(setting: RendererSetting, env: RendererEnvironment): RendererChoice {
  if (setting === 'canvas2d') return { renderer: 'canvas2d', reason: 'forced' }
  // Forcing WebGL skips the probe, for a box whose probe is wrong; if Lightning then cannot make a
  // context, the error page says so.
  if (setting === 'webgl') return { renderer: 'webgl', reason: 'forced' }
  if (!env.hasWebGLInterface) return { renderer: 'canvas2d', reason: 'no-interface' }
  const canvas = env.createCanvas()
  const hardware = tryContext(canvas, { failIfMajorPerformanceCaveat: true })
  if (hardware) {
    release(hardware)
    return { renderer: 'webgl', reason: 'webgl' }
  }
  // A second canvas: some engines hand back no context to a canvas that already refused once.
  const software = tryContext(env.createCanvas(), {})
  if (software) {
    release(software)
    return { renderer: 'webgl', reason: 'webgl-software' }
  }
  return { renderer: 'canvas2d', reason: 'no-context' }
}

/** The real page's environment. */
export function browserRendererEnvironment(): RendererEnvironment {
  return {
    hasWebGLInterface: typeof (window as { WebGLRenderingContext?: unknown }).WebGLRenderingContext !== 'undefined',
    createCanvas: () => document.createElement('canvas'),
  }
}
