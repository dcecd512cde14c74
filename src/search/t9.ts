/**
 * Search 常见问题 with the remote's digit keys, T9-style: each question's pinyin initials (computed by the
 * editors' tools and carried in the feed) become a digit string once, 2 = abc … 9 = wxyz, and a typed digit
 * string matches the questions whose initials hold it at consecutive characters, anywhere (typing 医保 = "yb"
 * = 92 finds 城乡居民医保怎么缴费？). Questions whose initials start with it come first.
 *
 * Built to answer a key press over 30 000 questions in well under 4 ms on a slow box: the one- and two-digit
 * queries (the first presses, with the most matches) are answered from postings lists made once, while the
 * box is idle; a longer query reads only the questions that hold its first two digits, or, typed digit by
 * digit, only those that matched one digit less. Deleting a digit goes back to the answer kept for the
 * shorter query. Plain TypeScript, no Lightning: unit-tested under Node and measured by `npm run bench`.
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

export interface T9Index {
  /** How many questions the list has. */
  readonly size: number
  /** Each question's digits ('' for a question without initials). */
  readonly digits: readonly string[]
  /** By digit (0–9): the questions holding it. */
  readonly one: Postings
  /** By two digits (00–99): the questions holding them next to each other. */
  readonly two: Postings
  /** By two digits: the questions starting with them (a question of one digit is under its digit × 10 + 0). */
  readonly startTwo: Postings
}

function postingsOf(keys: number, counts: Uint32Array, size: number): Postings {
  const offsets = new Uint32Array(keys + 1)
  for (let k = 0; k < keys; k++) offsets[k + 1] = (offsets[k] as number) + (counts[k] as number)
  const total = offsets[keys] as number
  return { offsets, data: size <= 0xffff ? new Uint16Array(total) : new Uint32Array(total) }
}

function listOf(p: Postings, key: number): Positions {
  return p.data.subarray(p.offsets[key] as number, p.offsets[key + 1] as number)
}

/**
 * Makes the index a slice at a time, so that 30 000 questions are prepared in idle moments instead of in
 * one long task: `step()` does about `budget` questions and says whether it has finished; `finish()` does
 * the rest at once (a digit pressed before the box was idle long enough).
 */
export class T9IndexBuilder {
  private readonly size: number
  private readonly digits: string[] = []
  private readonly oneCount = new Uint32Array(10)
  private readonly twoCount = new Uint32Array(100)
  private readonly startCount = new Uint32Array(100)
  private built: T9Index | undefined
  private phase: 'count' | 'fill' = 'count'
  private at = 0
  private one: Postings | undefined
  private two: Postings | undefined
  private startTwo: Postings | undefined
  private oneFill: Uint32Array | undefined
  private twoFill: Uint32Array | undefined
  private startFill: Uint32Array | undefined
  /** Per key, the last question that counted it: a question holding "92" twice is listed once. */
  private readonly seenOne = new Int32Array(10).fill(-1)
  private readonly seenTwo = new Int32Array(100).fill(-1)

  constructor(private readonly initials: readonly (string | undefined)[]) {
    this.size = initials.length
  }

  get done(): boolean {
    return this.built !== undefined
  }

  /** Works through about `budget` questions; true once the index is ready. */
  step(budget = 2000): boolean {
    if (this.built) return true
    const end = Math.min(this.size, this.at + budget)
    if (this.phase === 'count') {
      for (let i = this.at; i < end; i++) this.count(i)
      this.at = end
      if (end === this.size) this.startFilling()
      return false
    }
    for (let i = this.at; i < end; i++) this.fill(i)
    this.at = end
    if (end === this.size) {
      this.built = {
        size: this.size,
        digits: this.digits,
        one: this.one as Postings,
        two: this.two as Postings,
        startTwo: this.startTwo as Postings,
      }
    }
    return this.built !== undefined
  }

  /** The index, made now if it is not ready yet. */
  finish(): T9Index {
    while (!this.step(this.size + 1)) {
      // count, then fill
    }
    return this.built as T9Index
  }

  private count(i: number): void {
    const d = initialsToDigits(this.initials[i] ?? '')
    this.digits.push(d)
    if (d.length === 0) return
    bump(this.startCount, startKey(d))
    for (let k = 0; k < d.length; k++) {
      const a = d.charCodeAt(k) - 48
      if (this.seenOne[a] !== i) {
        this.seenOne[a] = i
        bump(this.oneCount, a)
      }
      if (k + 1 < d.length) {
        const ab = a * 10 + d.charCodeAt(k + 1) - 48
        if (this.seenTwo[ab] !== i) {
          this.seenTwo[ab] = i
          bump(this.twoCount, ab)
        }
      }
    }
  }

