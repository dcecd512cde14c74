/**
 * `faq-search`: the 常见问题 digit search over 30 000 questions per key press, measured in headless Chromium
 * with the DevTools protocol's CPU throttling (4× by default, as issue 12's target: at most 4 ms of
 * main-thread work per key press). The app's search module and the seeded generator are bundled with
 * esbuild into a blank page (faqSearchPage.ts); no app build, no feed, no Lightning: the drawing a key press
 * causes is in the key figures of the screens.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { Session } from './browser'
import type { FaqSearchPageResult } from './faqSearchPage'
import type { Tracker } from './measure'
import { percentile } from './stats'
import type { Variant } from './variants'

export interface FaqSearchPlan {
  cpuRate: number
  questions: number
  sequences: number
  repeats: number
}

export const DEFAULT_FAQ_SEARCH: Omit<FaqSearchPlan, 'cpuRate'> = { questions: 30_000, sequences: 60, repeats: 5 }

export interface FaqSearchResult {
  cpuRate: number
  questions: number
  typed: { keys: number; p50: number | null; p95: number | null; max: number | null }
  deleted: { keys: number; p95: number | null; max: number | null }
  worst: { query: string; ms: number; total: number }[]
  prepare: { totalMs: number; longestSliceMs: number | null; slices: number }
  repeats: number
}

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./faqSearchPage.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    logLevel: 'silent',
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('esbuild wrote no page script')
  return file.text
}

/** The measurement, for `attempt()`: one browser, one blank page, the search run in it. */
export function faqSearch(variant: Variant, plan: FaqSearchPlan): (tracker: Tracker) => Promise<FaqSearchResult> {
  return async (tracker) => {
    const script = await pageScript()
    const session: Session = await tracker.open(variant, { cpuRate: plan.cpuRate })
    await session.goto('about:blank')
    await session.page.addScriptTag({ content: script })
    const options = { questions: plan.questions, sequences: plan.sequences, repeats: plan.repeats, seed: 20261120 }
    const r = await session.evaluate<FaqSearchPageResult>(`__faqSearchBench(${JSON.stringify(options)})`)
    const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000)
    return {
      cpuRate: plan.cpuRate,
      questions: r.questions,
      typed: { keys: r.typeMs.length, p50: round(percentile(r.typeMs, 50)), p95: round(percentile(r.typeMs, 95)), max: round(percentile(r.typeMs, 100)) },
      deleted: { keys: r.deleteMs.length, p95: round(percentile(r.deleteMs, 95)), max: round(percentile(r.deleteMs, 100)) },
      worst: r.worstMs.map((w) => ({ ...w, ms: round(w.ms) ?? 0 })),
      prepare: {
        totalMs: Math.round(r.prepareSlicesMs.reduce((a, b) => a + b, 0) * 10) / 10,
        longestSliceMs: round(percentile(r.prepareSlicesMs, 100)),
        slices: r.prepareSlicesMs.length,
      },
      repeats: r.repeats,
    }
  }
}
