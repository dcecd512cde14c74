/**
 * Masks personal data before it reaches the screen, whatever the server already did:
 * a name keeps its first and last character, a number its first and last four digits.
 */

/** 张三 → 张*, 李四光 → 李*光, 欧阳娜娜 → 欧**娜; an already masked name stays as it is. */
export function maskName(name: string): string {
  if (name.indexOf('*') >= 0) return name.trim()
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.length ? '*' : ''
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** 2026112000001 → 2026*****0001; short numbers keep only their last two characters. */
export function maskNumber(value: string): string {
  const chars = Array.from(value)
  if (chars.length <= 4) return '*'.repeat(Math.max(0, chars.length - 2)) + chars.slice(-2).join('')
  if (chars.length <= 8) return '*'.repeat(chars.length - 4) + chars.slice(-4).join('')
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('')
}

/**
 * Mobile numbers inside free text (an office's note may quote one), also written +86 138-1234-5678:
 * keep the first 3 and last 4 digits.
 */
export function maskPhonesInText(text: string): string {
  // No lookbehind: old set-top-box engines (Chrome 38) cannot parse it.
  return text.replace(/(^|[^\d+])((?:\+?86[- ]?)?1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)/g, '$1$2****$3')
}
