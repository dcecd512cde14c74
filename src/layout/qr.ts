/**
 * QR codes made on the box, so a viewer can continue on a phone (online service, attachment).
 * Error correction M survives a slightly blurry TV picture; the quiet zone is part of the image.
 */
import qrcode from 'qrcode-generator'

export interface QrImage {
  /** A GIF data URI, black modules on white. */
  src: string
  /** Width and height of the image in px. */
  size: number
  modules: number
}

/**
 * The URL as a browser will use it: `new URL(u).href` puts the host in punycode and percent-encodes the
 * path as UTF-8, so the phone opens the site the box checked. Text that is no URL, or an engine without
 * URL (the legacy bundle's polyfill provides one), is kept as it is.
 */
function normalised(text: string): string {
  if (typeof URL !== 'function') return text
  try {
    return new URL(text).href
  } catch {
    return text
  }
}

/** UTF-8 bytes of `s`; a lone surrogate becomes U+FFFD, as a browser's encoder makes it. */
function utf8(s: string): number[] {
  const bytes: number[] = []
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
  }
  return bytes
}

/** The bytes a QR code of `text` holds. */
export function qrPayload(text: string): number[] {
  return utf8(normalised(text))
}

export function makeQr(text: string, targetPx: number): QrImage {
  const qr = qrcode(0, 'M')
  // qrcode-generator keeps the low byte of each UTF-16 unit: hand it one unit per byte.
  let bytes = ''
  for (const byte of qrPayload(text)) bytes += String.fromCharCode(byte)
  qr.addData(bytes, 'Byte')
  qr.make()
  const modules = qr.getModuleCount()
  const margin = 4
  const cell = Math.max(2, Math.floor(targetPx / (modules + 2 * margin)))
  return { src: qr.createDataURL(cell, cell * margin), size: cell * (modules + 2 * margin), modules }
}
