/**
 * Which part of a canvas2d stage a frame has to paint again. Lightning's canvas2d renderer clears and
 * redraws the whole stage on every frame with a change; on a box without WebGL (Android 4.4's WebView)
 * every redrawn pixel is software work, and moving focus between two tiles changes a few percent of the
 * screen. This compares the frame's quads with the last painted frame's, quad by quad (each element is one
 * quad: what it shows and every number that decides its pixels), and answers: nothing changed, repaint
 * this rectangle, or repaint everything. Plain TypeScript, no Lightning or DOM: c2dPartialRepaint.ts feeds
 * it Lightning's render state.
 */

/** The numbers kept per quad, in this order (offsets into QuadFrame.values). */
export const QUAD = {
  // The render context's transform (stage coordinates): x' = ta·x + tb·y + px, y' = tc·x + td·y + py.
  ta: 0,
  tb: 1,
  tc: 2,
  td: 3,
  px: 4,
  py: 5,
  w: 6,
  h: 7,
  alpha: 8,
  colorUl: 9,
  colorUr: 10,
  colorBl: 11,
  colorBr: 12,
  // Texture coordinates (a clipped or sprite texture).
  ulx: 13,
  uly: 14,
  brx: 15,
  bry: 16,
  /** The renderer's per-quad modes (white, simple texture coordinates). */
  modes: 17,
  /** The native texture's upload frame: a texture whose pixels were replaced in place. */
  textureStamp: 18,
  /** The quad's scissor (stage coordinates), -1 when it has none. */
  scissorX: 19,
  scissorY: 20,
  scissorW: 21,
  scissorH: 22,
} as const
/** Numbers per quad. */
export const QUAD_STRIDE = 23

/** One frame's quads in drawing order: the element each belongs to, its texture and its numbers. */
export class QuadFrame {
  count = 0
  readonly keys: object[] = []
  readonly textures: unknown[] = []
  values = new Float64Array(QUAD_STRIDE * 64)

  clear(): void {
    this.count = 0
  }

  /** Adds a quad; returns the offset of its numbers in `values` (QUAD.* from there). */
  push(key: object, texture: unknown): number {
    const i = this.count++
    this.keys[i] = key
    this.textures[i] = texture
    const offset = i * QUAD_STRIDE
    if (offset + QUAD_STRIDE > this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    return offset
  }
}

export type RepaintPlan =
  | { kind: 'full' }
  | { kind: 'none' }
  /** Device pixels of the canvas, whole numbers, inside it. */
  | { kind: 'region'; x: number; y: number; w: number; h: number }

export interface DirtyRegionOptions {
  /** Above this share of the canvas (default 0.9) the whole stage is repainted: a new screen, not a change on one. */
  maxShare?: number
  /** Device pixels added around every changed quad: antialiased edges reach past a quad's bounds. */
  margin?: number
}

export interface CanvasState {
  width: number
  height: number
  /** Device pixels per stage coordinate. */
  precision: number
  /** The stage's clear colour (a change repaints everything). */
  background: string
}

export class DirtyRegions {
  private current = new QuadFrame()
  private previous = new QuadFrame()
  private previousIndex = new Map<object, number>()
  private currentIndex = new Map<object, number>()
  /** Whether compare() indexed every quad of the current frame, so remember() can keep its index. */
  private indexed = false
  private matched = new Uint32Array(64)
  private generation = 0
  private last: CanvasState | undefined
  private readonly maxShare: number
  private readonly margin: number
  // The rectangle being gathered (device pixels).
  private x0 = 0
  private y0 = 0
  private x1 = 0
  private y1 = 0

  constructor(options: DirtyRegionOptions = {}) {
    this.maxShare = options.maxShare ?? 0.9
    this.margin = options.margin ?? 2
  }

  /** The frame to fill with this frame's quads before `plan`. */
  frame(): QuadFrame {
    this.current.clear()
    return this.current
  }

  /** The next frame repaints everything (something outside the quads changed the canvas). */
  reset(): void {
    this.last = undefined
  }

  /** What to repaint for the frame just filled; it becomes the frame the next one is compared with. */
  plan(canvas: CanvasState): RepaintPlan {
    const plan = this.compare(canvas)
    // Entries past the count would keep destroyed elements alive.
    const frame = this.current
    frame.keys.length = frame.textures.length = frame.count
    this.remember(canvas)
    return plan
  }

