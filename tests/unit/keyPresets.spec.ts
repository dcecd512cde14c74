import { describe, expect, it } from 'vitest'
import { buildKeyMap, KEY_PRESET_NAMES, KEY_PRESETS } from '../../src/config/keyPresets'
import { readSettings } from '../../src/config/settings'

describe('key presets', () => {
  it('has a map for every preset name', () => {
    expect(Object.keys(KEY_PRESETS).sort()).toEqual([...KEY_PRESET_NAMES].sort())
  })

  for (const name of KEY_PRESET_NAMES) {
    it(`${name} maps Back, Enter and the four arrows`, () => {
      const map = KEY_PRESETS[name]
      expect(map[13]).toBe('Enter')
      expect(map[37]).toBe('Left')
      expect(map[38]).toBe('Up')
      expect(map[39]).toBe('Right')
      expect(map[40]).toBe('Down')
      expect(Object.values(map)).toContain('Back')
      // Backspace stays Back everywhere: desktop testing and boxes that send 8.
      expect(map[8]).toBe('Back')
    })
  }

  it('knows each family’s own Back code', () => {
    expect(KEY_PRESETS.webos[461]).toBe('Back')
    expect(KEY_PRESETS.tizen[10009]).toBe('Back')
    expect(KEY_PRESETS['huawei-iptv'][640]).toBe('Back')
    expect(KEY_PRESETS['huawei-iptv'][280]).toBe('Back')
    expect(KEY_PRESETS['zte-iptv'][640]).toBe('Back')
    expect(KEY_PRESETS['android-stb'][4]).toBe('Back')
  })

  it('maps Escape to Back (Lightning would make it Menu)', () => {
    for (const name of KEY_PRESET_NAMES) expect(KEY_PRESETS[name][27]).toBe('Back')
  })

  it('uses only actions the settings schema knows', () => {
    for (const name of KEY_PRESET_NAMES) {
      const keys = Object.fromEntries(Object.entries(KEY_PRESETS[name]).map(([code, action]) => [code, action]))
      expect(() =>
        readSettings({ feedBaseUrl: 'feed', progressApiUrl: 'api', regionCode: '431025', keyPreset: name, keys }),
      ).not.toThrow()
    }
  })
})

describe('buildKeyMap', () => {
  it('returns the preset when there are no overrides', () => {
    expect(buildKeyMap('webos', {})).toEqual(KEY_PRESETS.webos)
  })

  it('merges the operator’s codes over the preset', () => {
    const map = buildKeyMap('huawei-iptv', { '283': 'Back', '13': 'Menu', '640': 'Exit' })
    expect(map[283]).toBe('Back')
    expect(map[13]).toBe('Menu')
    expect(map[640]).toBe('Exit')
    expect(map[37]).toBe('Left')
    expect(map[280]).toBe('Back')
  })

  it('does not change the shared preset', () => {
    buildKeyMap('generic', { '8': 'Menu' })
    expect(KEY_PRESETS.generic[8]).toBe('Back')
  })

  it('uses numeric key codes', () => {
    const map = buildKeyMap('generic', { '461': 'Back' })
    expect(Object.keys(map).every((code) => /^\d+$/.test(code))).toBe(true)
    expect(map[461]).toBe('Back')
  })
})
