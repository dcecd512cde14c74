/**
 * "Already asked": a second call-back request for the same guide within an hour is refused on the box,
 * kindly, before anything is sent. All the box keeps is which guide and when, in localStorage, never the
 * number, the place or the reference: `{"lw-g07": 1764640800000}`. Entries older than the hour are dropped
 * at every write, so the key never grows past the guides asked about in the last hour.
 *
 * Storage that throws (private mode, quota, disabled) only costs the refusal: the service has its own
 * limit (429).
 */
import type { HintStorage } from './indexHint'

export const ASSIST_REPEAT_MS = 60 * 60 * 1000

export const ASSIST_SENT_KEY = 'gov-affairs-tv:assist-sent:v1'

/** localStorage's two methods; `browserHintStorage()` (indexHint.ts) finds the page's own. */
export type FlagStorage = HintStorage

export interface AssistThrottle {
  /** When a request for this guide was sent, if that was less than an hour before `now`. */
  sentAt(guideId: string, now: number): number | undefined
  /** Remembers that a request for this guide was accepted at `now`. */
  remember(guideId: string, now: number): void
}

/** Only plain guide ids with a time the clock could have given: anything else in the key is ignored. */
function read(storage: FlagStorage): Record<string, number> {
  let raw: unknown
  try {
    raw = JSON.parse(storage.getItem(ASSIST_SENT_KEY) ?? '{}') as unknown
  } catch {
    return {}
  }
  const out: Record<string, number> = {}
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out
  for (const [id, at] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof at === 'number' && isFinite(at)) out[id] = at
  }
  return out
}

function recent(flags: Record<string, number>, now: number): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [id, at] of Object.entries(flags)) if (at <= now && now - at < ASSIST_REPEAT_MS) out[id] = at
  return out
}

export function createAssistThrottle(storage: FlagStorage | undefined): AssistThrottle {
  return {
    sentAt(guideId, now) {
      if (!storage) return undefined
      try {
        const flags = recent(read(storage), now)
        return Object.prototype.hasOwnProperty.call(flags, guideId) ? flags[guideId] : undefined
      } catch {
        return undefined
      }
    },
    remember(guideId, now) {
      if (!storage) return
      try {
        const flags = recent(read(storage), now)
        flags[guideId] = now
        storage.setItem(ASSIST_SENT_KEY, JSON.stringify(flags))
      } catch {
        // Nothing to do: the service's own limit still stands.
      }
    },
  }
}
