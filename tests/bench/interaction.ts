/**
 * One browser per screen and variant: open the deep link, wait until settled, bring focus to the part
 * measured, press the keys (keys.ts), count what a full frame of the screen draws (paint.ts), and, on the
 * lists, hold Down (scroll.ts). The same for the floor's 20 rows, so app and floor are measured alike.
 */
import { loadavg } from 'node:os'
import type { RemoteKey } from './browser'
import { measureKeys, pressSetup, type KeyLatency } from './keys'
import { openSettled, settled, type PageSpec, type Tracker } from './measure'
import { paintCounters, type PaintCounters } from './paint'
import { holdKey, type ScrollFrames } from './scroll'
import { traced } from './trace'
import type { TraceSummary } from './traceSummary'

export interface ScreenResult {
  firstContentMs: number
  keys: KeyLatency
  paint: PaintCounters
  scroll?: ScrollFrames
  /** With --trace: where the presses' time went, per thread. */
  trace?: TraceSummary
  pageErrors: string[]
  loadAvg1: number
}

export interface ScreenPlan {
  setup: readonly RemoteKey[]
  cycle: readonly RemoteKey[]
  presses: number
  cpuRate: number
  /** Hold Down for this long afterwards (the scroll figure); none: no hold. */
  hold?: { holdMs: number; hz: number }
  /** A mark to wait for (then a settled screen) before the setup keys: see ScreenSpec.waitForMark. */
  waitForMark?: string
  /** Record a Chromium trace around the presses (--trace). */
  trace?: boolean
}

export function screenRun(page: PageSpec, plan: ScreenPlan): (t: Tracker) => Promise<ScreenResult> {
  return async (tracker) => {
    const { session, firstContentMs } = await openSettled(tracker, page, plan.cpuRate)
    if (plan.waitForMark) {
      if ((await session.mark(plan.waitForMark, 120_000)) === null) throw new Error(`no ${plan.waitForMark} mark within 120 s`)
      await settled(session, 20_000)
    }
    await pressSetup(session, plan.setup)
    const measured = plan.trace
      ? await traced(session, plan.presses, () => measureKeys(session, plan.cycle, plan.presses))
      : { result: await measureKeys(session, plan.cycle, plan.presses), trace: undefined }
    const keys = measured.result
    if (keys.drawn === 0) throw new Error(`none of ${keys.presses} keys drew anything`)
    const paint = await paintCounters(session)
    const scroll = plan.hold ? await holdKey(session, 'ArrowDown', plan.hold) : undefined
    return {
      firstContentMs,
      keys,
      paint,
      ...(scroll ? { scroll } : {}),
      ...(measured.trace ? { trace: measured.trace } : {}),
      pageErrors: session.errors.slice(),
      loadAvg1: loadavg()[0] ?? 0,
    }
  }
}
