/**
 * The viewer's own choices (large text, read aloud, subtitles), remembered on the box in localStorage.
 * Nothing personal is kept here. Storage that throws (private mode, full) just forgets.
 */
export interface Preferences {
  largeText: boolean
  readAloud: boolean
  /** Subtitles over videos: on unless the viewer turned them off (适老化). */
  subtitles: boolean
}

const KEY = 'gov-affairs-tv:preferences:v1'
const DEFAULTS: Preferences = { largeText: false, readAloud: false, subtitles: true }

export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

function defaultStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

export function loadPreferences(storage: KeyValueStorage | undefined = defaultStorage()): Preferences {
  try {
    const raw = storage?.getItem(KEY)
    if (!raw) return { ...DEFAULTS }
    const parsed = JSON.parse(raw) as Partial<Record<keyof Preferences, unknown>>
    return {
      largeText: parsed.largeText === true,
      readAloud: parsed.readAloud === true,
      subtitles: parsed.subtitles !== false,
    }
  } catch {
    return { ...DEFAULTS }
  }
}

export function savePreferences(prefs: Preferences, storage: KeyValueStorage | undefined = defaultStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs))
  } catch {
    // A full or disabled storage only costs remembering the choice.
  }
}
