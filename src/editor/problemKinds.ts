/**
 * What is wrong with a feed, for the people who write it: every Problem (a valibot issue type, a check of
 * document.ts or indexGuard.ts, a cross-file check of the validator) becomes one kind from a fixed list,
 * with the values its message needs. This is the one place that reads a Problem's kind, expected and
 * received strings and path; problemMessagesZh.ts and problemMessagesEn.ts then word each kind, and a
 * language that lacks a kind does not compile. No Lightning imports: this also runs in Node.
 */
import type { Problem } from '../feed/document'
import { SCHEMA_MAJOR } from '../feed/schema'

/** The value types a "wrong type" message names. */
export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'bigint' | 'date'

type Got = { got: string }
type Limit = { limit: string; got: string }
type Choices = { choices: string[] }
type Nothing = Record<never, never>

/** Every kind with what its message is given. `got` is the received value, quoted and shortened for reading. */
export interface ProblemParams {
  'not-json': Got
  'too-large': Limit
  'version-missing': { expected: string }
  'version-unsupported': { expected: string; got: string }
  'too-many-items': Limit
  'duplicate-id': Got
  'bad-id': Got
  'bad-timestamp': Got & { example: string }
  'bad-http-url': Got
  'bad-phone': Got
  'bad-region-code': Got
  'bad-application-no': Got
  'bad-page-no': Got
  /** 常见问题: a question's pinyin initials are not lower-case a–z, 1 to 120. */
  'bad-initials': Got
  'initials-missing': { expected: string }
  'initials-mismatch': Got & { expected: string }
  /** `owner` is where the number already leads, e.g. `notices/lw-n001`. */
  'duplicate-page-no': Got & { owner: string }
  /** A collection names an item the index does not hold; `list` is `notices` or `guides`. */
  'unknown-item': Got & { list: string }
  /** Polls (issue 13): two options of one poll share an id, so an answer could not say which it meant. */
  'duplicate-option': Got
  /** Polls: closesAt is not after opensAt; `opensAt` is the poll's. */
  'closes-before-opens': Got & { opensAt: string }
  'missing-detail': Got
  'id-mismatch': Got & { expected: string }
  'region-mismatch': Got & { expected: string }
  /** Every item of a list was dropped (the validator has no held copy to compare with). */
  'list-all-dropped': Nothing
  'list-emptied': { held: string }
  'older-than-held': { generatedAt: string; held: string }
  orphan: Got
  'unknown-document': Nothing
  'missing-field': { field: string }
  'not-object': Got
  'missing-list': Nothing
  'not-list': Got
  'missing-value': { type: ValueType }
  'wrong-type': Got & { type: ValueType }
  'missing-choice': Choices
  'wrong-choice': Choices & Got
  'missing-block-type': Choices
  'wrong-block-type': Choices & Got
  'wrong-value': Got & { expected: string }
  'text-too-long': Limit
  'too-few-items': Limit
  /** Nothing left once markup and spaces are removed. */
  'empty-text': Nothing
  'text-too-short': Limit
  'wrong-length': Limit
  empty: Nothing
  'number-too-large': Limit
  'number-too-small': Limit
  'not-integer': Got
  'not-multiple': Limit
  'bad-url': Got
  'bad-format': Got
  /** A kind nothing here knows yet (a new valibot check): worded with its raw kind. */
  unrecognised: Got & { rawKind: string }
  'unrecognised-expecting': Got & { rawKind: string; expected: string }
}

export type ProblemKind = keyof ProblemParams

/** A kind with its own parameters; `kind` tells which. */
export type ClassifiedProblem<K extends ProblemKind = ProblemKind> = { [P in K]: { kind: P; params: ProblemParams[P] } }[K]

/** What the box does about a problem, said after the message. */
export type Consequence = 'none' | 'file-rejected' | 'excess-skipped' | 'later-skipped' | 'list-skipped' | 'item-skipped'

/** One language's words for every kind and every consequence. */
export interface ProblemWording {
  /** Between the JSON path and the message. */
  pathSeparator: string
  messages: { [K in ProblemKind]: (params: ProblemParams[K]) => string }
  consequences: Record<Consequence, string>
}

/**
 * Fields of the contract that are lists. `max_length` / `min_length` say "too many items" for these and
 * "text too long" for everything else (the Problem does not carry the input, only its path).
 */
