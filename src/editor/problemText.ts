/**
 * Turns a feed Problem into one plain line for the people who write the feed: the JSON path, what is
 * wrong and what is expected, in plain Chinese (or English). Used by `npm run validate` and the editors'
 * preview page. problemKinds.ts tells what kind of problem it is; problemMessagesZh.ts and
 * problemMessagesEn.ts word each kind. No Lightning imports: this also runs in Node.
 */
import type { Problem } from '../feed/document'
import { classifyProblem, problemConsequence, wordProblem, type ProblemWording } from './problemKinds'
import { PROBLEM_WORDING_EN } from './problemMessagesEn'
import { PROBLEM_WORDING_ZH } from './problemMessagesZh'

export type ProblemLanguage = 'zh-CN' | 'en'

export const WORDING: Record<ProblemLanguage, ProblemWording> = {
  'zh-CN': PROBLEM_WORDING_ZH,
  en: PROBLEM_WORDING_EN,
}

/** Kinds of the validator's own cross-document checks: they neither drop nor reject anything. */
const NOTES = new Set(['orphan'])

/** The message without the path: what is wrong, what is expected, and what the box does about it. */
export function problemMessage(p: Problem, lang: ProblemLanguage = 'zh-CN'): string {
  const wording = WORDING[lang]
  return wordProblem(wording, classifyProblem(p)) + wording.consequences[problemConsequence(p)]
}

/** One line per problem: `$.notices[3].title：文字太长，最多 200 个字，实际 230 个字（这一条不显示，其余照常）`. */
export function describeProblem(p: Problem, lang: ProblemLanguage = 'zh-CN'): string {
  return `${p.path}${WORDING[lang].pathSeparator}${problemMessage(p, lang)}`
}

/** True when the problem made the box skip an item or refuse a file (notes such as orphans do not). */
export function isBlocking(p: Problem): boolean {
  return !NOTES.has(p.kind)
}

/** Cross-file problems found by the validator: the item shows, but its detail cannot be opened, or a name is off. */
const CROSS_FILE = new Set(['missing-detail', 'id-mismatch', 'region-mismatch'])

/** 常见问题 initials that `npm run validate` checks against pinyin-pro: the box shows the question, search misses it. */
const INITIALS = new Set(['initials-missing', 'initials-mismatch'])

/**
 * How bad a problem is, for counting: the whole file is refused, one item is skipped, files disagree
 * with each other, a question's initials are wrong, or only a note.
 */
export function problemSeverity(p: Problem): 'rejected' | 'dropped' | 'cross-file' | 'initials' | 'note' {
  if (NOTES.has(p.kind)) return 'note'
  if (CROSS_FILE.has(p.kind)) return 'cross-file'
  if (INITIALS.has(p.kind)) return 'initials'
  return p.dropped ? 'dropped' : 'rejected'
}

/** The same check can fire twice on one value (a timestamp's pattern and its date check): keep one. */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.kind}\u0000${p.received ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