  private startFilling(): void {
    this.one = postingsOf(10, this.oneCount, this.size)
    this.two = postingsOf(100, this.twoCount, this.size)
    this.startTwo = postingsOf(100, this.startCount, this.size)
    this.oneFill = this.one.offsets.slice(0, 10)
    this.twoFill = this.two.offsets.slice(0, 100)
    this.startFill = this.startTwo.offsets.slice(0, 100)
    this.seenOne.fill(-1)
    this.seenTwo.fill(-1)
    this.phase = 'fill'
    this.at = 0
  }

  private fill(i: number): void {
    const d = this.digits[i] as string
    if (d.length === 0) return
    const one = this.one as Postings
    const two = this.two as Postings
    const startTwo = this.startTwo as Postings
    const oneFill = this.oneFill as Uint32Array
    const twoFill = this.twoFill as Uint32Array
    const startFill = this.startFill as Uint32Array
    startTwo.data[bump(startFill, startKey(d))] = i
    for (let k = 0; k < d.length; k++) {
      const a = d.charCodeAt(k) - 48
      if (this.seenOne[a] !== i) {
        this.seenOne[a] = i
        one.data[bump(oneFill, a)] = i
      }
      if (k + 1 < d.length) {
        const ab = a * 10 + d.charCodeAt(k + 1) - 48
        if (this.seenTwo[ab] !== i) {
          this.seenTwo[ab] = i
          two.data[bump(twoFill, ab)] = i
        }
      }
    }
  }
}

/** Adds one to `counts[key]`; returns the value before. */
function bump(counts: Uint32Array, key: number): number {
  const before = counts[key] as number
  counts[key] = before + 1
  return before
}

/** The two-digit key a question starts under; a one-digit question under its digit and 0. */
function startKey(d: string): number {
  return (d.charCodeAt(0) - 48) * 10 + (d.length > 1 ? d.charCodeAt(1) - 48 : 0)
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
 * The matches of `query` (digits 2–9). `previous`, the level of the query one digit shorter, narrows the
 * questions read to its matches; without it a query of three digits or more reads the questions holding
 * its first two.
 */
export function searchT9(index: T9Index, query: string, cap = DEFAULT_SHOWN_CAP, previous?: T9Level): T9Level {
  if (query.length === 0) {
    return { query, result: { query, total: index.size, shown: [] }, matches: [] }
  }
  const a = query.charCodeAt(0) - 48
  if (query.length <= 2) {
    const key = query.length === 1 ? a : a * 10 + query.charCodeAt(1) - 48
    const matches = listOf(query.length === 1 ? index.one : index.two, key)
    const shown: number[] = []
    // Those starting with the query: for one digit, the ten start lists of that digit, merged in list order.
    const starts = query.length === 1 ? mergedStarts(index, a, cap) : Array.from(listOf(index.startTwo, key).subarray(0, cap))
    for (const i of starts) shown.push(i)
    for (let k = 0; k < matches.length && shown.length < cap; k++) {
      const i = matches[k] as number
      if (!startsWith(index.digits[i] as string, query)) shown.push(i)
    }
    return { query, result: { query, total: matches.length, shown }, matches }
  }
  // Candidates hold the query but its last digit (the shorter query's matches, or its first two digits)
  // and its last two digits: a merge of two sorted lists, cheaper than reading every candidate's digits.
  const source =
    previous && previous.query === query.slice(0, -1)
      ? previous.matches
      : listOf(index.two, a * 10 + query.charCodeAt(1) - 48)
  const last = listOf(index.two, (query.charCodeAt(query.length - 2) - 48) * 10 + query.charCodeAt(query.length - 1) - 48)
  const out = index.size <= 0xffff ? new Uint16Array(Math.min(source.length, last.length)) : new Uint32Array(Math.min(source.length, last.length))
  const first: number[] = []
  const rest: number[] = []
  let n = 0
  const digits = index.digits
  for (let k = 0, j = 0; k < source.length && j < last.length; ) {
    const i = source[k] as number
    const other = last[j] as number
    if (i < other) {
      k++
      continue
    }
    if (other < i) {
      j++
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

/** The first `cap` questions starting with digit `a`, in list order (from its ten two-digit start lists). */
function mergedStarts(index: T9Index, a: number, cap: number): number[] {
  const lists: Positions[] = []
  for (let b = 0; b < 10; b++) {
    const list = listOf(index.startTwo, a * 10 + b)
    if (list.length > 0) lists.push(list)
  }
  const at = new Array<number>(lists.length).fill(0)
  const out: number[] = []
  while (out.length < cap) {
    let best = -1
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l] as Positions
      const k = at[l] as number
      if (k < list.length && (best < 0 || (list[k] as number) < ((lists[best] as Positions)[at[best] as number] as number))) best = l
    }
    if (best < 0) break
    out.push((lists[best] as Positions)[at[best] as number] as number)
    at[best] = (at[best] as number) + 1
  }
  return out
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
export function prepareT9(initials: readonly (string | undefined)[], whenIdle: WhenIdle = defaultWhenIdle, slice = 1000): PreparedT9 {
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