const LIST_FIELDS = new Set([
  'alerts',
  'notices',
  'guides',
  'hotlines',
  'collections',
  'videos',
  'relatedNotices',
  'relatedGuides',
  'faq',
  'questions',
  'answer',
  'townships',
  'villages',
  'path',
  'tags',
  'body',
  'items',
  'attachments',
  'conditions',
  'materials',
  'steps',
  'places',
  // Polls (issue 13): the index's list, a poll's options, the results' counts.
  'polls',
  'options',
  'counts',
])

const TIMESTAMP_EXAMPLE = '2026-11-20T09:30:00+08:00'

/** The last named segment of a path: `$.notices[3].title` → `title`, `$.tags` → `tags`. */
function lastKey(path: string): string {
  const match = /\.([^.[\]]+)(?:\[\d+\])*$/.exec(path)
  return match?.[1] ?? ''
}

/** `"<=200"` → `200`; `">=1"` → `1`; anything else unchanged. */
function bound(expected: string | undefined): string {
  if (!expected) return '?'
  return expected.replace(/^[<>]=?\s*/, '')
}

/** valibot's picklist/variant expectation `("red" | "orange")` → `['red', 'orange']`. */
function options(expected: string | undefined): string[] {
  if (!expected) return ['?']
  const inner = expected.replace(/^\(/, '').replace(/\)$/, '')
  return inner.split('|').map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
}

/** valibot quotes strings it received (`"abc"`); keep that, but shorten very long values. */
function shown(received: string | undefined): string {
  if (received === undefined) return 'undefined'
  return received.length > 60 ? `${received.slice(0, 57)}…` : received
}

/** A missing key arrives as kind `object` with expected `"title"` and received `undefined`. */
function missingKey(p: Problem): string | undefined {
  if (p.received !== 'undefined' || !p.expected) return undefined
  const match = /^"(.+)"$/.exec(p.expected)
  return match?.[1]
}

