/**
 * `npm run bench` arguments. `--quick` is a preset (the headline ratios in under 5 minutes on a 2-core
 * machine, written to bench/quick.json and bench/quick.md so the full results stay); any flag given with it
 * overrides that part of the preset.
 *
 *   --quick           1 run; cold start of the fixture region at 4×; keys at 4× on Home, the notices list
 *                     and the keypad (20 presses) with their paint counters; Down held on the list; 1080p
 *                     in WebGL and canvas2d; each against the floor of the same variant
 *   --runs N          runs per start-up figure (default 3)
 *   --rates 1,4       CPU throttling for start-up (default 1,4)
 *   --key-rates 4     CPU throttling for keys, held keys and paint (default 4: issue 11's targets are at 4×)
 *   --presses N       key presses per screen (default 40)
 *   --hold-ms N       how long Down is held for the scroll figure (default 3000, auto-repeat at 30 Hz)
 *   --navs N          open/close navigations for heap growth (default 500)
 *   --variants a,b    some of 720-webgl, 720-canvas2d, 1080-webgl, 1080-canvas2d (default all)
 *   --screens a,b     some of home, notices, chips, guides, keypad, about, hotlines, detail, faq (default all)
 *   --regions a,b     start-up feeds: large (10 000 notices), fixture (default both)
 *   --only a,b        some of size, cold, warm, keys, scroll, heap, texture, faq-search (default all);
 *                     `--only faq-search` alone builds nothing and writes bench/faq-search.json and .md
 *   --keep            keep the temporary builds (their paths are printed)
 *   --trace           a Chromium trace around each screen's key presses: busy time per key on the
 *                     renderer's, GPU process's and compositor's threads (info rows; tracing slows the
 *                     browser a little, so judge figures from an untraced run)
 *   --chromium-arg X  one more Chromium switch for every browser (repeatable)
 *   --setting k=v     one more field of the app's settings.json, v as JSON or a plain string (repeatable):
 *                     e.g. --setting textUpload=direct measures an operator setting against the same floor
 *   --out NAME        write bench/NAME.json and bench/NAME.md (an A/B run keeps the committed results)
 */
import { SCREENS, type ScreenId } from './screens'
import { variant, type Resolution, type RendererName, type Variant } from './variants'

export const MEASUREMENTS = ['size', 'cold', 'warm', 'keys', 'scroll', 'heap', 'texture', 'faq-search'] as const
export type Measurement = (typeof MEASUREMENTS)[number]
export type Region = 'large' | 'fixture'

export interface Options {
  quick: boolean
  runs: number
  rates: number[]
  keyRates: number[]
  presses: number
  holdMs: number
  navs: number
  variants: Variant[]
  screens: ScreenId[]
  regions: Region[]
  only: Set<Measurement>
  keep: boolean
  trace: boolean
  chromiumArgs: string[]
  /** Fields patched over static/settings.json in every app copy. */
  appSettings: Record<string, unknown>
  /** bench/<out>.json and bench/<out>.md */
  out: string
}

const ALL_VARIANTS = ['720-webgl', '720-canvas2d', '1080-webgl', '1080-canvas2d'] as const

function parseVariant(id: string): Variant {
  const match = /^(720|1080)-(webgl|canvas2d)$/.exec(id)
  if (!match) throw new Error(`--variants knows ${ALL_VARIANTS.join(', ')}; got ${id}`)
  return variant(Number(match[1]) as Resolution, match[2] as RendererName)
}

export function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const int = (name: string, fallback: number): number => {
    const raw = value(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} wants a whole number ≥ 1, got ${raw}`)
    return n
  }
  const list = (name: string, fallback: readonly string[]): string[] =>
    (value(name) ?? fallback.join(',')).split(',').map((s) => s.trim()).filter(Boolean)
  const numbers = (name: string, fallback: readonly number[]): number[] => {
    const n = list(name, fallback.map(String)).map(Number)
    if (n.some((r) => !(r >= 1))) throw new Error(`${name} wants numbers ≥ 1, e.g. 1,4`)
    return n
  }
  const known = <T extends string>(name: string, values: string[], all: readonly T[]): T[] => {
    for (const v of values) if (!all.includes(v as T)) throw new Error(`${name} knows ${all.join(', ')}; got ${v}`)
    return values as T[]
  }

  const quick = argv.includes('--quick')
  const screenIds = SCREENS.map((s) => s.id)
  const only = new Set(known('--only', list('--only', quick ? ['cold', 'keys', 'scroll', 'faq-search'] : MEASUREMENTS), MEASUREMENTS))
  return {
    quick,
    runs: int('--runs', quick ? 1 : 3),
    rates: numbers('--rates', quick ? [4] : [1, 4]),
    keyRates: numbers('--key-rates', [4]),
    presses: int('--presses', quick ? 20 : 40),
    holdMs: int('--hold-ms', quick ? 2000 : 3000),
    navs: int('--navs', 500),
    variants: list('--variants', quick ? ['1080-webgl', '1080-canvas2d'] : ALL_VARIANTS).map(parseVariant),
    screens: known('--screens', list('--screens', quick ? ['home', 'notices', 'keypad'] : screenIds), screenIds),
    regions: known('--regions', list('--regions', quick ? ['fixture'] : ['large', 'fixture']), ['large', 'fixture'] as const),
    only,
    keep: argv.includes('--keep'),
    trace: argv.includes('--trace'),
    chromiumArgs: argv.flatMap((arg, i) => (arg === '--chromium-arg' && argv[i + 1] ? [argv[i + 1] as string] : [])),
    appSettings: Object.fromEntries(argv.flatMap((arg, i) => (arg === '--setting' && argv[i + 1] ? [settingOf(argv[i + 1] as string)] : []))),
    // The search figure alone must not overwrite a full or quick run's results.
    out: outName(value('--out') ?? (only.size === 1 && only.has('faq-search') ? 'faq-search' : undefined), quick),
  }
}

function settingOf(pair: string): [string, unknown] {
  const eq = pair.indexOf('=')
  if (eq < 1) throw new Error(`--setting wants key=value, e.g. textUpload=direct; got ${pair}`)
  const raw = pair.slice(eq + 1)
  try {
    return [pair.slice(0, eq), JSON.parse(raw) as unknown]
  } catch {
    return [pair.slice(0, eq), raw]
  }
}

function outName(given: string | undefined, quick: boolean): string {
  if (given === undefined) return quick ? 'quick' : 'results'
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(given)) throw new Error(`--out wants a short file name (a-z, 0-9, -); got ${given}`)
  return given
}
