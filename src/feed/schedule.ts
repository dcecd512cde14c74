/**
 * Every wait that a whole county's boxes share, in one place. Boxes are switched on together (19:00, after
 * a power cut), lose the network together and are told the same Retry-After by the same CDN, so each wait
 * here is drawn from random(): a schedule that is the same number on every box turns one outage into a
 * stampede when it ends. tests/unit/fleet.spec.ts runs 1,000 boxes through them and checks the spread.
 * No Lightning imports; ES2019 built-ins only.
 */

/** The background refresh is the operator's interval ±10 %, so boxes switched on together drift apart. */
export const REFRESH_JITTER = 0.1

/**
 * After a refresh that could not reach the service (or left nothing to show) the next try comes soon and
 * then less and less often: a ceiling doubling from 10 s (10, 20, 40, 80, 160 s) up to 5 min. Seconds
 * first because a short outage is the common case and a box with nothing cached shows only 12345 until
 * it gets through; 5 min at most because a box with saved content loses little by waiting, and a county
 * of boxes retrying every few seconds through a long outage is load the service does not need when it
 * comes back.
 */
export const RETRY_FIRST_MS = 10_000
export const RETRY_CAP_MS = 300_000

/**
 * Retry-After is a floor: no box comes back sooner than the server asked. Above it each box adds up to
 * half of it again (at least 1 s), so 1,000 boxes told "120" arrive over 120–180 s rather than in one
 * second. A floor above 10 min is read as 10 min: one header must not silence a county's boxes for hours
 * (the longest wait is therefore 15 min, still under the 30-minute refresh interval).
 */
export const RETRY_AFTER_MAX_FLOOR_MS = 600_000
export const RETRY_AFTER_SPREAD = 0.5
export const RETRY_AFTER_MIN_SPREAD_MS = 1_000

/** A custom random() returning 1 or more, a negative number or NaN must not push a wait out of its window. */
export function unitRandom(random: () => number): number {
  const r = random()
  return r >= 0 && r < 1 ? r : r >= 1 ? 1 : 0
}

/** The next background refresh after one that went well: the interval, ±10 %. */
export function refreshDelay(intervalMinutes: number, random: () => number): number {
  const interval = intervalMinutes * 60_000
  return Math.round(interval * (1 - REFRESH_JITTER + 2 * REFRESH_JITTER * unitRandom(random)))
}

/**
 * How long a server's Retry-After makes a box wait: at least what it said (capped at 10 min), and up to
 * half as long again. Seconds in, milliseconds out.
 */
export function retryAfterDelay(retryAfterSeconds: number, random: () => number): number {
  const asked = isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0
  const floor = Math.min(asked, RETRY_AFTER_MAX_FLOOR_MS)
  const spread = Math.max(RETRY_AFTER_MIN_SPREAD_MS, floor * RETRY_AFTER_SPREAD)
  return Math.round(floor + unitRandom(random) * spread)
}

/**
 * The wait after the `failures`-th refresh in a row that failed (counted from 1): between half and all of a
 * ceiling doubling from 10 s to 5 min ("equal jitter": spread over half the window, and never a retry
 * straight after a failure). A Retry-After the service sent with the failure is honoured as a floor.
 */
export function retryDelay(failures: number, random: () => number, retryAfterSeconds?: number): number {
  const doublings = Math.max(0, Math.min(30, Math.floor(failures) - 1))
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_FIRST_MS * Math.pow(2, doublings))
  const backoff = Math.round(ceiling / 2 + (unitRandom(random) * ceiling) / 2)
  if (retryAfterSeconds === undefined) return backoff
  return Math.max(backoff, retryAfterDelay(retryAfterSeconds, random))
}
