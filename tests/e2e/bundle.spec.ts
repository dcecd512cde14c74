/**
 * The scripts a box downloads, as served: ASCII only, so the browser holds each source at one byte per
 * character (rollup.config.js asciiOnly() for js/app.js, terser's ascii_only for js/app.legacy.js).
 */
import { expect, inject, it } from 'vitest'

const baseUrl = inject('baseUrl')

for (const script of ['js/app.js', 'js/app.legacy.js']) {
  it(`${script} has no character over 127`, async () => {
    const response = await fetch(`${baseUrl}/${script}`)
    expect(response.status).toBe(200)
    const code = await response.text()
    expect(code.length).toBeGreaterThan(100_000)
    const at = code.search(/[^\x00-\x7f]/)
    expect(at < 0 ? '' : code.slice(Math.max(0, at - 40), at + 10)).toBe('')
  })
}
