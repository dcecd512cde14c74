/**
 * The font families texts are drawn with, most specific first. A family that has the Chinese glyphs
 * itself matters for speed: with only `sans-serif` (DejaVu on Linux boxes and WPE) every new character
 * is looked up through fontconfig's fallback chain. Measured in Chromium at 4× CPU, 30 texts of 20 distinct
 * characters: measureText 1.4–1.6 s with `sans-serif`, 0.1–0.25 s with "Noto Sans CJK SC" named first
 * (Lightning measures every text it draws; fillText and document.fonts.check stay under 0.1 s either way).
 */
// Each family named costs Lightning's document.fonts.check a little per text (about 2 ms at 4× for three absent
// ones): Noto Sans CJK on Linux and Android 7+, Droid Sans Fallback on older Android, then the generic family.
export const DEFAULT_FONT_STACK: readonly string[] = ['Noto Sans CJK SC', 'Droid Sans Fallback', 'sans-serif']

let stack: string[] = DEFAULT_FONT_STACK.slice()

/** The operator's `fontFace`: one family, a CSS list ("A, B") or an array, as families in order. */
export function fontStackOf(fontFace: string | readonly string[]): string[] {
  const list = typeof fontFace === 'string' ? fontFace.split(',') : fontFace
  return list.map((f) => f.trim().replace(/^["']|["']$/g, '')).filter((f) => f.length > 0)
}

export function setFontStack(families: readonly string[]): void {
  stack = (families.length > 0 ? families : DEFAULT_FONT_STACK).slice()
}

/**
 * For a text texture's `fontFace`: Lightning quotes each family and joins them into the canvas font.
 * Always the same array (never changed in place): Lightning compares `fontFace` by identity, and a new
 * array on every patch would draw the text again when only its colour changed.
 */
export function fontStack(): string[] {
  return stack
}
