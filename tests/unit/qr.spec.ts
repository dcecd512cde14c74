/**
 * A QR code holds exactly the URL the box checked, as a phone will read it: the normalised href (punycode
 * host, percent-encoded path) in UTF-8 bytes. qrcode-generator keeps only the low byte of each UTF-16
 * unit, so a Chinese path used to become garbage and `乀` (U+4E40) became `@`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import qrcode from 'qrcode-generator'
import { makeQr, qrPayload } from '../../src/layout/qr'

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

afterEach(() => vi.unstubAllGlobals())

describe('qrPayload', () => {
  it('is the UTF-8 of the normalised href for a Chinese path, query and fragment', () => {
    expect(qrPayload('https://zwfw.example.cn/事项/办理?名=养老#节')).toEqual(
      ascii('https://zwfw.example.cn/%E4%BA%8B%E9%A1%B9/%E5%8A%9E%E7%90%86?%E5%90%8D=%E5%85%BB%E8%80%81#%E8%8A%82'),
    )
  })

  it('keeps an internationalised host a host: punycode, never an @ that moves the phone to another site', () => {
    const bytes = qrPayload('https://zwfw.gov.cn乀evil.com/')
    expect(bytes).toEqual(ascii(new URL('https://zwfw.gov.cn乀evil.com/').href))
    expect(bytes).not.toContain('@'.charCodeAt(0))
    expect(String.fromCharCode(...bytes)).toBe('https://zwfw.gov.xn--cnevil-4z7i.com/')
  })

  it('normalises scheme, host case and the default port as the browser will', () => {
    expect(qrPayload('HTTPS://ZWFW.EXAMPLE.CN:443/A')).toEqual(ascii('https://zwfw.example.cn/A'))
  })

  it('encodes a text that is not a URL, or any text where URL is missing, as UTF-8', () => {
    expect(qrPayload('电话 12345')).toEqual([0xe7, 0x94, 0xb5, 0xe8, 0xaf, 0x9d, 0x20, 0x31, 0x32, 0x33, 0x34, 0x35])
    expect(qrPayload('\u{20000}')).toEqual([0xf0, 0xa0, 0x80, 0x80])
    expect(qrPayload('a\uD800b')).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62])
    vi.stubGlobal('URL', undefined)
    expect(qrPayload('https://zwfw.example.cn/事')).toEqual([...ascii('https://zwfw.example.cn/'), 0xe4, 0xba, 0x8b])
  })
})

describe('makeQr', () => {
  it('draws the same code for a Chinese URL as for its percent-encoded href', () => {
    const chinese = makeQr('https://zwfw.example.cn/事项/办理', 300)
    const encoded = makeQr('https://zwfw.example.cn/%E4%BA%8B%E9%A1%B9/%E5%8A%9E%E7%90%86', 300)
    expect(chinese.src).toBe(encoded.src)
    expect(chinese.modules).toBe(encoded.modules)
  })

  it('draws the punycode host for an internationalised one, not the @ the low bytes spell', () => {
    expect(makeQr('https://zwfw.gov.cn乀evil.com/', 300).src).toBe(makeQr('https://zwfw.gov.xn--cnevil-4z7i.com/', 300).src)
    expect(makeQr('https://zwfw.gov.cn乀evil.com/', 300).src).not.toBe(makeQr('https://zwfw.gov.cn@evil.com/', 300).src)
  })

  it('draws an ASCII URL exactly as qrcode-generator draws it from the string', () => {
    const url = 'https://zwfw.hunan.gov.example.cn/linwu/item/yanglao-renzheng'
    const direct = qrcode(0, 'M')
    direct.addData(url, 'Byte')
    direct.make()
    const qr = makeQr(url, 300)
    expect(qr.modules).toBe(direct.getModuleCount())
    expect(qr.size).toBeLessThanOrEqual(300)
    const cell = Math.floor(300 / (qr.modules + 8))
    expect(qr.src).toBe(direct.createDataURL(cell, cell * 4))
  })
})
