/**
 * Remote-control key maps per box family: data, not code. Boxes disagree on Back (8, 27, 461, 0x280 …)
 * and some send `key: "Unidentified"`, so keys are mapped by keyCode.
 */
import type { KeyAction } from './settings'

export const KEY_PRESET_NAMES = ['generic', 'webos', 'tizen', 'android-stb', 'huawei-iptv', 'zte-iptv'] as const
export type KeyPresetName = (typeof KEY_PRESET_NAMES)[number]
export type KeyMap = Record<number, KeyAction>

/** Desktop keyboards and most boxes: arrows, Enter, Backspace/Escape as Back, PageUp/PageDown. */
const GENERIC: KeyMap = {
  8: 'Back',
  27: 'Back',
  13: 'Enter',
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  33: 'PageUp',
  34: 'PageDown',
  36: 'Home',
}

export const KEY_PRESETS: Record<KeyPresetName, KeyMap> = {
  generic: GENERIC,
  // LG webOS: Back is 461.
  webos: { ...GENERIC, 461: 'Back' },
  // Samsung Tizen: Return 10009, Exit 10182, channel keys used for paging.
  tizen: { ...GENERIC, 10009: 'Back', 10182: 'Exit', 427: 'PageUp', 428: 'PageDown' },
  // Android-based STB browsers: KEYCODE_BACK arrives as 4 in some WebViews; channel up/down page.
  'android-stb': { ...GENERIC, 4: 'Back', 166: 'PageUp', 167: 'PageDown' },
  // Huawei IPTV boxes (EC6108 and the like): Back 0x280 (640) and 0x118 (280), Home 0x110 (272), pages 0x21/0x22.
  'huawei-iptv': { ...GENERIC, 640: 'Back', 280: 'Back', 272: 'Home', 24: 'PageUp', 25: 'PageDown' },
  // ZTE IPTV boxes: Back 0x280 (640) or 0x8 , Home 0x0124 (292), pages 0x21/0x22.
  'zte-iptv': { ...GENERIC, 640: 'Back', 292: 'Home', 1108: 'Menu' },
}

/** The preset's map with the operator's own codes merged over it. */
export function buildKeyMap(preset: KeyPresetName, overrides: Record<string, KeyAction>): KeyMap {
  const map: KeyMap = { ...KEY_PRESETS[preset] }
  for (const [code, action] of Object.entries(overrides)) map[Number(code)] = action
  return map
}
