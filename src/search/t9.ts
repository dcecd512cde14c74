/**
 * Search 常见问题 with the remote's digit keys, T9-style: each question's pinyin initials (computed by the
 * editors' tools and carried in the feed) become a digit string once, 2 = abc … 9 = wxyz, and a typed digit
 * string matches the questions whose initials hold it at consecutive characters, anywhere (typing 医保 = "yb"
 * = 92 finds 城乡居民医保怎么缴费？). Questions whose initials start with it come first.
 *
 * Built to answer a key press over 30 000 questions in well under 4 ms on a slow box: queries of one to
 * three digits (the first presses, with the most matches) are answered from lists made once, while the box
 * is idle; a longer query reads only the questions that matched one digit less and hold its last three
 * digits. Deleting a digit goes back to the answer kept for the shorter query. The lists take about
 * 40 entries of 2 bytes per question (2.4 MB for 30 000), for the one list on screen. Plain TypeScript, no Lightning: unit-tested under Node and measured by `npm run bench`.
 */

/** The letters printed on each digit key of a phone or remote keypad. */
export const T9_LETTERS: Readonly<Record<string, string>> = {
  '2': 'abc',
  '3': 'def',
  '4': 'ghi',
  '5': 'jkl',
  '6': 'mno',
  '7': 'pqrs',
  '8': 'tuv',
  '9': 'wxyz',
}

/** Digit char code (50 for '2') per letter code minus 97, built from T9_LETTERS. */
const DIGIT_CODE = new Uint8Array(26)
for (const digit of Object.keys(T9_LETTERS)) {
  for (const letter of T9_LETTERS[digit] ?? '') DIGIT_CODE[letter.charCodeAt(0) - 97] = digit.charCodeAt(0)
}

/** The keys that search: 0 deletes and 1 carries no letters. */
export function isSearchDigit(digit: string): boolean {
  return digit.length === 1 && digit >= '2' && digit <= '9'
}

/** Initials as digits: `ybjf` → `9253`. Anything but a–z (A–Z) is left out. */
export function initialsToDigits(initials: string): string {
  let out = ''
  for (let i = 0; i < initials.length; i++) {
    const c = initials.charCodeAt(i) | 0x20
    if (c >= 97 && c <= 122) out += String.fromCharCode(DIGIT_CODE[c - 97] as number)
  }
  return out
}

type Positions = Uint16Array | Uint32Array

/** Questions (by position in the list) in lists by key, one flat array with an offset per key. */
interface Postings {
  offsets: Uint32Array
  data: Positions
}

/** Queries up to this many digits are answered from lists made ahead; longer ones narrow those answers. */
export const GRAM = 3
/** Keys of an n-digit list: the digits read as a number (92 for "92"), so 10, 100, 1000 of them. */
const KEYS = [10, 100, 1000] as const

export interface T9Index {
  /** How many questions the list has. */
  readonly size: number
  /** Each question's digits ('' for a question without initials). */
  readonly digits: readonly string[]
  /** `grams[n - 1]`, n = 1…3: by n digits, the questions holding them at consecutive characters. */
  readonly grams: readonly Postings[]
  /**
   * `starts[n - 1]`: by a question's first n digits, the questions starting with them; a question of fewer
   * digits is listed under them followed by 0s, a key no query has (0 is not a search digit).
   */
  readonly starts: readonly Postings[]
}

function postingsOf(counts: Uint32Array, size: number): Postings {
  const keys = counts.length
  const offsets = new Uint32Array(keys + 1)
  for (let k = 0; k < keys; k++) offsets[k + 1] = (offsets[k] as number) + (counts[k] as number)
  const total = offsets[keys] as number
  return { offsets, data: size <= 0xffff ? new Uint16Array(total) : new Uint32Array(total) }
}

function listOf(p: Postings, key: number): Positions {
  return p.data.subarray(p.offsets[key] as number, p.offsets[key + 1] as number)
}

