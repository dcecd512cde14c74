/**
 * Key latency, issue 11's method, the same for the app's screens and for the floor:
 *
 * - Each key is a trusted key event sent through CDP Input.dispatchKeyEvent (the browser's input pipeline,
 *   as a remote's key arrives); the next key is sent only when the screen has settled (probe.js: two
 *   frames in a row in which Lightning drew nothing), so each press is measured alone.
 * - Key → next paint: the browser's Event Timing entry for the keydown (PerformanceObserver type 'event',
 *   durationThreshold 16): `duration` runs from the event's timeStamp (when the browser received it) to
 *   the next frame presented after its handlers, 8 ms granularity. A key that took under 16 ms has no
 *   entry: it counts as 16 ms (an upper bound; how many did is kept in results.json).
 * - Main-thread work per key: the key's handlers (capture listener start → a listener after Lightning's)
 *   plus the first frame that drew for it (Stage.updateFrame start → Stage.renderFrame end, i.e. the
 *   frame's last draw call issued; in canvas2d its last 2D call). Both are busy time, without the idle
 *   wait for the frame, so it does not depend on where in the vsync interval the key landed, and it reads
 *   the same in WebGL and canvas2d. `keyToDrawEndMs` (event timeStamp → renderFrame end, with the wait)
 *   is issue 11's "key → last draw call of the frame" and is kept in results.json too.
 * - Texts drawn per key: TextTexture draws (a text rendered into a canvas) from the key to settled.
 */
import type { RemoteKey, Session } from './browser'
import { settled } from './measure'
import { percentile } from './stats'

interface ProbeKey {
  keyCode: number
  eventAt: number
  handlerAt: number
  handlerEndAt: number
  frameStartAt: number
  frameEndAt: number
  frameAt: number
  settledAt: number
  frames: number
  drawn: boolean
  texts: number
  textMs: number
  glDraws: number
}

interface EventEntry {
  startTime: number
  duration: number
  processingStart: number
  processingEnd: number
  interactionId: number
}

export interface Spread {
  p50: number | null
  p95: number | null
  max: number | null
}

export interface KeyLatency {
  presses: number
  /** Presses after which Lightning drew within 60 frames (the others did nothing visible and are left out). */
  drawn: number
  /** Event Timing duration (key → next paint). */
  nextPaintMs: Spread
  /** Presses with no Event Timing entry (under 16 ms), counted as 16 ms. */
  underThreshold: number
  /** Handlers + the first drawn frame, busy time. */
  workMs: Spread
  /** Of which the key's handlers alone. */
  handlerMs: Spread
  /** Of which the frame (updateFrame → renderFrame end). */
  frameMs: Spread
  /** Event timeStamp → end of the first drawn frame's renderFrame (issue 11's wording). */
  keyToDrawEndMs: Spread
  /** Event timeStamp → last frame that drew before the screen settled. */
  settledMs: Spread
  /** TextTexture draws from key to settled. */
  textsPerKey: Spread
  textMsPerKey: Spread
  samples: { nextPaintMs: number[]; workMs: number[]; texts: number[] }
}

function spread(values: readonly number[]): Spread {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) }
}

const r1 = (v: number) => Math.round(v * 10) / 10

/** Presses `cycle` over and over, `presses` keys in all, each measured alone. */
export async function measureKeys(session: Session, cycle: readonly RemoteKey[], presses: number): Promise<KeyLatency> {
  await session.evaluate('__bench.keys.results = []; __bench.events.length = 0; __bench.recordEvents = true; __bench.keys.armed = true')
  for (let i = 0; i < presses; i++) {
    await session.press(cycle[i % cycle.length] as RemoteKey)
    if (!(await session.evaluate<boolean>(`__bench.awaitKeys(${i + 1}, 20000)`))) {
      throw new Error(`key ${i + 1}: the screen did not settle within 20 s`)
    }
  }
  await session.evaluate('__bench.keys.armed = false')
  // Event Timing entries arrive after the frame is presented: give the last one time to come.
  await session.evaluate('__bench.frames(10)')
  const results = JSON.parse(await session.evaluate<string>('JSON.stringify(__bench.keys.results)')) as ProbeKey[]
  const events = JSON.parse(await session.evaluate<string>('JSON.stringify(__bench.events)')) as EventEntry[]
  await session.evaluate('__bench.recordEvents = false; __bench.events.length = 0')

  const drawn = results.filter((r) => r.drawn)
  let under = 0
  const nextPaint = drawn.map((r) => {
    // Event Timing's startTime is the event's timeStamp.
    const entry = events.find((e) => Math.abs(e.startTime - r.eventAt) < 0.5)
    if (entry) return entry.duration
    under++
    return 16
  })
  const handler = drawn.map((r) => Math.max(0, (r.handlerEndAt || r.handlerAt) - r.handlerAt))
  const frame = drawn.map((r) => r.frameEndAt - r.frameStartAt)
  const work = drawn.map((_, i) => (handler[i] as number) + (frame[i] as number))
  const texts = drawn.map((r) => r.texts)
  await settled(session, 20_000)
  return {
    presses: results.length,
    drawn: drawn.length,
    nextPaintMs: spread(nextPaint),
    underThreshold: under,
    workMs: spread(work),
    handlerMs: spread(handler),
    frameMs: spread(frame),
    keyToDrawEndMs: spread(drawn.map((r) => r.frameEndAt - r.eventAt)),
    settledMs: spread(drawn.map((r) => Math.max(r.frameEndAt, r.settledAt) - r.eventAt)),
    textsPerKey: spread(texts),
    textMsPerKey: spread(drawn.map((r) => r.textMs)),
    samples: { nextPaintMs: nextPaint, workMs: work.map(r1), texts },
  }
}

/** The setup keys of a screen, each followed by a settled screen. */
export async function pressSetup(session: Session, keys: readonly RemoteKey[]): Promise<void> {
  for (const key of keys) {
    await session.press(key)
    await settled(session, 20_000)
  }
}
