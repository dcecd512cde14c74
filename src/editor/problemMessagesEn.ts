/**
 * The problem messages in English, for the people who write the feed: what is wrong, what is expected,
 * and what the box does about it. One entry per kind of problemKinds.ts.
 */
import type { ProblemWording, ValueType } from './problemKinds'

const TYPE: Record<ValueType | 'array' | 'object', string> = {
  string: 'a string (in double quotes)',
  number: 'a number (no quotes)',
  boolean: 'true or false (no quotes)',
  array: 'a list [ … ]',
  object: 'an object { … }',
  null: 'null',
  bigint: 'an integer',
  date: 'a date',
}

const either = (choices: string[]): string => choices.join(', ')

export const PROBLEM_WORDING_EN: ProblemWording = {
  pathSeparator: ': ',
  messages: {
    'not-json': ({ got }) => `not valid JSON (${got}); look for curly quotes, a missing or extra comma, a missing bracket`,
    'too-large': ({ limit, got }) =>
      `too large (${got} characters; at most ${limit}): boxes will not read it. Split the content or remove what is not needed`,
    'version-missing': ({ expected }) => `schemaVersion is missing: expected ${expected}`,
    'version-unsupported': ({ expected, got }) => `unsupported version: expected ${expected}, got ${got}`,
    'too-many-items': ({ limit, got }) => `too many items: at most ${limit}, got ${got}`,
    'duplicate-id': ({ got }) => `id ${got} appears more than once; every id in a list must be different`,
    'bad-id': ({ got }) => `bad id: letters, digits and _ . - only, starting with a letter or digit, at most 64 characters; got ${got}`,
    'bad-timestamp': ({ got, example }) => `bad time: expected ISO 8601 with an offset such as ${example}; got ${got}`,
    'bad-http-url': ({ got }) => `bad URL: expected a full http:// or https:// address; got ${got}`,
    'bad-phone': ({ got }) => `bad phone number: digits, spaces and + - ( ) only, 3 to 24 characters; got ${got}`,
    'bad-region-code': ({ got }) => `bad region code: expected a 6- to 12-digit division code such as "431025"; got ${got}`,
    'bad-application-no': ({ got }) => `bad application number: 4 to 32 letters, digits or -; got ${got}`,
    'bad-initials': ({ got }) => `bad initials: lower-case letters a-z only, 1 to 120; got ${got}. npm run faq-initials writes them`,
    'initials-missing': ({ expected }) =>
      `initials are missing; they should be "${expected}": boxes cannot find this question with the digit keys. npm run faq-initials fills them in`,
    'initials-mismatch': ({ got, expected }) =>
      `initials ${got} do not match the question; they should be "${expected}": digit search would find the wrong questions. npm run faq-initials corrects them`,
    'bad-page-no': ({ got }) => `a page number is three digits in quotes, such as "101"; got ${got}`,
    'duplicate-page-no': ({ got, owner }) =>
      `page number ${got} already leads to ${owner}; each number leads to one place: this item still shows, but typing ${got} does not open it`,
    'unknown-item': ({ got, list }) => `the collection names ${got}, which is not in the index's ${list}: that entry is left out, the rest of the collection shows`,
    'duplicate-option': ({ got }) => `option id ${got} appears more than once in this poll; every option needs its own id`,
    'closes-before-opens': ({ got, opensAt }) => `closes at ${got}, not after it opens (${opensAt}): nobody could answer this poll`,
    'missing-detail': ({ got }) => `detail file ${got} is missing; boxes will say "not found" when this item is opened`,
    'id-mismatch': ({ got, expected }) => `file name and id differ: id is ${got}, the file should be ${expected}`,
    'region-mismatch': ({ got, expected }) =>
      `region code ${got} differs from its folder ${expected}: boxes refuse this file and keep their last good copy`,
    'list-all-dropped': () =>
      'every item of this list was dropped: boxes that already have it refuse this file and keep their last good copy',
    'list-emptied': ({ held }) =>
      `the box held ${held} items here and this file has none: boxes refuse it and keep their last good copy`,
    'older-than-held': ({ generatedAt, held }) =>
      `generated at ${generatedAt}, before the copy boxes hold (${held}): boxes refuse this older file and keep theirs`,
    orphan: ({ got }) => `not listed in the index, or its index entry was dropped (${got}); boxes will never show it`,
    'unknown-document': () => 'cannot tell which document this is (index, notice, guide or an FAQ document); pass --kind index|notice|guide|faq-topic|faq-search|faq-entry',
    'missing-field': ({ field }) => `required field ${field} is missing`,
    'not-object': ({ got }) => `expected ${TYPE.object}, got ${got}`,
    'missing-list': () => 'required list is missing',
    'not-list': ({ got }) => `expected ${TYPE.array}, got ${got}`,
    'missing-value': ({ type }) => `required field is missing: expected ${TYPE[type]}`,
    'wrong-type': ({ type, got }) => `wrong type: expected ${TYPE[type]}, got ${got}`,
    'missing-choice': ({ choices }) => `required field is missing: expected one of ${either(choices)}`,
    'wrong-choice': ({ choices, got }) => `expected one of ${either(choices)}, got ${got}`,
    'missing-block-type': ({ choices }) => `type is missing: expected one of ${either(choices)}`,
    'wrong-block-type': ({ choices, got }) => `unknown type: expected one of ${either(choices)}, got ${got}`,
    'wrong-value': ({ expected, got }) => `expected ${expected}, got ${got}`,
    'text-too-long': ({ limit, got }) => `text too long: at most ${limit} characters, got ${got}`,
    'too-few-items': ({ limit, got }) => `too few items: at least ${limit}, got ${got}`,
    'empty-text': () => 'empty (no text left once HTML tags and spaces are removed)',
    'text-too-short': ({ limit, got }) => `text too short: at least ${limit} characters, got ${got}`,
    'wrong-length': ({ limit, got }) => `wrong length: expected ${limit}, got ${got}`,
    empty: () => 'must not be empty',
    'number-too-large': ({ limit, got }) => `number too large: at most ${limit}, got ${got}`,
    'number-too-small': ({ limit, got }) => `number too small: at least ${limit}, got ${got}`,
    'not-integer': ({ got }) => `expected a whole number, got ${got}`,
    'not-multiple': ({ limit, got }) => `expected a multiple of ${limit}, got ${got}`,
    'bad-url': ({ got }) => `bad URL, got ${got}`,
    'bad-format': ({ got }) => `wrong format, got ${got}`,
    unrecognised: ({ rawKind, got }) => `invalid (${rawKind}), got ${got}`,
    'unrecognised-expecting': ({ rawKind, expected, got }) => `invalid (${rawKind}): expected ${expected}, got ${got}`,
  },
  consequences: {
    none: '',
    'file-rejected': ' [whole file rejected; boxes keep the last good copy]',
    'excess-skipped': ' [the items past the limit are skipped]',
    'later-skipped': ' [the later item is skipped]',
    'list-skipped': ' [this list is skipped]',
    'item-skipped': ' [this item is skipped, the rest is shown]',
  },
}
