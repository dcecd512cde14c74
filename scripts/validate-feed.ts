/**
 * Checks feed documents the way the set-top box reads them, and says what is wrong in plain words.
 *
 *   npm run validate -- FILE_OR_FOLDER... [--kind index|notice|guide|faq-topic|faq-search|faq-entry] [--lang zh-CN|en]
 *
 * A file's kind is told by --kind, by where it sits (`…/notices/x.json`), or by what it contains
 * (`region` and lists: index; `body`: notice; `materials` / `targets`: guide). A folder laid out like the
 * feed (`v1/regions/{code}/index.json`, `notices/{id}.json`, `guides/{id}.json`) is also checked across
 * files: every notice and guide of the index has its detail file, names match ids, the region matches its
 * folder. A folder without that layout has each of its .json files checked on its own.
 *
 * 常见问题 shards (`faq/topics/{id}.json`, `faq/search.json`) also have each question's `initials` checked against
 * what pinyin-pro computes (scripts/faqInitials.ts; `npm run faq-initials` writes them).
 *
 * Prints `FILE: path: message` per problem and a summary. Exit status: 0 clean, 1 when an item would be
 * dropped or a document rejected, 2 for a usage error or a file that cannot be read.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { parseJson } from '../src/feed/document'
import { initialsProblems } from './faqInitials'
import { problemMessage, problemSeverity, type ProblemLanguage } from '../src/editor/problemText'
import { LIMITS } from '../src/feed/schema'
import { checkDraft, DOC_KINDS, feedPathOf, type DocKind, type DraftFile, type FileReport } from '../src/editor/draftFiles'

const USAGE = `usage: npm run validate -- FILE_OR_FOLDER... [--kind ${DOC_KINDS.join('|')}] [--lang zh-CN|en]`

interface Options {
  paths: string[]
  kind?: DocKind
  lang: ProblemLanguage
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { paths: [], lang: 'zh-CN' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    if (name === '--kind' || name === '--lang') {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new UsageError(`${name} needs a value`)
      if (name === '--kind') {
        if (!(DOC_KINDS as readonly string[]).includes(value)) throw new UsageError(`--kind must be one of ${DOC_KINDS.join(', ')}; got ${value}`)
        options.kind = value as DocKind
      } else {
        if (value !== 'zh-CN' && value !== 'en') throw new UsageError(`--lang must be zh-CN or en; got ${value}`)
        options.lang = value
      }
    } else if (name === '--help' || name === '-h') {
      throw new UsageError('')
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`)
    } else {
      options.paths.push(arg)
    }
  }
  if (options.paths.length === 0) throw new UsageError('no file given')
  return options
}

/** Node keeps a UTF-8 byte-order mark that browsers (and so the boxes) drop: drop it too. */
function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
}

function listJson(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) out.push(full)
    }
  }
  walk(dir)
  return out
}

/** Shown file names: relative to the working directory when inside it. */
function display(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path
}

