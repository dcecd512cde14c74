/**
 * Design tokens for a 1920×1080 design; the stage scales them for 720p boxes.
 * Contrast targets (适老化): body text ≥ 7:1 on its background, checked in tests/unit/theme.spec.ts.
 */
export interface Palette {
  background: number
  surface: number
  surfaceRaised: number
  text: number
  textMuted: number
  focus: number
  focusText: number
  accent: number
  badge: number
  badgeText: number
  alert: Record<'red' | 'orange' | 'yellow' | 'blue' | 'info', { background: number; text: number }>
}

export const palette: Palette = {
  background: 0xff0a1628,
  surface: 0xff15263f,
  surfaceRaised: 0xff1f3556,
  text: 0xffffffff,
  textMuted: 0xffd9e1ec,
  // Focus is a thick yellow outline: visible on every surface, not a colour-only state (it also scales).
  focus: 0xffffd21f,
  focusText: 0xff0a1628,
  accent: 0xffc8102e,
  badge: 0xffffffff,
  badgeText: 0xff0a1628,
  alert: {
    red: { background: 0xff9e0b1e, text: 0xffffffff },
    orange: { background: 0xffffa94d, text: 0xff1a0e00 },
    yellow: { background: 0xffffe066, text: 0xff1a1400 },
    blue: { background: 0xff0b4f9e, text: 0xffffffff },
    info: { background: 0xff2b3f5c, text: 0xffffffff },
  },
}

/** Type sizes in px on the 1080p design: body ≥ 32, headings ≥ 44. */
export const type = {
  hint: 32,
  body: 36,
  label: 40,
  heading: 48,
  title: 60,
  lineHeightRatio: 1.5,
} as const

/** 5 % safe area on each edge of the 1920×1080 design. */
export const safeArea = { x: 96, y: 54, w: 1920 - 2 * 96, h: 1080 - 2 * 54 } as const

/**
 * Cards are square-cornered: Lightning's RoundedRectangle is a per-pixel shader that, measured here,
 * made a key press 1.6-1.8x slower on a software GL (it covered 54-76 % of the stage), does nothing in
 * canvas2d, and breaks draw-call batching. Focus is a fill colour or an outline element, never a shader.
 */
export const focusStyle = { outline: 6, scale: 1.05 } as const

export const LARGE_TEXT_FACTOR = 1.25

/** 0xAARRGGBB from "#RRGGBB". */
export function colorFromHex(hex: string): number {
  return (0xff000000 | parseInt(hex.slice(1), 16)) >>> 0
}

/** WCAG 2 contrast ratio between two 0xAARRGGBB colours (alpha ignored). */
export function contrastRatio(a: number, b: number): number {
  const lum = (c: number): number => {
    const channel = (shift: number): number => {
      const s = ((c >>> shift) & 0xff) / 255
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
