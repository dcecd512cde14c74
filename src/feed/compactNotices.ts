/**
 * Ten thousand notice summaries are most of the heap at rest, and two things make them bigger than their
 * data: every notice holds its own copy of texts that a county repeats thousands of times (JSON.parse and
 * IndexedDB each make a new string per occurrence), and the validator builds each object key by key, so
 * the later keys spill into a second store beside the object. One string per distinct publisher and
 * category, and one object per summary built with its common keys in place, hold the same data in less memory
 * (bench: heap at rest, 10 000 notices).
 */
import type { NoticeSummary } from './schema'

export function compactNotices(list: readonly NoticeSummary[]): NoticeSummary[] {
  const shared = new Map<string, string>()
  const one = (text: string): string => {
    const held = shared.get(text)
    if (held !== undefined) return held
    shared.set(text, text)
    return text
  }
  return list.map((n) => {
    // The keys every notice has, in place; the optional ones only where the notice has them (a slot
    // per absent key would cost 10 000 of them).
    const kept: NoticeSummary = {
      id: n.id,
      title: n.title,
      category: one(n.category),
      publisher: one(n.publisher),
      publishedAt: n.publishedAt,
      pinned: n.pinned,
    }
    if (n.docNo !== undefined) kept.docNo = n.docNo
    if (n.validUntil !== undefined) kept.validUntil = n.validUntil
    if (n.updatedAt !== undefined) kept.updatedAt = n.updatedAt
    if (n.pageNo !== undefined) kept.pageNo = n.pageNo
    return kept
  })
}