  private compare(canvas: CanvasState): RepaintPlan {
    const last = this.last
    if (!last || last.width !== canvas.width || last.height !== canvas.height) return { kind: 'full' }
    if (last.precision !== canvas.precision || last.background !== canvas.background) return { kind: 'full' }
    const cur = this.current
    const prev = this.previous
    if (this.matched.length < prev.count) this.matched = new Uint32Array(prev.count * 2)
    const generation = ++this.generation
    this.x0 = this.y0 = Infinity
    this.x1 = this.y1 = -Infinity
    let lastMatch = -1
    this.indexed = false
    this.currentIndex.clear()
    for (let i = 0; i < cur.count; i++) {
      const key = cur.keys[i] as object
      // An element drawn twice in a frame (render-to-texture) is beyond a quad-by-quad comparison.
      if (this.currentIndex.has(key)) return { kind: 'full' }
      this.currentIndex.set(key, i)
      const j = this.previousIndex.get(key)
      if (j === undefined) {
        this.include(cur.values, i * QUAD_STRIDE, canvas.precision)
        continue
      }
      // Quads that swapped places in the drawing order may have swapped which is on top.
      if (j < lastMatch) return { kind: 'full' }
      lastMatch = j
      this.matched[j] = generation
      if (!sameQuad(cur, i, prev, j)) {
        this.include(cur.values, i * QUAD_STRIDE, canvas.precision)
        this.include(prev.values, j * QUAD_STRIDE, canvas.precision)
      }
    }
    this.indexed = true
    for (let j = 0; j < prev.count; j++) {
      if (this.matched[j] !== generation) this.include(prev.values, j * QUAD_STRIDE, canvas.precision)
    }
    if (this.x1 <= this.x0 || this.y1 <= this.y0) return { kind: 'none' }
    const x = Math.max(0, Math.floor(this.x0) - this.margin)
    const y = Math.max(0, Math.floor(this.y0) - this.margin)
    const w = Math.min(canvas.width, Math.ceil(this.x1) + this.margin) - x
    const h = Math.min(canvas.height, Math.ceil(this.y1) + this.margin) - y
    if (w <= 0 || h <= 0) return { kind: 'none' }
    if (w * h > this.maxShare * canvas.width * canvas.height) return { kind: 'full' }
    return { kind: 'region', x, y, w, h }
  }

  /** Grows the rectangle by a quad's bounds on the canvas (its four corners through its transform). */
  private include(v: Float64Array, o: number, precision: number): void {
    const w = v[o + QUAD.w] as number
    const h = v[o + QUAD.h] as number
    const ta = v[o + QUAD.ta] as number
    const tb = v[o + QUAD.tb] as number
    const tc = v[o + QUAD.tc] as number
    const td = v[o + QUAD.td] as number
    const px = v[o + QUAD.px] as number
    const py = v[o + QUAD.py] as number
    this.corner(px, py, precision)
    this.corner(px + ta * w, py + tc * w, precision)
    this.corner(px + tb * h, py + td * h, precision)
    this.corner(px + ta * w + tb * h, py + tc * w + td * h, precision)
  }

  private corner(sx: number, sy: number, precision: number): void {
    const x = sx * precision
    const y = sy * precision
    if (x < this.x0) this.x0 = x
    if (x > this.x1) this.x1 = x
    if (y < this.y0) this.y0 = y
    if (y > this.y1) this.y1 = y
  }

  private remember(canvas: CanvasState): void {
    const done = this.previous
    this.previous = this.current
    this.current = done
    // The index of the frame just planned: compare() built it unless it stopped early.
    const index = this.previousIndex
    this.previousIndex = this.currentIndex
    this.currentIndex = index
    if (!this.indexed) {
      const built = this.previousIndex
      built.clear()
      const frame = this.previous
      for (let i = 0; i < frame.count; i++) built.set(frame.keys[i] as object, i)
    }
    this.indexed = false
    this.last = { ...canvas }
  }
}

function sameQuad(a: QuadFrame, i: number, b: QuadFrame, j: number): boolean {
  if (a.textures[i] !== b.textures[j]) return false
  const av = a.values
  const bv = b.values
  const ao = i * QUAD_STRIDE
  const bo = j * QUAD_STRIDE
  for (let k = 0; k < QUAD_STRIDE; k++) if (av[ao + k] !== bv[bo + k]) return false
  return true
}
