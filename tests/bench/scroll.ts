/**
 * A held key: Down held for a few seconds the way a remote repeats it (a keyDown, then auto-repeat keyDowns
 * at 30 Hz sent on time whether or not the page kept up, then keyUp: browser.ts Session.hold), on the
 * app's 10 000-notice list and on the floor's 20 rows. Frame intervals are the page's requestAnimationFrame
 * times from the first key until the last frame in which Lightning drew (the queue of keys drained); their
 * p95 is the figure: how long the screen stood still at worst while scrolling.
 */
import type { RemoteKey, Session } from './browser'
import { settled } from './measure'
import { deltas, percentile } from './stats'

export interface ScrollFrames {
  key: RemoteKey
  /** Key events sent (first keyDown included) and how many the page received. */
  sent: number
  received: number
  heldMs: number
  frames: number
  /** Frames in which Lightning drew. */
  drawnFrames: number
  p50Ms: number | null
  p95Ms: number | null
  maxMs: number | null
  /** Frame intervals over 33.4 ms (two vsyncs or more at 60 Hz). */
  over33: number
  /** First key → last frame that drew (includes the drain of queued keys after keyUp). */
  durationMs: number
  intervalsMs: number[]
}

interface Recording {
  stamps: number[]
  drawn: number[]
  keydowns: number
}

export async function holdKey(session: Session, key: RemoteKey, options: { holdMs: number; hz: number }): Promise<ScrollFrames> {
  await settled(session, 20_000)
  await session.evaluate('__bench.record()')
  const held = await session.hold(key, { repeats: Math.max(1, Math.round((options.holdMs * options.hz) / 1000)), hz: options.hz })
  // Queued keys keep the page busy after keyUp: wait for it to settle (bounded), then stop recording.
  await settled(session, 60_000)
  const recording = await session.evaluate<Recording | null>('__bench.stopRecording()')
  if (!recording || recording.stamps.length < 2) throw new Error('no frames were recorded while the key was held')
  // Up to the last frame that drew: the quiet frames awaited after it are not scrolling.
  let last = recording.drawn.length - 1
  while (last > 0 && recording.drawn[last] === recording.drawn[last - 1]) last--
  const stamps = recording.stamps.slice(0, last + 1)
  const drawn = recording.drawn.slice(0, last + 1)
  const intervals = deltas(stamps)
  return {
    key,
    sent: held.sent,
    received: recording.keydowns,
    heldMs: held.heldMs,
    frames: intervals.length,
    drawnFrames: deltas(drawn).filter((d) => d > 0).length,
    p50Ms: percentile(intervals, 50),
    p95Ms: percentile(intervals, 95),
    maxMs: percentile(intervals, 100),
    over33: intervals.filter((d) => d > 33.4).length,
    durationMs: (stamps[stamps.length - 1] ?? 0) - (stamps[0] ?? 0),
    intervalsMs: intervals.map((v) => Math.round(v * 10) / 10),
  }
}
