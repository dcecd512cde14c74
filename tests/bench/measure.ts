/**
 * What every measurement shares: browsers opened for one page in one variant, each measurement bounded by
 * a time budget (when it runs out the measurement's browsers are closed and it is reported as n/a with the
 * reason, instead of hanging), and the checks that the page came up in the renderer asked for.
 * The measurements themselves: start.ts, keys.ts, scroll.ts, paint.ts, memory.ts.
 */
import { Session, type SessionOptions } from './browser'
import type { RendererName, Variant } from './variants'

export interface BenchContext {
  executablePath: string
  /** More Chromium switches for every browser (--chromium-arg). */
  extraArgs: readonly string[]
  log(line: string): void
}

/** One page to measure: its address (with query and hash) in one variant. */
export interface PageSpec {
  url: string
  variant: Variant
  /** The IndexedDB key the app writes its index under (the warm start waits for it); none for the floor. */
  cacheKey?: string
}

// ---------------------------------------------------------------------------------------------------------
// Budgets

/** Browsers opened by one measurement, closed together when it ends or runs out of time. */
export class Tracker {
  private readonly sessions = new Set<Session>()
  private dead = false

  constructor(
    private readonly executablePath: string,
    private readonly extraArgs: readonly string[],
  ) {}

  /** A browser for `variant`: its window size and its renderer's switches. */
  async open(variant: Variant, options: Omit<SessionOptions, 'executablePath' | 'viewport' | 'extraArgs'>): Promise<Session> {
    if (this.dead) throw new Error('measurement already ended')
    const session = await Session.open({
      ...options,
      executablePath: this.executablePath,
      viewport: variant.viewport,
      extraArgs: [...variant.chromiumArgs, ...this.extraArgs],
    })
    if (this.dead) {
      await session.close()
      throw new Error('measurement already ended')
    }
    this.sessions.add(session)
    return session
  }

  async closeAll(): Promise<void> {
    this.dead = true
    await Promise.all([...this.sessions].map((s) => s.close()))
    this.sessions.clear()
  }
}

export type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; reason: string; ms: number }

export async function attempt<T>(
  ctx: BenchContext,
  label: string,
  budgetMs: number,
  fn: (tracker: Tracker) => Promise<T>,
): Promise<Outcome<T>> {
  const tracker = new Tracker(ctx.executablePath, ctx.extraArgs)
  const started = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  const work = fn(tracker)
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(budgetMs / 1000)} s`)), budgetMs)
  })
  try {
    const value = await Promise.race([work, timeout])
    return { ok: true, value, ms: Date.now() - started }
  } catch (error) {
    work.catch(() => undefined) // closing its browsers makes it fail; that is expected now
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error)
    ctx.log(`  ${label}: n/a (${reason})`)
    return { ok: false, reason, ms: Date.now() - started }
  } finally {
    clearTimeout(timer)
    await tracker.closeAll()
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pages

/** The renderer the stage canvas says it uses (app and floor set data-renderer), null before it exists. */
export async function stageRenderer(session: Session): Promise<RendererName | null> {
  const value = await session.evaluate<string | null>(
    `(function () { var c = document.querySelector('canvas[data-testid="stage"]'); return c ? c.getAttribute('data-renderer') : null })()`,
  )
  return value === 'webgl' || value === 'canvas2d' ? value : null
}

/**
 * A measurement in canvas2d that ran in WebGL (or the other way round) would be a wrong figure with a
 * right-looking label: refuse it.
 */
export async function expectRenderer(session: Session, variant: Variant): Promise<void> {
  const renderer = await stageRenderer(session)
  if (renderer !== variant.renderer) throw new Error(`the page drew with ${renderer ?? 'no stage'}, not ${variant.renderer}`)
}

interface QuietResult {
  ok: boolean
  frames: number
  lastDrawAt?: number
}

/** Opens `page` with the probe and waits for first content and then 5 frames in which Lightning drew nothing. */
export async function openSettled(tracker: Tracker, page: PageSpec, cpuRate: number): Promise<{ session: Session; firstContentMs: number }> {
  const session = await tracker.open(page.variant, { cpuRate, probe: true })
  await session.goto(page.url)
  const firstContentMs = await session.mark('app:first-content', 60_000)
  if (firstContentMs === null) throw new Error(`no app:first-content mark on ${new URL(page.url).hash || 'the page'} within 60 s`)
  await expectRenderer(session, page.variant)
  await settled(session, 20_000)
  return { session, firstContentMs }
}

/** Waits until Lightning ran 5 frames in a row that drew nothing. */
export async function settled(session: Session, timeoutMs: number): Promise<void> {
  const quiet = await session.evaluate<QuietResult>(`__bench.quiet(5, ${timeoutMs})`)
  if (!quiet.ok) throw new Error(`the screen did not settle (Lightning kept drawing for ${timeoutMs / 1000} s)`)
}
