/**
 * The page side of the `faq-search` figure (faqSearch.ts bundles it with esbuild and runs it in headless
 * Chromium under CPU throttling): the app's own search code (src/search/t9.ts) over the generated 30 000
 * questions (mocks/largeFaq.ts), timed with performance.now() in the page, so the figure is main-thread
 * time on the throttled engine. Nothing here is the app's screen: drawing the results is in the key figures.
 */
import { generateLargeFaq } from '../../mocks/largeFaq'
import { seededRandom } from '../../mocks/seededRandom'
import { searchT9, T9IndexBuilder, T9Query, type T9Level } from '../../src/search/t9'

export interface FaqSearchPageResult {
  questions: number
  /** Each idle slice of preparing the index (250 questions, as the screen does), ms. */
  prepareSlicesMs: number[]
  /** Per typed digit: ms, the median of `repeats` batches from the same previous answer. */
  typeMs: number[]
  /** Per deleted digit (T9Query.pop and reading its answer), ms. */
  deleteMs: number[]
  /** The four-digit queries with the most candidates, typed after their three digits: ms each. */
  worstMs: { query: string; ms: number; total: number }[]
  repeats: number
}

/** Runs timed together: enough that a batch outlasts the page clock's 100 µs steps. */
const RUNS_PER_BATCH = 16

interface Options {
  questions: number
  sequences: number
  repeats: number
  seed: number
}

function run(options: Options): FaqSearchPageResult {
  const faq = generateLargeFaq(options.questions)
  const initials = faq.search.questions.map((q) => q.initials)

  const builder = new T9IndexBuilder(initials)
  const prepareSlicesMs: number[] = []
  for (let done = false; !done; ) {
    const started = performance.now()
    done = builder.step(250)
    prepareSlicesMs.push(performance.now() - started)
  }
  const index = builder.finish()
  const digits = index.digits

  // A key's figure: the median of `repeats` batches of RUNS_PER_BATCH runs from the same previous answer (the first
  // run, on its own, is left out). Batches because the page clock is coarse (100 µs without cross-origin
  // isolation); the median because the machine may take the CPU away in the middle of one.
  const time = (fn: () => T9Level): { ms: number; level: T9Level } => {
    let level = fn()
    const batches: number[] = []
    for (let b = 0; b < options.repeats; b++) {
      const started = performance.now()
      for (let r = 0; r < RUNS_PER_BATCH; r++) level = fn()
      batches.push((performance.now() - started) / RUNS_PER_BATCH)
    }
    batches.sort((x, y) => x - y)
    return { ms: batches[Math.floor(batches.length / 2)] ?? 0, level }
  }

  // What villagers type: one to six consecutive initials of a real question, digit by digit, then deleted.
  const random = seededRandom(options.seed)
  const typeMs: number[] = []
  const deleteMs: number[] = []
  for (let n = 0; n < options.sequences; n++) {
    const source = digits[Math.floor(random() * digits.length)] ?? ''
    const from = Math.floor(random() * Math.max(1, source.length - 6))
    const typed = source.slice(from, from + 1 + Math.floor(random() * 6))
    let previous: T9Level | undefined
    for (let k = 1; k <= typed.length; k++) {
      const query = typed.slice(0, k)
      const before = previous
      const { ms, level } = time(() => searchT9(index, query, 100, before))
      typeMs.push(ms)
      previous = level
    }
    const query = new T9Query(index)
    for (const d of typed) query.push(d)
    while (query.text) {
      const started = performance.now()
      query.pop()
      void query.result.total
      deleteMs.push(performance.now() - started)
    }
  }

  // The heaviest narrowing: four-digit queries (the first not answered from lists made ahead) whose first
  // three digits match the most questions.
  const seen = new Set<string>()
  for (const d of digits) for (let k = 0; k + 4 <= d.length; k++) seen.add(d.slice(k, k + 4))
  const heaviest = [...seen]
    .map((q) => ({ q, candidates: searchT9(index, q.slice(0, 3)).result.total }))
    .sort((a, b) => b.candidates - a.candidates)
    .slice(0, 5)
  const worstMs = heaviest.map(({ q }) => {
    const previous = searchT9(index, q.slice(0, 3))
    const { ms, level } = time(() => searchT9(index, q, 100, previous))
    return { query: q, ms, total: level.result.total }
  })
  return { questions: options.questions, prepareSlicesMs, typeMs, deleteMs, worstMs, repeats: options.repeats }
}

;(globalThis as unknown as { __faqSearchBench: typeof run }).__faqSearchBench = run
