/**
 * The phone number of a call-back request (请工作人员联系我): checked, normalised for the service, masked
 * for the screen. A mainland mobile is 1[3-9] and nine more digits; a landline is an area code (0 and two
 * or three digits) and a local number of seven or eight. On the remote there is no dash, so a landline
 * typed as one run of digits is split by the numbering plan: the three-digit area codes are 010 and
 * 020–029, every other one has four digits (0735 郴州).
 *
 * Nothing here logs, stores or throws: a number that does not fit is `undefined`, never an error text
 * that could carry it. No lookbehind in the patterns (Chrome 38 cannot parse it).
 */
import { normalizeDigits } from './mask'

export type PhoneKind = 'mobile' | 'landline'

export interface Phone {
  kind: PhoneKind
  /** As the service receives it: `13812345678`, `0735-6201234`. */
  value: string
}

/** The most digits a person can type: a four-digit area code and an eight-digit local number. */
export const MAX_PHONE_DIGITS = 12

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE_WRITTEN = /^[(（]?(0\d{2,3})[)）]?[- ]?(\d{7,8})$/
const LANDLINE_DIGITS = /^0\d{9,11}$/

/** Three-digit area codes: Beijing (010) and 020–029; every other area code has four digits. */
function areaCodeLength(digits: string): number {
  return /^0(?:10|2\d)/.test(digits) ? 3 : 4
}

function landline(area: string, local: string): Phone | undefined {
  return /^0\d{2,3}$/.test(area) && /^\d{7,8}$/.test(local) ? { kind: 'landline', value: `${area}-${local}` } : undefined
}

/**
 * A phone number as a person may write or type it: full-width digits, spaces, dashes, brackets around
 * the area code, a +86 / 0086 / 86 country code (then the landline's leading 0 may be missing:
 * +86 735 6201234). Undefined when it is neither a mainland mobile nor a landline.
 */
export function parsePhone(input: string): Phone | undefined {
  let text = normalizeDigits(input).replace(/[\u3000\u00a0]/g, ' ').trim()
  const international = /^(?:\+|00)86[- ]?/.exec(text)
  if (international) {
    text = text.slice(international[0].length)
    // Abroad a landline is written without its trunk 0: +86 735 6201234, +86 (10) 12345678.
    const bare = text.replace(/^[(（]/, '')
    if (/^[1-9]/.test(bare) && !/^1[3-9]\d/.test(bare)) text = text.replace(/^([(（]?)/, '$10')
  } else if (/^86[- ]?1[3-9]/.test(text) && text.replace(/\D/g, '').length === 13) {
    text = text.replace(/^86[- ]?/, '')
  }
  const digits = text.replace(/[- ]/g, '')
  if (MOBILE.test(digits)) return { kind: 'mobile', value: digits }
  const written = LANDLINE_WRITTEN.exec(text.replace(/\s+/g, ' '))
  if (written && /[-( （]/.test(text)) return landline(written[1] ?? '', written[2] ?? '')
  if (LANDLINE_DIGITS.test(digits)) {
    const cut = areaCodeLength(digits)
    return landline(digits.slice(0, cut), digits.slice(cut))
  }
  return undefined
}

export function isValidPhone(input: string): boolean {
  return parsePhone(input) !== undefined
}

/**
 * How many digits the remote may type: a number that starts with 1 is a mobile and stops at 11, so a
 * twelfth press cannot spoil a number that was right.
 */
export function maxPhoneDigits(typed: string): number {
  return typed.charAt(0) === '1' ? 11 : MAX_PHONE_DIGITS
}

/**
 * The number as the screen shows it once entered: a mobile keeps its first three and last four digits
 * (138****5678), a landline its area code and the last four of the local number (0735-***1234), which is
 * what a person needs to recognise their own number and what the room need not see.
 */
export function maskPhone(phone: Phone): string {
  if (phone.kind === 'mobile') return `${phone.value.slice(0, 3)}****${phone.value.slice(-4)}`
  const [area = '', local = ''] = phone.value.split('-')
  return `${area}-${'*'.repeat(Math.max(0, local.length - 4))}${local.slice(-4)}`
}

/**
 * Digits being typed, in groups the eye can check against a phone book: a mobile as 3-4-4
 * (138 1234 5678), a landline as its area code and the rest (0735 6201234).
 */
export function groupDigits(digits: string): string {
  if (digits.charAt(0) === '1') return [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)].filter(Boolean).join(' ')
  if (digits.charAt(0) === '0' && digits.length > 4) {
    const cut = areaCodeLength(digits)
    return `${digits.slice(0, cut)} ${digits.slice(cut)}`
  }
  return digits
}
