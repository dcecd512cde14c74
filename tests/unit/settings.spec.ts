import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseSettingsText, readSettings, SettingsError, type Settings } from '../../src/config/settings'

const MINIMAL = { feedBaseUrl: 'https://feed.example.cn/gov', progressApiUrl: 'https://api.example.cn/gov', regionCode: '431025' }

function errorOf(raw: unknown): SettingsError {
  try {
    readSettings(raw)
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError)
    return error as SettingsError
  }
  throw new Error('readSettings accepted a wrong value')
}

describe('readSettings', () => {
  it('fills in the defaults around the three required fields', () => {
    const settings: Settings = readSettings(MINIMAL)
    expect(settings).toMatchObject({
      ...MINIMAL,
      resolution: 1080,
      renderer: 'auto',
      language: 'zh-CN',
      operator: {},
      keyPreset: 'generic',
      keys: {},
      refreshIntervalMinutes: 30,
      requestTimeoutMs: 8000,
      imageHosts: [],
      imageHttpHosts: [],
      fontFace: ['Noto Sans CJK SC', 'Droid Sans Fallback', 'sans-serif'],
      textUpload: 'direct',
    })
    expect(settings.portalUrl).toBeUndefined()
    expect(settings.operator.name ?? '').toBe('')
  })

  it('accepts the shipped static/settings.json and relative feed URLs', () => {
    const settings = parseSettingsText(readFileSync('static/settings.json', 'utf8'))
    expect(settings.feedBaseUrl).toBe('feed')
    expect(readSettings({ ...MINIMAL, feedBaseUrl: '/gov/feed', progressApiUrl: '../api' }).feedBaseUrl).toBe('/gov/feed')
  })

  it('keeps every value it accepts', () => {
    const full = {
      ...MINIMAL,
      resolution: 720,
      renderer: 'canvas2d',
      language: 'en',
      operator: { name: '湖南有线', accentColor: '#C8102E', logo: 'logo.png' },
      keyPreset: 'huawei-iptv',
      keys: { '283': 'Back' },
      portalUrl: 'http://epg.example.cn/portal',
      refreshIntervalMinutes: 60,
      requestTimeoutMs: 5000,
      imageHosts: ['img.example.cn', 'img2.example.cn:8080'],
      imageHttpHosts: ['img2.example.cn:8080'],
      fontFace: 'Noto Sans CJK SC',
      textUpload: 'copy',
    }
    expect(readSettings(full)).toEqual(full)
  })

  // Each wrong field: the error names the field and says what it expects.
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['feedBaseUrl javascript:', { feedBaseUrl: 'javascript:alert(1)' }, 'feedBaseUrl', /http\(s\) URL/],
    ['feedBaseUrl empty', { feedBaseUrl: '' }, 'feedBaseUrl', /.+/],
    ['progressApiUrl data:', { progressApiUrl: 'data:text/html,x' }, 'progressApiUrl', /http\(s\) URL/],
    ['regionCode "12"', { regionCode: '12' }, 'regionCode', /6- to 12-digit division code/],
    ['regionCode as a number', { regionCode: 431025 }, 'regionCode', /string/],
    ['resolution 900', { resolution: 900 }, 'resolution', /720.*1080/],
    ['renderer "gpu"', { renderer: 'gpu' }, 'renderer', /auto.*webgl.*canvas2d/],
    ['textUpload "fast"', { textUpload: 'fast' }, 'textUpload', /copy.*direct/],
    ['fontFace with quotes and a semicolon', { fontFace: '"A"; color: red' }, 'fontFace', /font family|union|string/],
    ['fontFace an empty list', { fontFace: [] }, 'fontFace', /.+/],
    ['language fr', { language: 'fr' }, 'language', /zh-CN/],
    ['keys {"abc":"Back"}', { keys: { abc: 'Back' } }, 'keys.abc', /numeric keyCode/],
    ['keys {"461":"Jump"}', { keys: { '461': 'Jump' } }, 'keys.461', /one of .*Back/],
    ['accentColor "red"', { operator: { accentColor: 'red' } }, 'operator.accentColor', /#RRGGBB/],
    ['keyPreset unknown', { keyPreset: 'sony' }, 'keyPreset', /huawei-iptv/],
    ['portalUrl javascript:', { portalUrl: 'javascript:void(0)' }, 'portalUrl', /http-url/],
    ['refreshIntervalMinutes 0', { refreshIntervalMinutes: 0 }, 'refreshIntervalMinutes', /a number >=1/],
    ['requestTimeoutMs 100', { requestTimeoutMs: 100 }, 'requestTimeoutMs', /a number >=1000/],
    ['imageHosts with a URL', { imageHosts: ['https://img.example.cn/'] }, 'imageHosts.0', /host name/],
    ['imageHttpHosts with a URL', { imageHosts: ['img.example.cn'], imageHttpHosts: ['http://img.example.cn'] }, 'imageHttpHosts.0', /host name/],
    ['imageHttpHosts not in imageHosts', { imageHosts: ['img.example.cn'], imageHttpHosts: ['img.example.cn', 'other.example.cn'] }, 'imageHttpHosts.1', /also listed in imageHosts/],
  ]
  for (const [title, change, field, expected] of cases) {
    it(`names the field for ${title}`, () => {
      const error = errorOf({ ...MINIMAL, ...change })
      expect(error.field).toBe(field)
      expect(error.expected).toMatch(expected)
      expect(error.message).toContain(`"${field}"`)
      expect(error.message).toContain(error.expected)
    })
  }

  it('names a missing required field', () => {
    const { regionCode: _omit, ...rest } = MINIMAL
    const error = errorOf(rest)
    expect(error.field).toBe('regionCode')
    expect(error.received).toBe('nothing')
  })

  it('says the received value', () => {
    expect(errorOf({ ...MINIMAL, resolution: 900 }).received).toBe('900')
    expect(errorOf({ ...MINIMAL, operator: { accentColor: 'red' } }).received).toBe('"red"')
  })

  it('rejects a file that is not an object', () => {
    for (const raw of [[], null, 'feed', 42]) {
      const error = errorOf(raw)
      expect(error.field).toBe('(the whole file)')
      expect(error.expected).toMatch(/JSON object/)
    }
  })
})

describe('parseSettingsText', () => {
  it('turns text that is not JSON into a SettingsError about the whole file', () => {
    let caught: unknown
    try {
      parseSettingsText('{ "feedBaseUrl": "https://x", }')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SettingsError)
    const error = caught as SettingsError
    expect(error.field).toBe('(the whole file)')
    expect(error.expected).toBe('valid JSON')
    expect(error.message).toMatch(/valid JSON/)
  })

  it('reads valid text', () => {
    expect(parseSettingsText(JSON.stringify(MINIMAL)).regionCode).toBe('431025')
  })
})
