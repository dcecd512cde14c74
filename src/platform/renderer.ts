/**
 * Which of Lightning's two renderers this box gets, decided before Launch.
 *
 * Lightning 2 only picks canvas2d when `window.WebGLRenderingContext` is undefined; where the interface
 * exists but no context can be made (a blocklisted GPU, `--disable-webgl`, a WebView built without it,
 * a GPU process that died) it throws "This browser does not support webGL." So the app makes a context
 * on a canvas itself and hands Lightning `canvas2d: true` when that fails, or the context when it works.
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

/**
 * The choice, and the probe's WebGL context when WebGL won. Creating a context is not free (half a second
 * on a software GL here, real time on a slow box): the probe's context is handed to Lightning
 * (`stage.context`) instead of being thrown away and made again.
 */
export interface RendererProbe extends RendererChoice {
  context?: unknown
}

/** What Lightning's WebPlatform asks for when it makes its own context; the probe asks the same. */
export const LIGHTNING_CONTEXT_ATTRIBUTES = {
  alpha: true,
  antialias: false,
  premultipliedAlpha: true,
  stencil: true,
  preserveDrawingBuffer: false,
} as const

/**
 * What the probe asks for, and the context Lightning is given: Lightning's own attributes, but a drawing
 * buffer the browser keeps between frames, so a frame can draw only the part that changed (webglFrameSkip.ts).
 */
export const STAGE_CONTEXT_ATTRIBUTES = { ...LIGHTNING_CONTEXT_ATTRIBUTES, preserveDrawingBuffer: true } as const

interface ProbeCanvas {
  getContext(kind: string, attributes?: Record<string, unknown>): unknown
}

export interface RendererEnvironment {
  /** Whether `window.WebGLRenderingContext` exists. */
  hasWebGLInterface: boolean
  createCanvas(): ProbeCanvas
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

export function chooseRenderer(setting: RendererSetting, env: RendererEnvironment): RendererProbe {
  if (setting === 'canvas2d') return { renderer: 'canvas2d', reason: 'forced' }
  // Forcing WebGL skips the probe, for a box whose probe is wrong; if Lightning then cannot make a
  // context, the error page says so.
  if (setting === 'webgl') return { renderer: 'webgl', reason: 'forced' }
  if (!env.hasWebGLInterface) return { renderer: 'canvas2d', reason: 'no-interface' }
  const canvas = env.createCanvas()
  const hardware = tryContext(canvas, { ...STAGE_CONTEXT_ATTRIBUTES, failIfMajorPerformanceCaveat: true })
  if (hardware) return { renderer: 'webgl', reason: 'webgl', context: hardware }
  // A second canvas: some engines hand back no context to a canvas that already refused once.
  const software = tryContext(env.createCanvas(), { ...STAGE_CONTEXT_ATTRIBUTES })
  if (software) return { renderer: 'webgl', reason: 'webgl-software', context: software }
  return { renderer: 'canvas2d', reason: 'no-context' }
}

/** The real page's environment. */
export function browserRendererEnvironment(): RendererEnvironment {
  return {
    hasWebGLInterface: typeof (window as { WebGLRenderingContext?: unknown }).WebGLRenderingContext !== 'undefined',
    createCanvas: () => document.createElement('canvas'),
  }
}
