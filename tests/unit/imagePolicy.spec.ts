/**
 * Feed images load only from hosts the operator listed, and only over https unless the operator allowed
 * plain http for that host: a feed cannot make every box fetch arbitrary or unencrypted URLs.
 */
import { describe, expect, it } from 'vitest'
import { isAllowedImage } from '../../src/feed/imagePolicy'

const HOSTS = ['img.gov.example.cn', 'img2.gov.example.cn:8443', 'intranet.example.cn']
const HTTP_HOSTS = ['intranet.example.cn']

describe('isAllowedImage', () => {
  it('allows https images from a listed host, in any case', () => {
    expect(isAllowedImage('https://img.gov.example.cn/linwu/a.png', HOSTS)).toBe(true)
    expect(isAllowedImage('HTTPS://IMG.GOV.EXAMPLE.CN/a.png', HOSTS)).toBe(true)
    expect(isAllowedImage('https://img.gov.example.cn:443/a.png', HOSTS)).toBe(true)
    expect(isAllowedImage('https://img2.gov.example.cn:8443/a.png?v=2#x', HOSTS)).toBe(true)
  })

  it('refuses plain http from a listed host when http is not allowed for it', () => {
    expect(isAllowedImage('http://img.gov.example.cn/linwu/a.png', HOSTS)).toBe(false)
    expect(isAllowedImage('http://img.gov.example.cn/linwu/a.png', HOSTS, HTTP_HOSTS)).toBe(false)
    expect(isAllowedImage('HTTP://img.gov.example.cn/a.png', HOSTS)).toBe(false)
  })

  it('allows plain http only for the hosts the operator allowed it for', () => {
    expect(isAllowedImage('http://intranet.example.cn/a.png', HOSTS, HTTP_HOSTS)).toBe(true)
    expect(isAllowedImage('http://intranet.example.cn:80/a.png', HOSTS, HTTP_HOSTS)).toBe(true)
    expect(isAllowedImage('http://INTRANET.example.cn/a.png', HOSTS, ['Intranet.Example.CN'])).toBe(true)
    expect(isAllowedImage('http://intranet.example.cn:8080/a.png', HOSTS, HTTP_HOSTS)).toBe(false)
    expect(isAllowedImage('https://intranet.example.cn/a.png', HOSTS, HTTP_HOSTS)).toBe(true)
  })

  it('needs the host in imageHosts too: imageHttpHosts alone allows nothing', () => {
    expect(isAllowedImage('http://other.example.cn/a.png', HOSTS, ['other.example.cn'])).toBe(false)
  })

  it.each([
    ['another host', 'https://evil.example.com/a.png'],
    ['a listed host as a prefix of another', 'https://img.gov.example.cn.evil.com/a.png'],
    ['a listed host as user info', 'https://img.gov.example.cn@evil.com/a.png'],
    ['a listed host after a backslash', 'https://evil.com\\@img.gov.example.cn/a.png'],
    ['a listed host with another port', 'https://img.gov.example.cn:8443/a.png'],
    ['a host that is not ASCII', 'https://img.gov.example.cn乀evil.com/a.png'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/png;base64,AAAA'],
    ['a relative path', '/img/a.png'],
    ['a scheme-relative URL', '//img.gov.example.cn/a.png'],
    ['a URL with a tab', 'https://img.gov.example.cn/a\t.png'],
    ['nothing', ''],
  ])('refuses %s', (_name, src) => {
    expect(isAllowedImage(src, HOSTS, HTTP_HOSTS)).toBe(false)
  })

  it('allows nothing with an empty list', () => {
    expect(isAllowedImage('https://img.gov.example.cn/a.png', [])).toBe(false)
  })
})
