/**
 * WebVTT subtitles, read by the box itself: the player draws them with Lightning in the app's type sizes
 * (适老化: large, on by default) instead of the engine's own small captions, which many box engines do not
 * draw at all. Plain TypeScript, no Lightning imports, unit-tested under Node.
 *
 * What is read: the `WEBVTT` signature, cue blocks (an optional id line, a timing line
 * `00:01.000 --> 00:04.000` with optional settings, one or more text lines). NOTE, STYLE and REGION
 * blocks are skipped, as are cue settings (position, line, align: the box places subtitles itself).
 * Cue text is cleaned like feed text: tags (`<v 主持人>`, `<b>`, `<c.yellow>`, `<00:00:01.000>`) removed,
 * entities decoded, invisible characters dropped. A cue with a bad timing line, an end not after its
 * start, or no text left is skipped and counted; the rest are shown.
 */
import { codePointLength, LIMITS, toPlainText } from './schema'

export interface Cue {
  /** Seconds from the start of the video. */
  start: number
  end: number
  /** Cleaned lines joined by `\n`. */
  text: string
}

export interface SubtitleTrack {
  /** By start time. */
  cues: Cue[]
  /** `maxEnd[i]` is the latest end among cues[0..i]: lets a lookup stop walking back. */
  maxEnd: number[]
  /** Cue blocks that were skipped (bad timing, end not after start, no text, too long, past the limit). */
  skipped: number
}

export type VttResult = { ok: true; track: SubtitleTrack } | { ok: false; reason: 'not-vtt' | 'too-large' }

/** The longest cue text kept, in code points: a block longer than this is not a subtitle. */
export const MAX_CUE_CHARS = 300

// hh:mm:ss.ttt (hours: two digits or more) or mm:ss.ttt.
const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/
// `<00:00:01.000>` karaoke marks start with a digit, so the feed cleaner would keep them as text.
const TIME_TAG = /<\d[\d:.]*>/g
// Direction marks as entities: the feed cleaner decodes only the entities feeds carry.
const MARK_ENTITY = /&(?:lrm|rlm);/g

/** Seconds, or NaN when `s` is not a WebVTT timestamp. */
export function parseTimestamp(s: string): number {
  const m = TIMESTAMP.exec(s)
  if (!m) return NaN
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000
}

function cleanLine(line: string): string {
  return toPlainText(line.replace(TIME_TAG, '').replace(MARK_ENTITY, ''))
}

function isKeywordBlock(first: string, word: string): boolean {
  return first === word || first.indexOf(`${word} `) === 0 || first.indexOf(`${word}\t`) === 0
}

/** One block's cue, or undefined when it is not a usable cue. */
function readCue(lines: readonly string[]): Cue | undefined {
  // The timing line is the first line, or the second after a cue id.
  const at = (lines[0] ?? '').indexOf('-->') >= 0 ? 0 : (lines[1] ?? '').indexOf('-->') >= 0 ? 1 : -1
  if (at < 0) return undefined
  const timing = TIMING.exec((lines[at] ?? '').trim())
  if (!timing) return undefined
  const start = parseTimestamp(timing[1] ?? '')
  const end = parseTimestamp(timing[2] ?? '')
  if (!(end > start)) return undefined
  const text = lines
    .slice(at + 1)
    .map(cleanLine)
    .filter((line) => line !== '')
    .join('\n')
  if (text === '' || codePointLength(text) > MAX_CUE_CHARS) return undefined
  return { start, end, text }
}

export function parseWebVtt(input: string): VttResult {
  if (input.length > LIMITS.subtitleChars) return { ok: false, reason: 'too-large' }
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const signature = lines[0] ?? ''
  if (!/^WEBVTT(?:[ \t]|$)/.test(signature)) return { ok: false, reason: 'not-vtt' }

  const cues: Cue[] = []
  let skipped = 0
  let block: string[] = []
  let header = true
  const flush = (): void => {
    const current = block
    block = []
    if (current.length === 0) return
    // The header (the signature and what follows it up to the first blank line) carries no cue.
    if (header) {
      header = false
      return
    }
    const first = current[0] ?? ''
    if (isKeywordBlock(first, 'NOTE') || isKeywordBlock(first, 'STYLE') || isKeywordBlock(first, 'REGION')) return
    const cue = cues.length < LIMITS.subtitleCues ? readCue(current) : undefined
    if (cue) cues.push(cue)
    else skipped++
  }
  for (const line of lines) {
    if (line.trim() === '') flush()
    else block.push(line)
  }
  flush()

  // Stable by start: cues that start together keep the file's order.
  const ordered = cues.map((cue, i) => ({ cue, i })).sort((a, b) => a.cue.start - b.cue.start || a.i - b.i).map((e) => e.cue)
  const maxEnd: number[] = []
  let latest = -Infinity
  for (const cue of ordered) {
    latest = Math.max(latest, cue.end)
    maxEnd.push(latest)
  }
  return { ok: true, track: { cues: ordered, maxEnd, skipped } }
}

/** The text shown at `seconds`: every cue on at that moment, earliest first; '' when none is. */
export function cueTextAt(track: SubtitleTrack, seconds: number): string {
  const { cues, maxEnd } = track
  // The last cue that has started.
  let lo = 0
  let hi = cues.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((cues[mid] as Cue).start <= seconds) lo = mid + 1
    else hi = mid
  }
  const on: string[] = []
  for (let i = lo - 1; i >= 0 && (maxEnd[i] as number) > seconds; i--) {
    const cue = cues[i] as Cue
    if (cue.end > seconds) on.unshift(cue.text)
  }
  return on.join('\n')
}
