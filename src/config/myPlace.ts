/**
 * The household's own place (选择我的村): a township and optionally one of its villages, picked once and
 * remembered on the box in localStorage. It names a place, not a person, so it is not personal data. Storage
 * that throws (private mode, full) just forgets; a stored value that is not a place reads as none.
 */
import type { KeyValueStorage } from './preferences'

export interface PlaceRef {
  code: string
  name: string
}

export interface MyPlace {
  township: PlaceRef
  village?: PlaceRef
}

const KEY = 'gov-affairs-tv:my-place:v1'

function defaultStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

function placeRef(raw: unknown, digits: number): PlaceRef | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const { code, name } = raw as Record<string, unknown>
  if (typeof code !== 'string' || !new RegExp(`^\\d{${digits}}$`).test(code)) return undefined
  if (typeof name !== 'string' || name.trim() === '' || name.length > 40) return undefined
  return { code, name }
}

export function loadMyPlace(storage: KeyValueStorage | undefined = defaultStorage()): MyPlace | undefined {
  try {
    const raw = storage?.getItem(KEY)
    if (!raw) return undefined
    const parsed = JSON.parse(raw) as Record<string, unknown>
    const township = placeRef(parsed.township, 9)
    if (!township) return undefined
    const village = parsed.village === undefined ? undefined : placeRef(parsed.village, 12)
    // A village always lies in its township: its code starts with the township's.
    if (village && !village.code.startsWith(township.code)) return { township }
    return village ? { township, village } : { township }
  } catch {
    return undefined
  }
}

export function saveMyPlace(place: MyPlace | undefined, storage: KeyValueStorage | undefined = defaultStorage()): void {
  try {
    if (!storage) return
    if (place === undefined) {
      ;(storage as Partial<{ removeItem(key: string): void }>).removeItem?.(KEY)
      return
    }
    storage.setItem(KEY, JSON.stringify(place))
  } catch {
    // A full or disabled storage only costs remembering the choice.
  }
}

/** The line Home and 关于本机 show: 汾市镇 石门村, or the township alone. */
export function placeLabel(place: MyPlace): string {
  return place.village ? `${place.township.name} ${place.village.name}` : place.township.name
}
