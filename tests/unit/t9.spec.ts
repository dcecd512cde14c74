/**
 * Search with the remote's digits (src/search/t9.ts): the key letters, matching consecutive initials
 * anywhere with prefix matches first, the cap, narrowing digit by digit, delete and clear, and the index
 * made in idle slices. Every answer is compared with a plain reading of every question's digits; nothing
 * here measures time (the figure is in `npm run bench`).
 */
import { describe, expect, it } from 'vitest'
import { generateLargeFaq } from '../../mocks/largeFaq'
import { seededRandom } from '../../mocks/seededRandom'
import {
  buildT9Index,
  DEFAULT_SHOWN_CAP,
  initialsToDigits,
  isSearchDigit,
  MAX_QUERY_DIGITS,
  prepareT9,
  searchT9,
  T9_LETTERS,
  T9IndexBuilder,
  T9Query,
  type T9Index,
} from '../../src/search/t9'

/** What a search must find, read the slow way. */
function expected(digits: readonly string[], query: string, cap = DEFAULT_SHOWN_CAP): { total: number; shown: number[] } {
  const all = digits.flatMap((d, i) => (d.includes(query) ? [i] : []))
  const first = all.filter((i) => (digits[i] as string).startsWith(query))
  const rest = all.filter((i) => !(digits[i] as string).startsWith(query))
  return { total: all.length, shown: [...first, ...rest].slice(0, cap) }
}

const QUESTIONS = [
  { q: '城乡居民医保怎么缴费？', initials: 'cxjmybzmjf' },
  { q: '新生儿怎么落户？', initials: 'xsezmlh' },
  { q: '医保电子凭证怎么激活？', initials: 'ybdzpzzmjh' },
  { q: '社保卡丢了怎么补办？', initials: 'sbkdlzmbb' },
  { q: '（没有首字母的问题）', initials: undefined },
  { q: '在外地住院，医保怎么报销？', initials: 'zwdzyybzmbx' },
]

describe('the key letters', () => {
  it('are the phone keypad: 2 = abc … 7 = pqrs … 9 = wxyz, every letter on one key', () => {
    expect(T9_LETTERS['2']).toBe('abc')
    expect(T9_LETTERS['7']).toBe('pqrs')
    expect(T9_LETTERS['9']).toBe('wxyz')
    const letters = Object.values(T9_LETTERS).join('')
    expect([...letters].sort().join('')).toBe('abcdefghijklmnopqrstuvwxyz')
  })

  it('turn initials into digits, upper case too, leaving anything else out', () => {
    expect(initialsToDigits('ybjf')).toBe('9253')
    expect(initialsToDigits('cxjmybzmjf')).toBe('2956929653')
    expect(initialsToDigits('YB')).toBe('92')
    expect(initialsToDigits('y-b 1?')).toBe('92')
    expect(initialsToDigits('')).toBe('')
  })

  it('search on 2–9 only: 0 deletes and 1 has no letters', () => {
    expect(['2', '5', '9'].every(isSearchDigit)).toBe(true)
    expect(['0', '1', 'a', '22', ''].some(isSearchDigit)).toBe(false)
  })
})

describe('a search', () => {
  const index = buildT9Index(QUESTIONS.map((x) => x.initials))
  const digits = QUESTIONS.map((x) => initialsToDigits(x.initials ?? ''))

  it('finds the initials of consecutive characters anywhere, questions starting with them first', () => {
    // 医保 = YB = 92: in 城乡居民医保… (in the middle), 医保电子凭证… (at the start), …医保怎么报销.
    const found = searchT9(index, '92').result
    expect(found.total).toBe(3)
    expect(found.shown).toEqual([2, 0, 5])
    // 怎么 = ZM = 96, in all but the question without initials.
    expect(searchT9(index, '96').result.total).toBe(5)
  })

  it('agrees with reading every question, for queries of one to six digits', () => {
    for (const query of ['9', '2', '5', '92', '96', '925', '9296', '929653', '2956929653', '29569296534', '888']) {
      const { result } = searchT9(index, query)
      expect({ total: result.total, shown: result.shown }, query).toEqual(expected(digits, query))
    }
  })

  it('shows at most the cap, counting every match', () => {
    const { result } = searchT9(index, '9', 2)
    expect(result.total).toBe(5)
    expect(result.shown).toHaveLength(2)
  })

  it('never finds a question without initials, and an empty query picks none', () => {
    for (const query of ['2', '9', '96']) expect(searchT9(index, query).result.shown).not.toContain(4)
    expect(searchT9(index, '').result).toEqual({ query: '', total: QUESTIONS.length, shown: [] })
  })
})