/** `d`'s `n` digits from `at`, read as a number; past its end, 0s. */
function keyAt(d: string, at: number, n: number): number {
  let key = 0
  for (let k = 0; k < n; k++) key = key * 10 + (at + k < d.length ? d.charCodeAt(at + k) - 48 : 0)
  return key
}

/**
 * Makes the index a slice at a time, so that 30 000 questions are prepared in idle moments instead of in
 * one long task: `step()` does about `budget` questions and says whether it has finished; `finish()` does
 * the rest at once (a digit pressed before the box was idle long enough). Two passes: count what each
 * list will hold, then fill the lists, each sized once.
 */
export class T9IndexBuilder {
  private readonly size: number
  private readonly digits: string[] = []
  private readonly gramCounts = KEYS.map((n) => new Uint32Array(n))
  private readonly startCounts = KEYS.map((n) => new Uint32Array(n))
  /** Per list and key, the last question that counted it: a question holding "92" twice is listed once. */
  private readonly seen = KEYS.map((n) => unseen(new Int32Array(n)))
  private built: T9Index | undefined
  private filling = false
  private at = 0
  private grams: Postings[] = []
  private starts: Postings[] = []
  /** Where the next question goes in each list (offsets moving on as the lists fill). */
  private gramFill: Uint32Array[] = []
  private startFill: Uint32Array[] = []

  constructor(private readonly initials: readonly (string | undefined)[]) {
    this.size = initials.length
  }

  get done(): boolean {
    return this.built !== undefined
  }

  /** Works through about `budget` questions; true once the index is ready. */
  step(budget = 250): boolean {
    if (this.built) return true
    const end = Math.min(this.size, this.at + budget)
    for (let i = this.at; i < end; i++) {
      if (!this.filling) this.digits.push(initialsToDigits(this.initials[i] ?? ''))
      this.visit(i)
    }
    this.at = end
    if (end < this.size) return false
    if (!this.filling) {
      this.startFilling()
      return false
    }
    this.built = { size: this.size, digits: this.digits, grams: this.grams, starts: this.starts }
    return true
  }

  /** The index, made now if it is not ready yet. */
  finish(): T9Index {
    while (!this.step(this.size + 1)) {
      // count, then fill
    }
    return this.built as T9Index
  }

  /** Counts (first pass) or lists (second pass) question `i` under each of its keys. */
  private visit(i: number): void {
    const d = this.digits[i] as string
    if (d.length === 0) return
    for (let n = 1; n <= GRAM; n++) {
      const start = keyAt(d, 0, n)
      if (this.filling) (this.starts[n - 1] as Postings).data[bump(this.startFill[n - 1] as Uint32Array, start)] = i
      else bump(this.startCounts[n - 1] as Uint32Array, start)
      const seen = this.seen[n - 1] as Int32Array
      for (let at = 0; at + n <= d.length; at++) {
        const key = keyAt(d, at, n)
        if (seen[key] === i) continue
        seen[key] = i
        if (this.filling) (this.grams[n - 1] as Postings).data[bump(this.gramFill[n - 1] as Uint32Array, key)] = i
        else bump(this.gramCounts[n - 1] as Uint32Array, key)
      }
    }
  }

  private startFilling(): void {
    this.grams = this.gramCounts.map((counts) => postingsOf(counts, this.size))
    this.starts = this.startCounts.map((counts) => postingsOf(counts, this.size))
    this.gramFill = this.grams.map((p) => new Uint32Array(p.offsets.subarray(0, p.offsets.length - 1)))
    this.startFill = this.starts.map((p) => new Uint32Array(p.offsets.subarray(0, p.offsets.length - 1)))
    for (const seen of this.seen) unseen(seen)
    this.filling = true
    this.at = 0
  }
}

/**
 * Every key marked as counted by no question yet. Loops, not TypedArray#fill or #slice: boxes on Chromium
 * 30 have typed arrays but not those ES2015 methods.
 */
function unseen(seen: Int32Array): Int32Array {
  for (let k = 0; k < seen.length; k++) seen[k] = -1
  return seen
}

