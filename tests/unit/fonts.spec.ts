/** The operator's fontFace as a list of families, Chinese fonts first by default. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_FONT_STACK, fontStack, fontStackOf, setFontStack } from '../../src/theme/fonts'

describe('font stack', () => {
  it('reads one family, a CSS list with quotes, or a list', () => {
    expect(fontStackOf('sans-serif')).toEqual(['sans-serif'])
    expect(fontStackOf('"Noto Sans CJK SC", \'Droid Sans Fallback\', sans-serif')).toEqual(['Noto Sans CJK SC', 'Droid Sans Fallback', 'sans-serif'])
    expect(fontStackOf(['Source Han Sans SC', ' sans-serif '])).toEqual(['Source Han Sans SC', 'sans-serif'])
    expect(fontStackOf(' , ')).toEqual([])
  })

  it('names a font with the Chinese glyphs before the generic family, and falls back to the default when given none', () => {
    expect(DEFAULT_FONT_STACK[0]).toBe('Noto Sans CJK SC')
    expect(DEFAULT_FONT_STACK[DEFAULT_FONT_STACK.length - 1]).toBe('sans-serif')
    setFontStack(['Droid Sans Fallback'])
    expect(fontStack()).toEqual(['Droid Sans Fallback'])
    setFontStack([])
    expect(fontStack()).toEqual([...DEFAULT_FONT_STACK])
  })

  it('hands out the same array every time: Lightning redraws a text whose fontFace is a new array', () => {
    setFontStack(['Noto Sans CJK SC', 'sans-serif'])
    expect(fontStack()).toBe(fontStack())
  })
})
