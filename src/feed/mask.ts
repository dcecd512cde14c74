/**
 * Masks personal data before it reaches the screen, whatever the server already did. The screen is a
 * family TV in a shared room, and the server's masking is a promise the box cannot check:
 *
 * - a name keeps its first character and, from three characters on, its last (张* · 李*光 · 欧**娜);
 * - the application number keeps its first and last four;
 * - inside any text: mobile numbers, landlines and numbers of 15 digits or more (ID numbers, the old
 *   15-digit ones, bank cards) keep their first 3 and last 4 digits. Three and four are what a person
 *   needs to recognise their own number, and hide an ID number's birth date.
 *
 * No lookbehind in the patterns: old set-top-box engines (Chrome 38) cannot parse it.
 */

/**
 * Full-width digits (０-９), plus and hyphen as ASCII, so that a number typed with a Chinese input method
 * is found like any other; a full-width X only right after a digit (the check character of an ID number),
 * so that ＸＸ镇 keeps its look.
 */
export function normalizeDigits(text: string): string {
  return text
    .replace(/[０-９＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(\d)([Ｘｘ])/g, (_m, digit: string, x: string) => digit + (x === 'Ｘ' ? 'X' : 'x'))
}

/**
 * The rule applied to every name, stars included: 张三 → 张*, 李四光 → 李*光, 欧阳娜娜 → 欧**娜. A name the
 * server masked by the same rule comes out as it went in (张*华); one whose star is elsewhere is masked
 * again (张三* → 张**, 李四*光 → 李**光), because a server that appends or inserts a star instead of
 * replacing characters shows the whole name. A compound surname is not kept whole (欧阳*明 → 欧**明):
 * telling it from a given name would need a list, and the person still recognises their name.
 */
export function maskName(name: string): string {
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

/** First 3 and last 4 digits of what was matched, separators dropped: 0735-6231233 → 073****1233. */
function keepThreeAndFour(digits: string): string {
  return digits.slice(0, 3) + '*'.repeat(Math.max(0, digits.length - 7)) + digits.slice(-4)
}

// 15 characters or more, all digits but the last, which may be an ID number's check character X.
const LONG_NUMBER = /(^|[^\d])(\d{14,}[\dXx])(?!\d)/g
// 1[3-9] and 9 more digits, optionally after +86 / 0086 / 86 and in groups of 3-4-4.
const MOBILE = /(^|[^\d+])((?:(?:\+|00)?86[- ]?)?)(1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?!\d)/g
// An area code (0 and 2–3 digits, maybe in brackets), then a local number of 7–8 digits.
const LANDLINE = /(^|[^\d])([(（]?0\d{2,3}[)）]?[- ]?\d{7,8})(?!\d)/g

/**
 * Phone numbers and long numbers inside text, after full-width digits are made ASCII. Mobiles go first:
 * 0086 and a mobile number make 15 digits, which would otherwise be masked as an ID number.
 */
export function maskText(text: string): string {
  return normalizeDigits(text)
    .replace(MOBILE, (_m, before: string, prefix: string, mobile: string) => before + prefix + keepThreeAndFour(mobile.replace(/\D/g, '')))
    .replace(LONG_NUMBER, (_m, before: string, number: string) => before + keepThreeAndFour(number))
    .replace(LANDLINE, (_m, before: string, phone: string) => before + keepThreeAndFour(phone.replace(/\D/g, '')))
}