/** Adds one to `counts[key]`; returns the value before. */
function bump(counts: Uint32Array, key: number): number {
  const before = counts[key] as number
  counts[key] = before + 1
  return before
}

/** The index of a whole list at once (tests, and a list too small to be worth slicing). */
export function buildT9Index(initials: readonly (string | undefined)[]): T9Index {
  return new T9IndexBuilder(initials).finish()
}

/** What one query finds. */
export interface T9Result {
  /** The typed digits. */
  query: string
  /** How many questions match. */
  total: number
  /**
   * Positions in the list of the matches to show, at most the cap: those whose initials start with the
   * query first, then the others, each group in list order.
   */
  shown: number[]
}

/** A query's answer and every match behind it, so a digit more reads only these. */
export interface T9Level {
  readonly query: string
  readonly result: T9Result
  readonly matches: ArrayLike<number>
}

export const DEFAULT_SHOWN_CAP = 100
/** Digits a query keeps: a question's initials are at most 120 letters, and nobody types that many. */
export const MAX_QUERY_DIGITS = 20

/** Whether `d` starts with `q`, without making a string. */
function startsWith(d: string, q: string): boolean {
  if (d.length < q.length) return false
  for (let k = 0; k < q.length; k++) if (d.charCodeAt(k) !== q.charCodeAt(k)) return false
  return true
}

/**
 * The matches of `query` (digits 2–9). Up to three digits, the lists made ahead answer. Longer: `previous`,
 * the level of the query one digit shorter, narrows the questions read to its matches; without it (a
 * restored screen) the questions holding the query's first three digits are read.
 */
export function searchT9(index: T9Index, query: string, cap = DEFAULT_SHOWN_CAP, previous?: T9Level): T9Level {
  if (query.length === 0) {
    return { query, result: { query, total: index.size, shown: [] }, matches: [] }
  }
  if (query.length <= GRAM) {
    const n = query.length
    const key = keyAt(query, 0, n)
    const matches = listOf(index.grams[n - 1] as Postings, key)
    // Those starting with the query are listed ahead; the others follow in list order, up to the cap.
    const starts = listOf(index.starts[n - 1] as Postings, key)
    const shown: number[] = []
    for (let k = 0; k < starts.length && k < cap; k++) shown.push(starts[k] as number)
    for (let k = 0; k < matches.length && shown.length < cap; k++) {
      const i = matches[k] as number
      if (!startsWith(index.digits[i] as string, query)) shown.push(i)
    }
    return { query, result: { query, total: matches.length, shown }, matches }
  }
  // Candidates hold the query but its last digit (the shorter query's matches, or its first three digits)
  // and its last three digits: a merge of two sorted lists, cheaper than reading every candidate's digits.
  const threes = index.grams[GRAM - 1] as Postings
  const source = previous && previous.query === query.slice(0, -1) ? previous.matches : listOf(threes, keyAt(query, 0, GRAM))
  const last = listOf(threes, keyAt(query, query.length - GRAM, GRAM))
  const room = Math.min(source.length, last.length)
  const out = index.size <= 0xffff ? new Uint16Array(room) : new Uint32Array(room)
  const first: number[] = []
  const rest: number[] = []
  let n = 0
  const digits = index.digits
  for (let k = 0, j = 0; k < source.length && j < last.length; ) {
    const i = source[k] as number
    const other = last[j] as number
    if (i !== other) {
      if (i < other) k++
      else j++
      continue
    }
    k++
    j++
    const at = (digits[i] as string).indexOf(query)
    if (at < 0) continue
    out[n++] = i
    if (at === 0) {
      if (first.length < cap) first.push(i)
    } else if (rest.length < cap) rest.push(i)
  }
  const shown = first.concat(rest.slice(0, Math.max(0, cap - first.length)))
  return { query, result: { query, total: n, shown }, matches: out.subarray(0, n) }
}

