import { describe, expect, it } from 'vitest'
import { chooseRenderer, LIGHTNING_CONTEXT_ATTRIBUTES, type RendererEnvironment } from '../../src/platform/renderer'

interface Probe {
  kinds: string[]
  attributes: Record<string, unknown>[]
  lost: number
}

/** A fake page: `answer` decides what getContext gives for each try. */
function env(hasWebGLInterface: boolean, answer: (kind: string, attributes: Record<string, unknown>) => 'context' | 'null' | 'throw'): RendererEnvironment & { probe: Probe } {
  const probe: Probe = { kinds: [], attributes: [], lost: 0 }
  return {
    probe,
    hasWebGLInterface,
    createCanvas: () => ({
      getContext(kind: string, attributes: Record<string, unknown> = {}) {
        probe.kinds.push(kind)
        probe.attributes.push(attributes)
        const a = answer(kind, attributes)
        if (a === 'throw') throw new Error('GPU process unavailable')
        if (a === 'null') return null
        return { getExtension: (name: string) => (name === 'WEBGL_lose_context' ? { loseContext: () => void probe.lost++ } : null) }
      },
    }),
  }
}

describe('chooseRenderer', () => {
  it("picks WebGL when a hardware context can be made, with Lightning's own attributes but a kept drawing buffer, and keeps the context for Lightning", () => {
    const e = env(true, () => 'context')
    const probe = chooseRenderer('auto', e)
    expect(probe).toMatchObject({ renderer: 'webgl', reason: 'webgl' })
    expect(probe.context).toBeDefined()
    expect(e.probe.attributes[0]).toEqual({ ...LIGHTNING_CONTEXT_ATTRIBUTES, preserveDrawingBuffer: true, failIfMajorPerformanceCaveat: true })
    // Made once: the probe's context is the one Lightning draws with, not lost and made again.
    expect(e.probe.kinds).toEqual(['webgl'])
    expect(e.probe.lost).toBe(0)
  })

  it('keeps WebGL when only a software context exists (failIfMajorPerformanceCaveat refused)', () => {
    const e = env(true, (_kind, attributes) => (attributes.failIfMajorPerformanceCaveat ? 'null' : 'context'))
    const probe = chooseRenderer('auto', e)
    expect(probe).toMatchObject({ renderer: 'webgl', reason: 'webgl-software' })
    expect(probe.context).toBeDefined()
    // A frame can draw only what changed (webglFrameSkip.ts) on a buffer the browser keeps.
    expect(e.probe.attributes.at(-1)).toEqual({ ...LIGHTNING_CONTEXT_ATTRIBUTES, preserveDrawingBuffer: true })
  })

  it('tries the prefixed experimental-webgl of old WebKit and Android WebViews', () => {
    const e = env(true, (kind) => (kind === 'experimental-webgl' ? 'context' : 'null'))
    expect(chooseRenderer('auto', e).renderer).toBe('webgl')
    expect(e.probe.kinds.slice(0, 2)).toEqual(['webgl', 'experimental-webgl'])
  })

  it('falls back to canvas2d when the interface exists but no context can be made (the case Lightning throws on)', () => {
    expect(chooseRenderer('auto', env(true, () => 'null'))).toEqual({ renderer: 'canvas2d', reason: 'no-context' })
    expect(chooseRenderer('auto', env(true, () => 'throw'))).toEqual({ renderer: 'canvas2d', reason: 'no-context' })
  })

  it('falls back to canvas2d without probing when the engine has no WebGL interface (Android 4.4)', () => {
    const e = env(false, () => 'context')
    expect(chooseRenderer('auto', e)).toEqual({ renderer: 'canvas2d', reason: 'no-interface' })
    expect(e.probe.kinds).toEqual([])
  })

  it('obeys the operator: canvas2d even with WebGL, WebGL without probing', () => {
    expect(chooseRenderer('canvas2d', env(true, () => 'context'))).toEqual({ renderer: 'canvas2d', reason: 'forced' })
    const e = env(true, () => 'null')
    expect(chooseRenderer('webgl', e)).toEqual({ renderer: 'webgl', reason: 'forced' })
    expect(e.probe.kinds).toEqual([])
  })
})
