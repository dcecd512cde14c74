import { describe, expect, it } from 'vitest'
import { DirtyRegions, QUAD, QUAD_STRIDE, type CanvasState } from '../../src/platform/dirtyRegion'

/** A quad as a test writes it: an axis-aligned box on the stage, with what decides its pixels. */
interface Box {
  key: object
  texture?: object
  x: number
  y: number
  w: number
  h: number
  color?: number
  alpha?: number
  scissor?: [number, number, number, number]
}

const CANVAS: CanvasState = { width: 1920, height: 1080, precision: 1, background: '0,0,0,1' }
const TEXT = {}

function draw(regions: DirtyRegions, boxes: Box[], canvas: CanvasState = CANVAS) {
  const frame = regions.frame()
  for (const b of boxes) {
    const o = frame.push(b.key, b.texture ?? TEXT)
    const v = frame.values
    v.fill(0, o, o + QUAD_STRIDE)
    v[o + QUAD.ta] = 1
    v[o + QUAD.td] = 1
    v[o + QUAD.px] = b.x
    v[o + QUAD.py] = b.y
    v[o + QUAD.w] = b.w
    v[o + QUAD.h] = b.h
    v[o + QUAD.alpha] = b.alpha ?? 1
    v[o + QUAD.colorUl] = v[o + QUAD.colorUr] = v[o + QUAD.colorBl] = v[o + QUAD.colorBr] = b.color ?? 0xffffffff
    v[o + QUAD.brx] = v[o + QUAD.bry] = 1
    v[o + QUAD.scissorX] = b.scissor ? b.scissor[0] : -1
    v[o + QUAD.scissorY] = b.scissor ? b.scissor[1] : -1
    v[o + QUAD.scissorW] = b.scissor ? b.scissor[2] : -1
    v[o + QUAD.scissorH] = b.scissor ? b.scissor[3] : -1
  }
  return regions.plan(canvas)
}

/** Eight tiles in a row, as Home has them, and a title above. */
function home(focused: number) {
  const title = { key: keys.title, x: 96, y: 40, w: 400, h: 80 }
  const tiles = keys.tiles.map((key, i) => ({ key, x: 96 + i * 220, y: 350, w: 200, h: 220, color: i === focused ? 0xffffc000 : 0xff1e3250 }))
  return [title, ...tiles]
}
const keys = { title: {}, tiles: Array.from({ length: 8 }, () => ({})) }