/**
 * The digits typed so far and their answers, one level per digit: a digit more narrows the last answer,
 * 0 or Back takes the last digit away and shows the answer kept for the shorter query.
 */
export class T9Query {
  private levels: T9Level[] = []

  constructor(
    private index: T9Index,
    private readonly cap = DEFAULT_SHOWN_CAP,
  ) {}

  get text(): string {
    return this.levels[this.levels.length - 1]?.query ?? ''
  }

  /** The answer for the digits typed; for none, every question (total) and nothing picked (shown). */
  get result(): T9Result {
    return this.levels[this.levels.length - 1]?.result ?? { query: '', total: this.index.size, shown: [] }
  }

  /** Adds a digit (2–9); false when it is not a search digit or the query is full. */
  push(digit: string): boolean {
    if (!isSearchDigit(digit) || this.levels.length >= MAX_QUERY_DIGITS) return false
    const previous = this.levels[this.levels.length - 1]
    this.levels.push(searchT9(this.index, this.text + digit, this.cap, previous))
    return true
  }

  /** Takes the last digit away; false when nothing was typed. */
  pop(): boolean {
    return this.levels.pop() !== undefined
  }

  clear(): void {
    this.levels = []
  }

  /** Types `digits` from scratch (a restored screen, another list): only the last level is computed. */
  set(digits: string): void {
    this.levels = []
    let query = ''
    for (const digit of digits.slice(0, MAX_QUERY_DIGITS)) if (isSearchDigit(digit)) query += digit
    // The shorter queries are computed when a digit is deleted: only the typed one is needed now.
    for (let k = 1; k < query.length; k++) this.levels.push(lazyLevel(this.index, query.slice(0, k), this.cap))
    if (query) this.levels.push(searchT9(this.index, query, this.cap))
  }

  /** The same digits over another list (another topic, a refreshed shard). */
  reindex(index: T9Index): void {
    const digits = this.text
    this.index = index
    this.set(digits)
  }
}

/** A level computed on first read: `set()` keeps the shorter queries without their cost. */
function lazyLevel(index: T9Index, query: string, cap: number): T9Level {
  let level: T9Level | undefined
  const get = (): T9Level => (level ??= searchT9(index, query, cap))
  return {
    query,
    get result() {
      return get().result
    },
    get matches() {
      return get().matches
    },
  }
}

/** Idle time as requestIdleCallback gives it (src/platform/idleCallback.ts installs one where it is missing). */
export type WhenIdle = (work: (deadline: { timeRemaining(): number }) => void) => void

const defaultWhenIdle: WhenIdle = (work) => {
  const w = globalThis as { requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void, o?: { timeout: number }) => unknown }
  if (typeof w.requestIdleCallback === 'function') w.requestIdleCallback(work, { timeout: 1000 })
  else setTimeout(() => work({ timeRemaining: () => 8 }), 16)
}

/** An index being made in idle moments. */
export interface PreparedT9 {
  readonly ready: boolean
  /** The index; what is left of it is made now when it is not ready (a digit pressed early). */
  now(): T9Index
  /** Stops the idle work (the list was left). */
  cancel(): void
}

/**
 * Prepares the index of `initials` in slices of `slice` questions while the box is idle, so that opening
 * a topic of 30 000 questions costs no long task and the first digit finds the index ready.
 */
export function prepareT9(initials: readonly (string | undefined)[], whenIdle: WhenIdle = defaultWhenIdle, slice = 250): PreparedT9 {
  const builder = new T9IndexBuilder(initials)
  let cancelled = false
  const work = (deadline: { timeRemaining(): number }): void => {
    if (cancelled) return
    // At least one slice per callback; more while the engine says there is time.
    while (!builder.step(slice) && deadline.timeRemaining() > 4) {
      // next slice
    }
    if (!builder.done) whenIdle(work)
  }
  whenIdle(work)
  return {
    get ready() {
      return builder.done
    },
    now: () => builder.finish(),
    cancel: () => {
      cancelled = true
    },
  }
}
