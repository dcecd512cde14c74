/**
 * 常见问题 questions' pinyin initials, on the editors' side: the box searches them with the remote's digits
 * but never holds a dictionary, so they travel in the feed (`initials`) and are computed here with
 * pinyin-pro (a well-kept library that reads 多音字 in context: 银行 yh, 行长 hz, 还款 hk).
 *
 *   npm run faq-initials -- FILE_OR_FOLDER... [--check]
 *
 * Fills in or corrects `initials` of every question in topic shards (`faq/topics/{id}.json`) and the search
 * shard (`faq/search.json`), writing each changed file back; `--check` only reports (exit 1 when any is
 * missing or wrong). `npm run validate` reports the same problems. Node only: nothing here reaches the box.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { pinyin } from 'pinyin-pro'
import type { Problem } from '../src/feed/document'
import { toPlainText } from '../src/feed/schema'

const LATIN = /^[A-Za-z]$/
const HAN = /\p{Script=Han}/u

/**
 * The initials of a question as the box searches them: the first letter of each Chinese character's
 * pinyin, the first letter of each run of Latin letters (App → a), lower case; digits, punctuation and
 * anything else add nothing. `question` is the text as shown (markup already removed).
 */
export function computeInitials(question: string): string {
  const chars = Array.from(question)
  const letters = pinyin(question, { pattern: 'first', toneType: 'none', type: 'array' })
  // pinyin-pro answers one item per character; should a version ever differ, ask character by character.
  const per = letters.length === chars.length ? letters : chars.map((c) => pinyin(c, { pattern: 'first', toneType: 'none' }))
  let out = ''
  let inLatin = false
  chars.forEach((ch, i) => {
    if (LATIN.test(ch)) {
      if (!inLatin) out += ch.toLowerCase()
      inLatin = true
      return
    }
    inLatin = false
    const letter = per[i] ?? ''
    if (HAN.test(ch) && LATIN.test(letter)) out += letter.toLowerCase()
  })
  return out
}

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The questions of a shard as published: `questions[]` of objects with a string `question`. */
function questionsOf(doc: unknown): { item: Json; at: number; expected: string }[] {
  if (!isRecord(doc) || !Array.isArray(doc.questions)) return []
  const out: { item: Json; at: number; expected: string }[] = []
  doc.questions.forEach((item: unknown, at) => {
    if (!isRecord(item) || typeof item.question !== 'string') return
    const expected = computeInitials(toPlainText(item.question))
    // A question without a Chinese character or Latin letter cannot be typed: nothing to check.
    if (expected) out.push({ item, at, expected })
  })
  return out
}

/**
 * What is wrong with a shard's initials: `initials-missing` or `initials-mismatch` per question, at
 * `$.questions[i].initials`. Items the reader drops for other reasons are checked too (they are about to be
 * fixed anyway). A document that is not a shard has none.
 */
export function initialsProblems(doc: unknown): Problem[] {
  const problems: Problem[] = []
  for (const { item, at, expected } of questionsOf(doc)) {
    const path = `$.questions[${at}].initials`
    if (item.initials === undefined) problems.push({ path, kind: 'initials-missing', expected, dropped: false })
    else if (item.initials !== expected) {
      problems.push({ path, kind: 'initials-mismatch', expected, received: JSON.stringify(item.initials).slice(0, 80), dropped: false })
    }
  }
  return problems
}

/** Sets every question's initials to what they should be; how many were filled in and corrected. */
export function fillInitials(doc: unknown): { filled: number; corrected: number } {
  let filled = 0
  let corrected = 0
  for (const { item, expected } of questionsOf(doc)) {
    if (item.initials === expected) continue
    if (item.initials === undefined) filled++
    else corrected++
    item.initials = expected
  }
  return { filled, corrected }
}

// ---------------------------------------------------------------------------------------------------------
// The command

/** Shards by where they sit in the feed, or any .json file with a `questions` list when named directly. */
const SHARD = /(?:^|\/)faq\/(?:search\.json|topics\/[^/]+\.json)$/

function shardsIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path]
  const out: string[] = []
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const full = join(path, entry.name)
    if (entry.isDirectory()) out.push(...shardsIn(full))
    else if (SHARD.test(full.split(sep).join('/'))) out.push(full)
  }
  return out
}

export function main(argv: readonly string[]): number {
  const check = argv.includes('--check')
  const paths = argv.filter((a) => !a.startsWith('--'))
  if (paths.length === 0 || argv.some((a) => a.startsWith('--') && a !== '--check')) {
    console.error('usage: npm run faq-initials -- FILE_OR_FOLDER... [--check]')
    return 2
  }
  let files: string[]
  try {
    files = paths.flatMap(shardsIn)
  } catch (error) {
    console.error(`faq-initials: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  let wrong = 0
  let changedFiles = 0
  for (const file of files) {
    const name = relative(process.cwd(), file) || file
    let doc: unknown
    try {
      doc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
    } catch (error) {
      console.error(`${name}: not JSON (${error instanceof Error ? error.message : String(error)})`)
      wrong++
      continue
    }
    if (check) {
      for (const p of initialsProblems(doc)) {
        console.log(`${name}: ${p.path}: ${p.kind === 'initials-missing' ? 'missing' : `is ${p.received}`}, should be "${p.expected}"`)
        wrong++
      }
      continue
    }
    const { filled, corrected } = fillInitials(doc)
    if (filled + corrected === 0) continue
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`)
    changedFiles++
    console.log(`${name}: ${filled} filled in, ${corrected} corrected`)
  }
  if (check) {
    console.log(wrong === 0 ? `${files.length} shard(s) checked: every initials right` : `${files.length} shard(s) checked: ${wrong} problem(s)`)
    return wrong === 0 ? 0 : 1
  }
  console.log(`${files.length} shard(s) read, ${changedFiles} written`)
  return wrong === 0 ? 0 : 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2))
}
