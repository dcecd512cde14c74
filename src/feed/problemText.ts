/**
 * Turns a feed Problem into one plain line for the people who write the feed: the JSON path, what is
 * wrong and what is expected, in plain Chinese (or English). Used by `npm run validate` and the editors'
 * preview page. No Lightning imports: this also runs in Node.
 */
import type { Problem } from './document'
import { SCHEMA_MAJOR } from './schema'

export type ProblemLanguage = 'zh-CN' | 'en'

/**
 * Fields of the contract that are lists. `max_length` / `min_length` say "too many items" for these and
 * "text too long" for everything else (the Problem does not carry the input, only its path).
 */
const LIST_FIELDS = new Set([
  'alerts',
  'notices',
  'guides',
  'hotlines',
  'path',
  'tags',
  'body',
  'items',
  'attachments',
  'conditions',
  'materials',
  'steps',
  'places',
  // 常见问题
  'faq',
  'questions',
  'answer',
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

/** valibot's picklist/variant expectation `("red" | "orange")` → `red、orange`. */
function options(expected: string | undefined, sep: string): string {
  if (!expected) return '?'
  const inner = expected.replace(/^\(/, '').replace(/\)$/, '')
  return inner
    .split('|')
    .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
    .join(sep)
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

const TYPE_ZH: Record<string, string> = {
  string: '文字（字符串，加英文双引号）',
  number: '数字（不加引号）',
  boolean: '布尔值 true 或 false（不加引号）',
  array: '列表 [ … ]',
  object: '对象 { … }',
  null: '空值 null',
  bigint: '整数',
  date: '日期',
}

const TYPE_EN: Record<string, string> = {
  string: 'a string (in double quotes)',
  number: 'a number (no quotes)',
  boolean: 'true or false (no quotes)',
  array: 'a list [ … ]',
  object: 'an object { … }',
  null: 'null',
  bigint: 'an integer',
  date: 'a date',
}

function zh(p: Problem): string {
  const got = shown(p.received)
  const isList = LIST_FIELDS.has(lastKey(p.path))
  switch (p.kind) {
    // document.ts
    case 'not-json':
      return `不是有效的 JSON（${got}）。常见原因：中文引号“”、多余或缺少逗号、缺少括号`
    case 'too-large':
      return `文件太大（${got} 个字符），最多 ${(p.expected ?? '').replace('<=', '')} 个字符，机顶盒不会读取。请拆分内容或删去多余部分`
    case 'version':
      if (got === 'undefined') return `缺少 schemaVersion，应为 ${p.expected ?? `${SCHEMA_MAJOR}.x`}`
      return `版本不受支持，应为 ${p.expected ?? `${SCHEMA_MAJOR}.x`}，实际为 ${got}`
    case 'too-many':
      return `条目太多，最多 ${p.expected ?? '?'} 条，实际 ${got} 条`
    case 'duplicate-id':
      return `编号 ${got} 重复，每条的 id 必须不同`
    // schema.ts (custom messages of regex/check)
    case 'id':
      return `编号格式不对，只能用英文字母、数字和 _ . -，以字母或数字开头，最多 64 个字符，实际为 ${got}`
    case 'timestamp':
      return `时间格式不对，应为带时区的 ISO 8601，如 ${TIMESTAMP_EXAMPLE}，实际为 ${got}`
    case 'http-url':
      return `网址不对，应为 http:// 或 https:// 开头的完整网址，实际为 ${got}`
    case 'phone':
      return `电话号码格式不对，只能用数字、空格和 + - ( )，3 到 24 位，如 0735-6201234，实际为 ${got}`
    case 'region-code':
      return `地区编码不对，应为 6 到 12 位数字的行政区划代码，如 "431025"，实际为 ${got}`
    case 'application-no':
      return `办件编号格式不对，应为 4 到 32 位字母、数字或 -，实际为 ${got}`
    // 常见问题
    case 'initials':
      return `拼音首字母格式不对，只能用小写英文字母，1 到 120 个，实际为 ${got}。可用 npm run faq-initials 自动生成`
    case 'page-no':
      return `页码格式不对，应为 3 位数字，如 "301"，实际为 ${got}`
    case 'initials-missing':
      return `缺少拼音首字母 initials，应为 "${p.expected ?? '?'}"：机顶盒用数字键搜不到这个问题。可用 npm run faq-initials 自动补上`
    case 'initials-mismatch':
      return `拼音首字母 ${got} 与问题不符，应为 "${p.expected ?? '?'}"：按数字键搜索时会找错。可用 npm run faq-initials 自动改正`
    // cross-document checks of the validator
    case 'missing-detail':
      return `缺少详情文件 ${got}，机顶盒打开这一条时会提示找不到内容`
    case 'id-mismatch':
      return `文件名与 id 不一致：id 为 ${got}，文件名应为 ${p.expected ?? '?'}`
    case 'region-mismatch':
      return `地区编码 ${got} 与所在文件夹 ${p.expected ?? '?'} 不一致：机顶盒不采用这个文件，继续显示上一次的内容`
    // indexGuard.ts: an index that parsed and is still refused (the validator has no held copy: expected ≥1)
    case 'emptied-list':
      if (p.expected === '≥1') return '这一组的条目全部被跳过，一条不剩：已有内容的机顶盒不采用这个文件，继续显示上一次的内容'
      return `这一组原有 ${p.expected ?? '?'} 条，新文件里一条也没有：机顶盒不采用这个文件，继续显示上一次的内容`
    case 'older-than-held':
      return `生成时间 ${p.received ?? '?'} 早于机顶盒已有的 ${p.expected ?? '?'}：机顶盒不采用这个旧文件，继续显示已有的内容`
    case 'orphan':
      return `索引里没有这一条，或索引里的这一条有问题被跳过（${got}），机顶盒不会显示它`
    case 'unknown-kind':
      return '看不出是哪种文件（索引、通知详情、办事指南还是常见问题），请用 --kind index|notice|guide|faq-topic|faq-search|faq-entry 指定'
    // valibot issue types
    case 'object': {
      const key = missingKey(p)
      if (key) return `缺少必填字段 ${key}`
      return `应为${TYPE_ZH.object}，实际为 ${got}`
    }
    case 'array':
      if (got === 'undefined') return '缺少必填的列表'
      return `应为${TYPE_ZH.array}，实际为 ${got}`
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'bigint':
    case 'date':
      if (got === 'undefined') return `缺少必填字段，应为${TYPE_ZH[p.kind]}`
      return `类型不对，应为${TYPE_ZH[p.kind]}，实际为 ${got}`
    case 'strict_object':
    case 'loose_object':
    case 'record':
      return `应为${TYPE_ZH.object}，实际为 ${got}`
    case 'tuple':
    case 'strict_tuple':
    case 'loose_tuple':
      return `应为${TYPE_ZH.array}，实际为 ${got}`
    case 'picklist':
    case 'enum':
    case 'union':
      if (got === 'undefined') return `缺少必填字段，应为 ${options(p.expected, '、')} 之一`
      return `取值不对，应为 ${options(p.expected, '、')} 之一，实际为 ${got}`
    case 'variant':
      if (p.expected === 'Object') return `应为${TYPE_ZH.object}，实际为 ${got}`
      if (got === 'undefined') return `缺少 type，应为 ${options(p.expected, '、')} 之一`
      return `type 不对，应为 ${options(p.expected, '、')} 之一，实际为 ${got}`
    case 'literal':
    case 'value':
      return `取值不对，应为 ${p.expected ?? '?'}，实际为 ${got}`
    case 'max_length':
      return isList
        ? `条目太多，最多 ${bound(p.expected)} 条，实际 ${got} 条`
        : `文字太长，最多 ${bound(p.expected)} 个字，实际 ${got} 个字`
    case 'min_length':
      if (isList) return `列表不能少于 ${bound(p.expected)} 条，实际 ${got} 条`
      return bound(p.expected) === '1'
        ? '不能为空（去掉 HTML 标签和空白后没有文字）'
        : `文字太短，至少 ${bound(p.expected)} 个字，实际 ${got} 个字`
    case 'length':
      return `长度不对，应为 ${bound(p.expected)}，实际为 ${got}`
    case 'non_empty':
      return '不能为空'
    case 'max_value':
      return `数值太大，最大为 ${bound(p.expected)}，实际为 ${got}`
    case 'min_value':
      return `数值太小，最小为 ${bound(p.expected)}，实际为 ${got}`
    case 'integer':
      return `应为整数，实际为 ${got}`
    case 'multiple_of':
      return `应为 ${bound(p.expected)} 的倍数，实际为 ${got}`
    case 'url':
      return `网址不对，实际为 ${got}`
    case 'regex':
    case 'check':
      return `格式不对，实际为 ${got}`
    default:
      return p.expected !== undefined
        ? `不符合要求（${p.kind}），应为 ${p.expected}，实际为 ${got}`
        : `不符合要求（${p.kind}），实际为 ${got}`
  }
}

function en(p: Problem): string {
  const got = shown(p.received)
  const isList = LIST_FIELDS.has(lastKey(p.path))
  switch (p.kind) {
    case 'not-json':
      return `not valid JSON (${got}); look for curly quotes, a missing or extra comma, a missing bracket`
    case 'too-large':
      return `too large (${got} characters; at most ${(p.expected ?? '').replace('<=', '')}): boxes will not read it. Split the content or remove what is not needed`
    case 'version':
      if (got === 'undefined') return `schemaVersion is missing: expected ${p.expected ?? `${SCHEMA_MAJOR}.x`}`
      return `unsupported version: expected ${p.expected ?? `${SCHEMA_MAJOR}.x`}, got ${got}`
    case 'too-many':
      return `too many items: at most ${p.expected ?? '?'}, got ${got}`
    case 'duplicate-id':
      return `id ${got} appears more than once; every id in a list must be different`
    case 'id':
      return `bad id: letters, digits and _ . - only, starting with a letter or digit, at most 64 characters; got ${got}`
    case 'timestamp':
      return `bad time: expected ISO 8601 with an offset such as ${TIMESTAMP_EXAMPLE}; got ${got}`
    case 'http-url':
      return `bad URL: expected a full http:// or https:// address; got ${got}`
    case 'phone':
      return `bad phone number: digits, spaces and + - ( ) only, 3 to 24 characters; got ${got}`
    case 'region-code':
      return `bad region code: expected a 6- to 12-digit division code such as "431025"; got ${got}`
    case 'application-no':
      return `bad application number: 4 to 32 letters, digits or -; got ${got}`
    case 'initials':
      return `bad initials: lower-case letters a-z only, 1 to 120; got ${got}. npm run faq-initials writes them`
    case 'page-no':
      return `bad page number: exactly three digits such as "301"; got ${got}`
    case 'initials-missing':
      return `initials are missing; they should be "${p.expected ?? '?'}": boxes cannot find this question with the digit keys. npm run faq-initials fills them in`
    case 'initials-mismatch':
      return `initials ${got} do not match the question; they should be "${p.expected ?? '?'}": digit search would find the wrong questions. npm run faq-initials corrects them`
    case 'missing-detail':
      return `detail file ${got} is missing; boxes will say "not found" when this item is opened`
    case 'id-mismatch':
      return `file name and id differ: id is ${got}, the file should be ${p.expected ?? '?'}`
    case 'region-mismatch':
      return `region code ${got} differs from its folder ${p.expected ?? '?'}: boxes refuse this file and keep their last good copy`
    case 'emptied-list':
      if (p.expected === '≥1') return 'every item of this list was dropped: boxes that already have it refuse this file and keep their last good copy'
      return `the box held ${p.expected ?? '?'} items here and this file has none: boxes refuse it and keep their last good copy`
    case 'older-than-held':
      return `generated at ${p.received ?? '?'}, before the copy boxes hold (${p.expected ?? '?'}): boxes refuse this older file and keep theirs`
    case 'orphan':
      return `not listed in the index, or its index entry was dropped (${got}); boxes will never show it`
    case 'unknown-kind':
      return 'cannot tell which document this is (index, notice, guide or an FAQ document); pass --kind index|notice|guide|faq-topic|faq-search|faq-entry'
    case 'object': {
      const key = missingKey(p)
      if (key) return `required field ${key} is missing`
      return `expected ${TYPE_EN.object}, got ${got}`
    }
    case 'array':
      if (got === 'undefined') return 'required list is missing'
      return `expected ${TYPE_EN.array}, got ${got}`
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'bigint':
    case 'date':
      if (got === 'undefined') return `required field is missing: expected ${TYPE_EN[p.kind]}`
      return `wrong type: expected ${TYPE_EN[p.kind]}, got ${got}`
    case 'strict_object':
    case 'loose_object':
    case 'record':
      return `expected ${TYPE_EN.object}, got ${got}`
    case 'tuple':
    case 'strict_tuple':
    case 'loose_tuple':
      return `expected ${TYPE_EN.array}, got ${got}`
    case 'picklist':
    case 'enum':
    case 'union':
      if (got === 'undefined') return `required field is missing: expected one of ${options(p.expected, ', ')}`
      return `expected one of ${options(p.expected, ', ')}, got ${got}`
    case 'variant':
      if (p.expected === 'Object') return `expected ${TYPE_EN.object}, got ${got}`
      if (got === 'undefined') return `type is missing: expected one of ${options(p.expected, ', ')}`
      return `unknown type: expected one of ${options(p.expected, ', ')}, got ${got}`
    case 'literal':
    case 'value':
      return `expected ${p.expected ?? '?'}, got ${got}`
    case 'max_length':
      return isList
        ? `too many items: at most ${bound(p.expected)}, got ${got}`
        : `text too long: at most ${bound(p.expected)} characters, got ${got}`
    case 'min_length':
      if (isList) return `too few items: at least ${bound(p.expected)}, got ${got}`
      return bound(p.expected) === '1'
        ? 'empty (no text left once HTML tags and spaces are removed)'
        : `text too short: at least ${bound(p.expected)} characters, got ${got}`
    case 'length':
      return `wrong length: expected ${bound(p.expected)}, got ${got}`
    case 'non_empty':
      return 'must not be empty'
    case 'max_value':
      return `number too large: at most ${bound(p.expected)}, got ${got}`
    case 'min_value':
      return `number too small: at least ${bound(p.expected)}, got ${got}`
    case 'integer':
      return `expected a whole number, got ${got}`
    case 'multiple_of':
      return `expected a multiple of ${bound(p.expected)}, got ${got}`
    case 'url':
      return `bad URL, got ${got}`
    case 'regex':
    case 'check':
      return `wrong format, got ${got}`
    default:
      return p.expected !== undefined
        ? `invalid (${p.kind}): expected ${p.expected}, got ${got}`
        : `invalid (${p.kind}), got ${got}`
  }
}

/** Kinds of the validator's own cross-document checks: they neither drop nor reject anything. */
const NOTES = new Set(['orphan'])
/** Kinds whose text already says what follows. */
const SELF_EXPLAINED = new Set([
  'orphan',
  'missing-detail',
  'id-mismatch',
  'region-mismatch',
  'unknown-kind',
  'emptied-list',
  'older-than-held',
  'initials-missing',
  'initials-mismatch',
])

/** What happens because of the problem: the item is skipped, or the whole file is not used. */
function consequence(p: Problem, lang: ProblemLanguage): string {
  if (SELF_EXPLAINED.has(p.kind)) return ''
  // A whole top-level list that is not a list (`$.notices`) is skipped; a bad list inside an item drops the item.
  const wholeList = p.kind === 'array' && /^\$\.[A-Za-z]+$/.test(p.path)
  if (lang === 'en') {
    if (!p.dropped) return ' [whole file rejected; boxes keep the last good copy]'
    if (p.kind === 'too-many') return ' [the items past the limit are skipped]'
    if (p.kind === 'duplicate-id') return ' [the later item is skipped]'
    if (wholeList) return ' [this list is skipped]'
    return ' [this item is skipped, the rest is shown]'
  }
  if (!p.dropped) return '（整个文件不被采用，机顶盒继续显示上一次的内容）'
  if (p.kind === 'too-many') return '（超出部分不显示）'
  if (p.kind === 'duplicate-id') return '（后出现的一条不显示）'
  if (wholeList) return '（这一组不显示）'
  return '（这一条不显示，其余照常）'
}

/** The message without the path: what is wrong, what is expected, and what the box does about it. */
export function problemMessage(p: Problem, lang: ProblemLanguage = 'zh-CN'): string {
  return (lang === 'en' ? en(p) : zh(p)) + consequence(p, lang)
}

/** One line per problem: `$.notices[3].title：文字太长，最多 200 个字，实际 230 个字（这一条不显示，其余照常）`. */
export function describeProblem(p: Problem, lang: ProblemLanguage = 'zh-CN'): string {
  return `${p.path}${lang === 'en' ? ': ' : '：'}${problemMessage(p, lang)}`
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
