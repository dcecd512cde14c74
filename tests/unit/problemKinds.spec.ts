/** The editors' problem kinds: one classifier, and every kind worded in every language. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Problem } from '../../src/feed/document'
import { classifyProblem, problemConsequence, wordProblem, type ProblemWording } from '../../src/editor/problemKinds'
import { PROBLEM_WORDING_EN } from '../../src/editor/problemMessagesEn'
import { WORDING, type ProblemLanguage } from '../../src/editor/problemText'

const corpus = JSON.parse(readFileSync(new URL('./problemText.characterisation.json', import.meta.url), 'utf8')) as {
  cases: Array<{ problem: Problem }>
}
const LANGUAGES = Object.keys(WORDING) as ProblemLanguage[]
/** The type makes every table list every kind (and nothing else), so either table's keys are the kinds. */
const KINDS = Object.keys(WORDING['zh-CN'].messages).sort()

describe('problem kinds', () => {
  it('are all reached by the recorded problems, and nothing else is produced', () => {
    const reached = new Set(corpus.cases.map(({ problem }) => classifyProblem(problem).kind))
    expect([...reached].sort()).toEqual(KINDS)
    expect(KINDS.length).toBeGreaterThan(40)
  })

  it('each have a message in both languages, with no value left unfilled', () => {
    expect(LANGUAGES.sort()).toEqual(['en', 'zh-CN'])
    for (const lang of LANGUAGES) {
      const wording = WORDING[lang]
      expect(Object.keys(wording.messages).sort(), lang).toEqual(KINDS)
      for (const { problem } of corpus.cases) {
        const classified = classifyProblem(problem)
        const text = wordProblem(wording, classified)
        expect(text.length, `${lang} ${classified.kind}`).toBeGreaterThan(0)
        // A parameter the classifier did not give would print as "undefined" (a received undefined is `got`).
        if (problem.received !== undefined && problem.received !== 'undefined') expect(text, `${lang} ${classified.kind}`).not.toMatch(/undefined/)
      }
    }
  })

  it('word every consequence in both languages, none where the message says it already', () => {
    for (const lang of LANGUAGES) {
      const { consequences } = WORDING[lang]
      expect(consequences.none).toBe('')
      for (const [name, text] of Object.entries(consequences)) if (name !== 'none') expect(text, `${lang} ${name}`).not.toBe('')
    }
    expect(problemConsequence({ path: '$.a', kind: 'orphan', dropped: true })).toBe('none')
    expect(problemConsequence({ path: '$.a', kind: 'string', dropped: false })).toBe('file-rejected')
    expect(problemConsequence({ path: '$.alerts', kind: 'too-many', dropped: true })).toBe('excess-skipped')
    expect(problemConsequence({ path: '$.notices[1].id', kind: 'duplicate-id', dropped: true })).toBe('later-skipped')
    expect(problemConsequence({ path: '$.guides', kind: 'array', dropped: true })).toBe('list-skipped')
    expect(problemConsequence({ path: '$.guides[0].tags', kind: 'array', dropped: true })).toBe('item-skipped')
  })

  it('tell a list from a text by the field: too many items, or text too long', () => {
    expect(classifyProblem({ path: '$.notices[0].tags', kind: 'max_length', expected: '<=10', received: '11', dropped: true })).toEqual({
      kind: 'too-many-items',
      params: { limit: '10', got: '11' },
    })
    expect(classifyProblem({ path: '$.notices[0].title', kind: 'max_length', expected: '<=200', received: '201', dropped: true })).toEqual({
      kind: 'text-too-long',
      params: { limit: '200', got: '201' },
    })
  })

  it('name a missing key, and give choices as a list for each language to join', () => {
    expect(classifyProblem({ path: '$.title', kind: 'object', expected: '"title"', received: 'undefined', dropped: true })).toEqual({
      kind: 'missing-field',
      params: { field: 'title' },
    })
    expect(classifyProblem({ path: '$.level', kind: 'picklist', expected: '("red" | "blue")', received: '"x"', dropped: true })).toEqual({
      kind: 'wrong-choice',
      params: { choices: ['red', 'blue'], got: '"x"' },
    })
  })

  it('refuse, at compile time, a language that lacks a kind', () => {
    const { 'not-json': _left, ...withoutOne } = PROBLEM_WORDING_EN.messages
    // @ts-expect-error: a table without 'not-json' is not a message table
    const incomplete: ProblemWording['messages'] = withoutOne
    expect(Object.keys(incomplete)).not.toContain('not-json')
  })
})
