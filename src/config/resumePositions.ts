/**
 * Where each video was stopped, so it resumes there (a replay of a two-hour meeting is rarely watched in
 * one go). Kept in localStorage like the viewer's preferences: a video id and a number of seconds, nothing
 * about who watched. At most MAX_ENTRIES videos, the least recently played forgotten first. Storage that
 * throws (private mode, full) just forgets; a stored value that is not ours is ignored.
 */
import type { KeyValueStorage } from './preferences'

const KEY = 'gov-affairs-tv:resume:v1'
export const MAX_ENTRIES = 30
/** Stopped in the first seconds: start again from the beginning. */
export const MIN_RESUME_SECONDS = 5
/** Stopped this close to the end: watched; the next time starts from the beginning. */
export const END_MARGIN_SECONDS = 15

interface Entry {
  id: string
  at: number
}

function defaultStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

export interface ResumeStore {
  /** Seconds to resume `id` at, or 0 to start from the beginning. */
  positionOf(id: string): number
  /** Remembers where `id` stopped; a position near either end forgets it instead. */
  remember(id: string, seconds: number, duration: number): void
}

function read(storage: KeyValueStorage | undefined): Entry[] {
  try {
    const raw = storage?.getItem(KEY)
    if (!raw) return []
    const parsed = JSON.parse(raw) as unknown
    if (!Array.isArray(parsed)) return []
    const out: Entry[] = []
    for (const item of parsed as unknown[]) {
      const { id, at } = (item ?? {}) as Partial<Record<keyof Entry, unknown>>
      if (typeof id === 'string' && id.length <= 64 && typeof at === 'number' && isFinite(at) && at > 0) out.push({ id, at })
      if (out.length >= MAX_ENTRIES) break
    }
    return out
  } catch {
    return []
  }
}

export function createResumeStore(storage: KeyValueStorage | undefined = defaultStorage()): ResumeStore {
  return {
    positionOf(id) {
      return read(storage).find((entry) => entry.id === id)?.at ?? 0
    },
    remember(id, seconds, duration) {
      // Most recent first; the oldest fall off the end.
      const others = read(storage).filter((entry) => entry.id !== id)
      const keep = seconds >= MIN_RESUME_SECONDS && !(duration > 0 && seconds > duration - END_MARGIN_SECONDS)
      const next = keep ? [{ id, at: Math.floor(seconds) }, ...others] : others
      try {
        storage?.setItem(KEY, JSON.stringify(next.slice(0, MAX_ENTRIES)))
      } catch {
        // A full or disabled storage only costs resuming.
      }
    },
  }
}