function collect(paths: readonly string[]): { files: DraftFile[]; unreadable: string[] } {
  const files: DraftFile[] = []
  const unreadable: string[] = []
  for (const given of paths) {
    const full = resolve(given)
    let isDir: boolean
    try {
      isDir = statSync(full).isDirectory()
    } catch (error) {
      unreadable.push(`${given}: ${error instanceof Error ? error.message : String(error)}`)
      continue
    }
    const found = isDir ? listJson(full) : [full]
    // In a folder with the feed layout only the feed's own files count (settings.json and the like don't).
    const laidOut = isDir ? found.filter((f) => feedPathOf(f)) : found
    for (const file of isDir && laidOut.length > 0 ? laidOut : found) {
      try {
        const draft: DraftFile = { name: display(file), text: readText(file) }
        // Files named one by one are checked on their own: a lone index.json has no detail files with it.
        const feedPath = isDir ? feedPathOf(file) : undefined
        if (feedPath) draft.feedPath = feedPath
        files.push(draft)
      } catch (error) {
        unreadable.push(`${display(file)}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  return { files, unreadable }
}

/**
 * The box reads a notice, guide or answer only up to LIMITS.detailChars characters and a 常见问题 shard up
 * to LIMITS.faqListChars; checkDraft reads every file up to the index's larger limit, so a document between
 * its own limit and the index's is refused here, as the box would.
 */
function refuseOversizedDetails(files: readonly DraftFile[], reports: FileReport[]): void {
  reports.forEach((report, i) => {
    const text = files[i]?.text ?? ''
    const limit = report.kind === 'faq-topic' || report.kind === 'faq-search' ? LIMITS.faqListChars : LIMITS.detailChars
    if (report.kind === 'index' || report.kind === undefined || text.length <= limit) return
    const json = parseJson(text, limit)
    if (json.ok) return
    report.ok = false
    report.problems = [json.problem]
  })
}

export function main(argv: readonly string[]): number {
  let options: Options
  try {
    options = parseArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) console.error(`validate-feed: ${error.message}`)
      console.error(USAGE)
      return 2
    }
    throw error
  }
  const { files, unreadable } = collect(options.paths)
  const zh = options.lang !== 'en'
  for (const line of unreadable) console.error(zh ? `无法读取 ${line}` : `cannot read ${line}`)
  if (files.length === 0) {
    if (unreadable.length === 0) console.error(zh ? '没有找到 .json 文件' : 'no .json file found')
    return 2
  }

  // With --kind, files outside the feed layout are read as that kind; the layout decides for the rest.
  const reports = checkDraft(files, options.kind)
  refuseOversizedDetails(files, reports)
  // 常见问题: each question's initials as pinyin-pro reads the question (editors' side only).
  reports.forEach((report, i) => {
    if (report.kind !== 'faq-topic' && report.kind !== 'faq-search') return
    const json = parseJson(files[i]?.text ?? '', LIMITS.faqListChars)
    if (json.ok) report.problems.push(...initialsProblems(json.value))
  })
  let rejectedFiles = 0
  let droppedItems = 0
  let crossFile = 0
  let initials = 0
  let notes = 0
  for (const report of reports) {
    let rejected = false
    for (const problem of report.problems) {
      console.log(`${report.name}: ${problem.path}: ${problemMessage(problem, options.lang)}`)
      const severity = problemSeverity(problem)
      if (severity === 'note') notes++
      else if (severity === 'cross-file') crossFile++
      else if (severity === 'initials') initials++
      else if (severity === 'dropped') droppedItems++
      else rejected = true
    }
    if (rejected) rejectedFiles++
  }
  const total = rejectedFiles + droppedItems + crossFile + initials
  const n = files.length
  if (zh) {
    const parts = [`${rejectedFiles} 个文件不被采用`, `${droppedItems} 条内容被跳过`, `${crossFile} 处文件之间对不上`]
    if (initials) parts.push(`${initials} 个问题的拼音首字母有误`)
    console.log(
      total === 0
        ? `检查了 ${n} 个文件，没有发现问题${notes ? `（另有 ${notes} 条提示）` : ''}`
        : `检查了 ${n} 个文件：${parts.join('，')}${notes ? `；另有 ${notes} 条提示` : ''}`,
    )
  } else {
    const parts = [`${rejectedFiles} file(s) rejected`, `${droppedItems} item(s) dropped`, `${crossFile} cross-file problem(s)`]
    if (initials) parts.push(`${initials} question(s) with wrong initials`)
    console.log(
      total === 0
        ? `${n} file(s) checked: no problems${notes ? ` (${notes} note(s))` : ''}`
        : `${n} file(s) checked: ${parts.join(', ')}${notes ? `; ${notes} note(s)` : ''}`,
    )
  }
  if (unreadable.length > 0) return 2
  return total === 0 ? 0 : 1
}

process.exitCode = main(process.argv.slice(2))
