/**
 * `textUpload` (settings.json): 'direct' hands each text's canvas to WebGL as it is (Lightning's
 * forceTxCanvasSource), 'copy' reads its pixels back first. The bench measured 'direct' saving the
 * getImageData copy (about 12 ms per key at 4× CPU on the notices list); this checks that it draws the
 * same pixels, so no artifact comes with the speed: the same screen in both modes, compared pixel by pixel.
 */
import { afterEach, describe, expect, inject, it } from 'vitest'
import { Tv } from './tv'

const baseUrl = inject('baseUrl')
let tv: Tv | undefined

afterEach(async () => {
  await tv?.close()
  tv = undefined
})

/** The notices list as drawn with `textUpload`, as a PNG of the whole window. */
async function notices(textUpload: 'copy' | 'direct'): Promise<Buffer> {
  tv = await Tv.launch(baseUrl)
  await tv.page.route('**/settings.json', async (route) => {
    const response = await route.fetch()
    const settings = (await response.json()) as Record<string, unknown>
    await route.fulfill({ response, json: { ...settings, textUpload } })
  })
  await tv.open('notices')
  await tv.waitForText('共 ')
  await tv.waitForFocusedText('【置顶】')
  const renderer = await tv.page.locator('[data-testid="stage"]').getAttribute('data-renderer')
  expect(renderer).toBe('webgl')
  await tv.nextFrame()
  const png = await tv.page.screenshot({ animations: 'disabled' })
  tv.expectNoErrors()
  await tv.close()
  tv = undefined
  return png
}

/** Pixels that differ by more than `tolerance` in any channel, and pixels unlike the background, as shares. */
async function compare(a: Buffer, b: Buffer, tolerance = 24): Promise<{ differing: number; drawn: number }> {
  const page = await Tv.launch(baseUrl)
  try {
    return await page.page.evaluate(
      async ({ a, b, tolerance }) => {
        const load = async (base64: string): Promise<Uint8ClampedArray> => {
          const image = new Image()
          image.src = `data:image/png;base64,${base64}`
          await image.decode()
          const canvas = document.createElement('canvas')
          canvas.width = image.width
          canvas.height = image.height
          const ctx = canvas.getContext('2d')!
          ctx.drawImage(image, 0, 0)
          return ctx.getImageData(0, 0, image.width, image.height).data
        }
        const [pa, pb] = [await load(a), await load(b)]
        if (pa.length !== pb.length) return { differing: 1, drawn: 0 }
        // The background is the stage's clear colour #0a1628.
        let differing = 0
        let drawn = 0
        for (let i = 0; i < pa.length; i += 4) {
          const d = Math.max(Math.abs(pa[i]! - pb[i]!), Math.abs(pa[i + 1]! - pb[i + 1]!), Math.abs(pa[i + 2]! - pb[i + 2]!))
          if (d > tolerance) differing++
          if (Math.abs(pa[i]! - 0x0a) + Math.abs(pa[i + 1]! - 0x16) + Math.abs(pa[i + 2]! - 0x28) > 30) drawn++
        }
        const pixels = pa.length / 4
        return { differing: differing / pixels, drawn: drawn / pixels }
      },
      { a: a.toString('base64'), b: b.toString('base64'), tolerance },
    )
  } finally {
    await page.close()
  }
}

describe('text upload modes', () => {
  it('draw the notices list the same with the canvas handed over directly as with the pixels copied', async () => {
    const copied = await notices('copy')
    const direct = await notices('direct')
    const { differing, drawn } = await compare(copied, direct)
    // The screen is full of text and cards, so a blank or half-drawn stage would differ a lot.
    expect(drawn).toBeGreaterThan(0.05)
    // Anti-aliasing may round differently at a few edges; an artifact (a black box, a garbled text) would not.
    expect(differing).toBeLessThan(0.002)
  })
})