describe('typing, deleting and clearing (T9Query)', () => {
  const index = buildT9Index(QUESTIONS.map((x) => x.initials))

  it('narrows as digits are typed and widens as they are deleted', () => {
    const query = new T9Query(index)
    expect(query.result.total).toBe(QUESTIONS.length)
    const totals: number[] = []
    for (const d of '9296') {
      expect(query.push(d)).toBe(true)
      totals.push(query.result.total)
    }
    expect(query.text).toBe('9296')
    // 9: every question with initials; 92 (医保): three; 929, 9296: 城乡居民医保怎么… and 在外地…医保怎么….
    expect(totals).toEqual([5, 3, 2, 2])
    expect(query.push('5')).toBe(true)
    expect(query.result.total).toBe(1)
    expect(query.pop()).toBe(true)
    expect(query.text).toBe('9296')
    expect(query.result.total).toBe(2)
    query.clear()
    expect(query.text).toBe('')
    expect(query.pop()).toBe(false)
  })

  it('ignores 0, 1 and anything else, and stops at the longest query', () => {
    const query = new T9Query(index)
    expect(query.push('0')).toBe(false)
    expect(query.push('1')).toBe(false)
    for (let i = 0; i < MAX_QUERY_DIGITS; i++) expect(query.push('9')).toBe(true)
    expect(query.push('9')).toBe(false)
    expect(query.text).toHaveLength(MAX_QUERY_DIGITS)
  })

  it('restores typed digits at once, and computes the shorter queries only when deleting reaches them', () => {
    const query = new T9Query(index)
    query.set('92x96')
    expect(query.text).toBe('9296')
    expect(query.result).toEqual({ query: '9296', total: 2, shown: [0, 5] })
    query.pop()
    query.pop()
    expect(query.text).toBe('92')
    expect(query.result.shown).toEqual([2, 0, 5])
  })

  it('keeps the digits over another list', () => {
    const query = new T9Query(index)
    query.set('92')
    query.reindex(buildT9Index(['ybdz', 'zm', 'aybc']))
    expect(query.text).toBe('92')
    expect(query.result).toEqual({ query: '92', total: 2, shown: [0, 2] })
  })
})

describe('over 30 000 generated questions', () => {
  const faq = generateLargeFaq(30_000)
  const initials = faq.search.questions.map((q) => q.initials)
  const digits = initials.map((i) => initialsToDigits(i ?? ''))
  const index: T9Index = buildT9Index(initials)

  it('digit by digit, every answer equals reading all 30 000 (seeded queries from real questions)', { timeout: 60_000 }, () => {
    const random = seededRandom(20261120)
    for (let n = 0; n < 12; n++) {
      const source = digits[Math.floor(random() * digits.length)] as string
      const from = Math.floor(random() * Math.max(1, source.length - 6))
      const typed = source.slice(from, from + 1 + Math.floor(random() * 6))
      const query = new T9Query(index)
      for (const d of typed) {
        query.push(d)
        const want = expected(digits, query.text)
        expect({ total: query.result.total, shown: query.result.shown }, query.text).toEqual(want)
      }
      while (query.pop()) {
        if (!query.text) break
        expect(query.result.total, `after delete: ${query.text}`).toBe(expected(digits, query.text).total)
      }
    }
  })

  it('is made the same in idle slices as at once', () => {
    const sliced = new T9IndexBuilder(initials)
    let slices = 0
    while (!sliced.step(997)) slices++
    expect(slices).toBeGreaterThan(30)
    const whole = sliced.finish()
    for (const q of ['9', '92', '929', '7396']) expect(searchT9(whole, q).result).toEqual(searchT9(index, q).result)
  })
})

describe('preparing the index while the box is idle', () => {
  it('works a slice per idle moment, and finishes at once when a digit comes first', () => {
    const idle: ((d: { timeRemaining(): number }) => void)[] = []
    const prepared = prepareT9(
      Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'ybjf' : 'zmbl')),
      (work) => idle.push(work),
      1000,
    )
    expect(prepared.ready).toBe(false)
    idle.shift()?.({ timeRemaining: () => 0 })
    expect(prepared.ready).toBe(false)
    expect(idle).toHaveLength(1)
    const index = prepared.now()
    expect(prepared.ready).toBe(true)
    expect(searchT9(index, '92').result.total).toBe(2500)
  })

  it('stops when cancelled', () => {
    const idle: ((d: { timeRemaining(): number }) => void)[] = []
    const prepared = prepareT9(['a', 'b', 'c'], (work) => idle.push(work), 1)
    prepared.cancel()
    idle.shift()?.({ timeRemaining: () => 50 })
    expect(idle).toHaveLength(0)
    expect(prepared.ready).toBe(false)
  })
})
