import { describe, expect, it } from 'vitest'
import { colorFromHex, contrastRatio, palette, safeArea, type } from '../../src/theme/tokens'
import { isLargeText, scaledSize, setLargeText } from '../../src/theme/scale'

describe('elder-friendly design tokens (适老化)', () => {
  it('keeps body text at 7:1 or more against every surface it sits on', () => {
    for (const bg of [palette.background, palette.surface, palette.surfaceRaised]) {
      expect(contrastRatio(palette.text, bg)).toBeGreaterThanOrEqual(7)
      expect(contrastRatio(palette.textMuted, bg)).toBeGreaterThanOrEqual(7)
    }
  })

  it('keeps focused text, badges and every alert level at 7:1 or more', () => {
    expect(contrastRatio(palette.focusText, palette.focus)).toBeGreaterThanOrEqual(7)
    expect(contrastRatio(palette.badgeText, palette.badge)).toBeGreaterThanOrEqual(7)
    for (const level of Object.values(palette.alert)) {
      expect(contrastRatio(level.text, level.background)).toBeGreaterThanOrEqual(7)
    }
  })

  it('uses at least 32 px for any text and 44 px for headings on the 1080p design', () => {
    expect(Math.min(type.hint, type.body, type.label)).toBeGreaterThanOrEqual(32)
    expect(type.heading).toBeGreaterThanOrEqual(44)
    expect(type.title).toBeGreaterThanOrEqual(44)
  })

  it('keeps a 5 % safe area on each edge', () => {
    expect(safeArea.x).toBeGreaterThanOrEqual(1920 * 0.05)
    expect(safeArea.y).toBeGreaterThanOrEqual(1080 * 0.05)
    expect(safeArea.x + safeArea.w).toBeLessThanOrEqual(1920 * 0.95)
    expect(safeArea.y + safeArea.h).toBeLessThanOrEqual(1080 * 0.95)
  })

  it('scales type by 1.25 in large-text mode and back', () => {
    setLargeText(true)
    expect(isLargeText()).toBe(true)
    expect(scaledSize(32)).toBe(40)
    setLargeText(false)
    expect(scaledSize(32)).toBe(32)
  })

  it('computes WCAG contrast like the reference (black on white is 21:1)', () => {
    expect(contrastRatio(0xff000000, 0xffffffff)).toBeCloseTo(21, 5)
    expect(colorFromHex('#C8102E')).toBe(0xffc8102e)
  })
})

describe('operator branding', () => {
  it('takes the accent colour and name from settings, and keeps the default accent without one', async () => {
    const { applyBranding, currentBranding } = await import('../../src/theme/branding')
    const before = palette.accent
    applyBranding({ name: '湖南有线' })
    expect(palette.accent).toBe(before)
    applyBranding({ name: '湖南有线', accentColor: '#0B4F9E', logo: 'images/logo.png' })
    expect(palette.accent).toBe(0xff0b4f9e)
    expect(currentBranding()).toEqual({ name: '湖南有线', logo: 'images/logo.png' })
    palette.accent = before
  })
})