export function classifyProblem(p: Problem): ClassifiedProblem {
  const got = shown(p.received)
  const missing = got === 'undefined'
  const isList = LIST_FIELDS.has(lastKey(p.path))
  const limit = { limit: bound(p.expected), got }
  switch (p.kind) {
    // document.ts
    case 'not-json':
      return { kind: 'not-json', params: { got } }
    case 'too-large':
      return { kind: 'too-large', params: { limit: (p.expected ?? '').replace('<=', ''), got } }
    case 'version': {
      const expected = p.expected ?? `${SCHEMA_MAJOR}.x`
      return missing ? { kind: 'version-missing', params: { expected } } : { kind: 'version-unsupported', params: { expected, got } }
    }
    case 'too-many':
      return { kind: 'too-many-items', params: { limit: p.expected ?? '?', got } }
    case 'duplicate-id':
      return { kind: 'duplicate-id', params: { got } }
    // schema.ts (custom messages of regex/check)
    case 'id':
      return { kind: 'bad-id', params: { got } }
    case 'timestamp':
      return { kind: 'bad-timestamp', params: { got, example: TIMESTAMP_EXAMPLE } }
    case 'http-url':
      return { kind: 'bad-http-url', params: { got } }
    case 'phone':
      return { kind: 'bad-phone', params: { got } }
    case 'region-code':
      return { kind: 'bad-region-code', params: { got } }
    case 'application-no':
      return { kind: 'bad-application-no', params: { got } }
    case 'page-no':
      return { kind: 'bad-page-no', params: { got } }
    case 'initials':
      return { kind: 'bad-initials', params: { got } }
    case 'initials-missing':
      return { kind: 'initials-missing', params: { expected: p.expected ?? '?' } }
    case 'initials-mismatch':
      return { kind: 'initials-mismatch', params: { got, expected: p.expected ?? '?' } }
    case 'duplicate-page-no':
      return { kind: 'duplicate-page-no', params: { got, owner: p.expected ?? '?' } }
    case 'unknown-item':
      return { kind: 'unknown-item', params: { got, list: p.expected ?? '?' } }
    // polls (issue 13)
    case 'duplicate-option':
      return { kind: 'duplicate-option', params: { got } }
    case 'closes-before-opens':
      return { kind: 'closes-before-opens', params: { got, opensAt: p.expected ?? '?' } }
    // cross-document checks of the validator
    case 'missing-detail':
      return { kind: 'missing-detail', params: { got } }
    case 'id-mismatch':
      return { kind: 'id-mismatch', params: { got, expected: p.expected ?? '?' } }
    case 'region-mismatch':
      return { kind: 'region-mismatch', params: { got, expected: p.expected ?? '?' } }
    // indexGuard.ts: an index that parsed and is still refused (the validator has no held copy: expected ≥1)
    case 'emptied-list':
      return p.expected === '≥1' ? { kind: 'list-all-dropped', params: {} } : { kind: 'list-emptied', params: { held: p.expected ?? '?' } }
    case 'older-than-held':
      return { kind: 'older-than-held', params: { generatedAt: p.received ?? '?', held: p.expected ?? '?' } }
    case 'orphan':
      return { kind: 'orphan', params: { got } }
    case 'unknown-kind':
      return { kind: 'unknown-document', params: {} }
    // valibot issue types
    case 'object': {
      const field = missingKey(p)
      return field ? { kind: 'missing-field', params: { field } } : { kind: 'not-object', params: { got } }
    }
    case 'array':
      return missing ? { kind: 'missing-list', params: {} } : { kind: 'not-list', params: { got } }
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'bigint':
    case 'date':
      return missing ? { kind: 'missing-value', params: { type: p.kind } } : { kind: 'wrong-type', params: { type: p.kind, got } }
    case 'strict_object':
    case 'loose_object':
    case 'record':
      return { kind: 'not-object', params: { got } }
    case 'tuple':
    case 'strict_tuple':
    case 'loose_tuple':
      return { kind: 'not-list', params: { got } }
    case 'picklist':
    case 'enum':
    case 'union': {
      const choices = options(p.expected)
      return missing ? { kind: 'missing-choice', params: { choices } } : { kind: 'wrong-choice', params: { choices, got } }
    }
    case 'variant': {
      // valibot says `Object` when the block is not an object at all, before looking for its type.
      if (p.expected === 'Object') return { kind: 'not-object', params: { got } }
      const choices = options(p.expected)
      return missing ? { kind: 'missing-block-type', params: { choices } } : { kind: 'wrong-block-type', params: { choices, got } }
    }
    case 'literal':
    case 'value':
      return { kind: 'wrong-value', params: { expected: p.expected ?? '?', got } }
    case 'max_length':
      return { kind: isList ? 'too-many-items' : 'text-too-long', params: limit }
    case 'min_length':
      if (isList) return { kind: 'too-few-items', params: limit }
      return limit.limit === '1' ? { kind: 'empty-text', params: {} } : { kind: 'text-too-short', params: limit }
    case 'length':
      return { kind: 'wrong-length', params: limit }
    case 'non_empty':
      return { kind: 'empty', params: {} }
    case 'max_value':
      return { kind: 'number-too-large', params: limit }
    case 'min_value':
      return { kind: 'number-too-small', params: limit }
    case 'integer':
      return { kind: 'not-integer', params: { got } }
    case 'multiple_of':
      return { kind: 'not-multiple', params: limit }
    case 'url':
      return { kind: 'bad-url', params: { got } }
    case 'regex':
    case 'check':
      return { kind: 'bad-format', params: { got } }
    default:
      return p.expected !== undefined
        ? { kind: 'unrecognised-expecting', params: { rawKind: p.kind, expected: p.expected, got } }
        : { kind: 'unrecognised', params: { rawKind: p.kind, got } }
  }
}

/** Kinds whose message already says what follows. */
const SELF_EXPLAINED = new Set([
  'initials-missing',
  'initials-mismatch',
  'duplicate-page-no',
  'unknown-item',
  'orphan',
  'missing-detail',
  'id-mismatch',
  'region-mismatch',
  'unknown-kind',
  'emptied-list',
  'older-than-held',
])

/** What happens because of the problem: the item is skipped, or the whole file is not used. */
export function problemConsequence(p: Problem): Consequence {
  if (SELF_EXPLAINED.has(p.kind)) return 'none'
  if (!p.dropped) return 'file-rejected'
  if (p.kind === 'too-many') return 'excess-skipped'
  if (p.kind === 'duplicate-id') return 'later-skipped'
  // A whole top-level list that is not a list (`$.notices`) is skipped; a bad list inside an item drops the item.
  if (p.kind === 'array' && /^\$\.[A-Za-z]+$/.test(p.path)) return 'list-skipped'
  return 'item-skipped'
}

/** The message for a classified problem in one language's words. */
export function wordProblem<K extends ProblemKind>(wording: ProblemWording, problem: ClassifiedProblem<K>): string {
  return wording.messages[problem.kind](problem.params)
}
