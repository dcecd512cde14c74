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

export function makeQr(text: string, targetPx: number): QrImage {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const modules = qr.getModuleCount()
  const margin = 4
  const cell = Math.max(2, Math.floor(targetPx / (modules + 2 * margin)))
  return { src: qr.createDataURL(cell, cell * margin), size: cell * (modules + 2 * margin), modules }
}