describe('DirtyRegions: which part of a canvas2d stage a frame paints again', () => {
  it('paints the first frame whole: there is nothing on the canvas to keep', () => {
    expect(draw(new DirtyRegions(), home(0))).toEqual({ kind: 'full' })
  })

  it('paints nothing when no quad changed (a frame Lightning ran for something that draws no different)', () => {
    const regions = new DirtyRegions()
    draw(regions, home(0))
    expect(draw(regions, home(0))).toEqual({ kind: 'none' })
  })

  it('moving focus between two tiles repaints the two tiles and a margin for antialiased edges, nothing else', () => {
    const regions = new DirtyRegions({ margin: 2 })
    draw(regions, home(0))
    // Tile 0 at x 96..296, tile 1 at 316..516, both y 350..570.
    expect(draw(regions, home(1))).toEqual({ kind: 'region', x: 94, y: 348, w: 516 - 94 + 2, h: 570 - 348 + 2 })
  })

  it('counts a quad both where it was and where it is when it moves', () => {
    const regions = new DirtyRegions({ margin: 0 })
    const key = {}
    draw(regions, [{ key, x: 100, y: 100, w: 50, h: 50 }])
    expect(draw(regions, [{ key, x: 300, y: 100, w: 50, h: 50 }])).toEqual({ kind: 'region', x: 100, y: 100, w: 250, h: 50 })
  })

  it('repaints where a quad was when it is no longer drawn, and where a new one appears', () => {
    const regions = new DirtyRegions({ margin: 0 })
    const gone = {}
    const kept = {}
    const added = {}
    draw(regions, [{ key: gone, x: 10, y: 10, w: 10, h: 10 }, { key: kept, x: 500, y: 500, w: 10, h: 10 }])
    expect(draw(regions, [{ key: kept, x: 500, y: 500, w: 10, h: 10 }])).toEqual({ kind: 'region', x: 10, y: 10, w: 10, h: 10 })
    expect(draw(regions, [{ key: kept, x: 500, y: 500, w: 10, h: 10 }, { key: added, x: 40, y: 40, w: 20, h: 20 }])).toEqual({
      kind: 'region',
      x: 40,
      y: 40,
      w: 20,
      h: 20,
    })
  })

  it('sees every number that decides a quad’s pixels: texture, colour, alpha, scissor', () => {
    const key = {}
    const base: Box = { key, x: 200, y: 200, w: 40, h: 40 }
    const changes: Box[] = [
      { ...base, texture: {} },
      { ...base, color: 0xff00ff00 },
      { ...base, alpha: 0.5 },
      { ...base, scissor: [0, 0, 100, 100] },
    ]
    for (const changed of changes) {
      const regions = new DirtyRegions({ margin: 0 })
      draw(regions, [base])
      expect(draw(regions, [changed])).toEqual({ kind: 'region', x: 200, y: 200, w: 40, h: 40 })
    }
  })

  it('takes a transformed quad’s four corners: a scaled element covers more than its own size', () => {
    const regions = new DirtyRegions({ margin: 0 })
    const key = {}
    draw(regions, [])
    const frame = regions.frame()
    const o = frame.push(key, TEXT)
    const v = frame.values
    v.fill(0, o, o + QUAD_STRIDE)
    // Scaled 1.5× about its own top-left corner at (100, 100), 40 × 20.
    v[o + QUAD.ta] = 1.5
    v[o + QUAD.td] = 1.5
    v[o + QUAD.px] = 100
    v[o + QUAD.py] = 100
    v[o + QUAD.w] = 40
    v[o + QUAD.h] = 20
    expect(regions.plan(CANVAS)).toEqual({ kind: 'region', x: 100, y: 100, w: 60, h: 30 })
  })

  it('works in device pixels: a 720p canvas of the 1080p design scales every rectangle by its precision', () => {
    const canvas720 = { ...CANVAS, width: 1280, height: 720, precision: 2 / 3 }
    const regions = new DirtyRegions({ margin: 0 })
    const key = {}
    draw(regions, [{ key, x: 300, y: 300, w: 30, h: 30 }], canvas720)
    expect(draw(regions, [{ key, x: 300, y: 300, w: 30, h: 30, color: 0xff000000 }], canvas720)).toEqual({ kind: 'region', x: 200, y: 200, w: 20, h: 20 })
  })

  it('paints everything when the change covers more than the share it is given (a new screen)', () => {
    const regions = new DirtyRegions({ maxShare: 0.5 })
    draw(regions, home(0))
    const page = [{ key: {}, x: 0, y: 0, w: 1920, h: 700 }]
    expect(draw(regions, page)).toEqual({ kind: 'full' })
  })

  it('paints everything when two quads swap places in the drawing order (which one is on top may change)', () => {
    const regions = new DirtyRegions()
    const a = { key: {}, x: 10, y: 10, w: 10, h: 10 }
    const b = { key: {}, x: 15, y: 15, w: 10, h: 10 }
    draw(regions, [a, b])
    expect(draw(regions, [b, a])).toEqual({ kind: 'full' })
  })

  it('after a frame it stopped comparing early, compares the next one with all of that frame', () => {
    const regions = new DirtyRegions()
    const a = { key: {}, x: 10, y: 10, w: 10, h: 10 }
    const b = { key: {}, x: 15, y: 15, w: 10, h: 10 }
    const c = { key: {}, x: 300, y: 300, w: 10, h: 10 }
    draw(regions, [a, b, c])
    // The swap is seen at a, before c is reached.
    expect(draw(regions, [b, a, c])).toEqual({ kind: 'full' })
    expect(draw(regions, [b, a, c])).toEqual({ kind: 'none' })
  })

  it('paints everything when an element is drawn twice in one frame', () => {
    const regions = new DirtyRegions()
    const a = { key: {}, x: 10, y: 10, w: 10, h: 10 }
    draw(regions, [a])
    expect(draw(regions, [a, { ...a, x: 50 }])).toEqual({ kind: 'full' })
  })

  it('paints everything when the canvas, its precision or the clear colour changed, and after reset()', () => {
    const changes: CanvasState[] = [
      { ...CANVAS, width: 1280 },
      { ...CANVAS, height: 720 },
      { ...CANVAS, precision: 0.5 },
      // The player clears the canvas transparent while a video plays under it.
      { ...CANVAS, background: '0,0,0,0' },
    ]
    for (const canvas of changes) {
      const regions = new DirtyRegions()
      draw(regions, home(0))
      expect(draw(regions, home(0), canvas)).toEqual({ kind: 'full' })
    }
    const regions = new DirtyRegions()
    draw(regions, home(0))
    regions.reset()
    expect(draw(regions, home(0))).toEqual({ kind: 'full' })
    expect(draw(regions, home(0))).toEqual({ kind: 'none' })
  })

  it('keeps the rectangle inside the canvas', () => {
    const regions = new DirtyRegions({ margin: 4 })
    const key = {}
    draw(regions, [{ key, x: -50, y: 1060, w: 100, h: 100 }])
    expect(draw(regions, [{ key, x: -50, y: 1060, w: 100, h: 100, color: 0xff000000 }])).toEqual({ kind: 'region', x: 0, y: 1056, w: 54, h: 24 })
  })

  it('compares with the frame before even after a thousand frames of a list growing and shrinking', () => {
    const regions = new DirtyRegions({ margin: 0 })
    const rows = Array.from({ length: 300 }, () => ({}))
    let last = 0
    for (let n = 1; n <= 1000; n++) {
      const count = 100 + (n % 200)
      const plan = draw(
        regions,
        rows.slice(0, count).map((key, i) => ({ key, x: 0, y: i * 3, w: 10, h: 3 })),
      )
      if (n > 1) {
        // Rows appear or disappear at the end only: the repaint is the band between the two lengths.
        const from = Math.min(last, count)
        const to = Math.max(last, count)
        expect(plan).toEqual({ kind: 'region', x: 0, y: from * 3, w: 10, h: (to - from) * 3 })
      }
      last = count
    }
  })
})
