/**
 * URLs in the feed (images, attachments, the online service) follow one grammar, written in schema.ts
 * and exported as the JSON Schema's pattern: every box, the validator and editors' own tools decide alike,
 * whatever the engine's URL parser would let through.
 */
import { describe, expect, it } from 'vitest'
import { parseNoticeDetail } from '../../src/feed/document'
import { HTTP_URL_PATTERN, HttpUrlSchema, splitHttpUrl } from '../../src/feed/schema'
import * as v from 'valibot'

const T = '2026-11-20T09:00:00+08:00'
const accepts = (url: string): boolean => v.safeParse(HttpUrlSchema, url).success

describe('feed URLs', () => {
  it.each([
    ['an https URL', 'https://www.linwu.gov.example.cn/attachments/2026/a.pdf'],
    ['an http URL', 'http://img.gov.example.cn/a.png'],
    ['capitals in scheme and host', 'HTTPS://ZWFW.EXAMPLE.CN/A'],
    ['a port', 'https://zwfw.example.cn:8443/a'],
    ['the highest port', 'https://zwfw.example.cn:65535/a'],
    ['a single-label host', 'https://h'],
    ['a query without a path', 'https://zwfw.example.cn?q=1'],
    ['a fragment', 'https://zwfw.example.cn/a#top'],
    ['Chinese in the path', 'https://zwfw.example.cn/事项/办理?名称=养老'],
    ['a punycode host', 'https://xn--fiq228c.xn--fiqs8s/a'],
    ['an IPv4 address', 'https://192.168.1.10/a.png'],
    ['percent escapes', 'https://zwfw.example.cn/%E4%BA%8B%E9%A1%B9'],
  ])('accepts %s', (_name, url) => {
    expect(accepts(url)).toBe(true)
    expect(new RegExp(HTTP_URL_PATTERN, 'u').test(url)).toBe(true)
  })

  it.each([
    ['no host', 'https://'],
    ['one slash', 'https:/h'],
    ['no slashes', 'http:h'],
    ['a tab inside', 'https://zwfw.example.cn/a\tb'],
    ['a space inside', 'https://zwfw.example.cn/a b'],
    ['a space before', ' https://zwfw.example.cn/a'],
    ['a newline after', 'https://zwfw.example.cn/a\n'],
    ['a host that is not ASCII (looks like zwfw.gov.cn@evil.com in a QR code)', 'https://zwfw.gov.cn乀evil.com/'],
    ['user info', 'https://zwfw.gov.cn@evil.com/'],
    ['user and password', 'https://user:pw@zwfw.gov.cn/'],
    ['a backslash', 'https://zwfw.example.cn\\@evil.com/'],
    ['port 0', 'https://zwfw.example.cn:0/a'],
    ['port 65536', 'https://zwfw.example.cn:65536/a'],
    ['an empty port', 'https://zwfw.example.cn:/a'],
    ['a trailing dot', 'https://zwfw.example.cn./a'],
    ['an empty label', 'https://zwfw..example.cn/a'],
    ['a label starting with a hyphen', 'https://-zwfw.example.cn/a'],
    ['an IPv4 address out of range', 'https://999.1.1.1/a.png'],
    ['an IPv6 address', 'https://[::1]/a.png'],
    ['a bidi override in the path', 'https://zwfw.example.cn/a\u202Eb'],
    ['a C1 control in the path', 'https://zwfw.example.cn/a\u0085b'],
    ['javascript:', 'javascript:alert(1)'],
    ['ftp:', 'ftp://zwfw.example.cn/a'],
    ['scheme-relative', '//zwfw.example.cn/a'],
  ])('refuses %s', (_name, url) => {
    expect(accepts(url)).toBe(false)
    expect(new RegExp(HTTP_URL_PATTERN, 'u').test(url)).toBe(false)
  })

  it('counts the 2000-character limit in code points', () => {
    const base = 'https://zwfw.example.cn/'
    expect(accepts(base + '\u{20000}'.repeat(2000 - base.length))).toBe(true)
    expect(accepts(base + '\u{20000}'.repeat(2001 - base.length))).toBe(false)
  })

  it('splits a URL into scheme, host and port', () => {
    expect(splitHttpUrl('HTTPS://Img.Example.cn:8443/a?b#c')).toEqual({ scheme: 'https', host: 'Img.Example.cn', port: '8443' })
    expect(splitHttpUrl('http://img.example.cn')).toEqual({ scheme: 'http', host: 'img.example.cn' })
    expect(splitHttpUrl('https://img.example.cn@evil.com/')).toBeUndefined()
  })

  it('drops an attachment whose URL only an engine parser would accept, and keeps the rest', () => {
    const doc = {
      schemaVersion: 1,
      id: 'n1',
      title: '通知',
      category: '通知公告',
      publisher: '县政府办',
      publishedAt: T,
      attachments: [
        { name: '假冒', url: 'https://zwfw.gov.cn乀evil.com/' },
        { name: '指南', url: 'https://zwfw.example.cn/事项/办理' },
      ],
    }
    const parsed = parseNoticeDetail(doc)
    expect(parsed.ok && parsed.value.attachments.map((a) => a.name)).toEqual(['指南'])
    expect(parsed.problems).toEqual([expect.objectContaining({ path: '$.attachments[0].url', kind: 'http-url', dropped: true })])
  })
})
