/**
 * Polls (问卷调查, issue 13): which polls are open, the live answer and results, and the one thing the box
 * remembers about them. An answer is anonymous: the POST body is `{ optionId }` and nothing else (no box
 * id, no person, no region beyond the poll's own address), sent without cookies and past every cache
 * (postJson.ts). The box remembers *that* it answered a poll, never *what*: one flag per poll id.
 * No Lightning imports; ES2019 built-ins only.
 */
import { parseJson, parsePollResults } from './document'
import { pollAnswerUrl, pollResultsUrl } from './feedUrls'
import { HttpError, parseRetryAfter, type HttpClient } from './http'
import { PostError, postJson, type PostJson } from './postJson'
import { LIMITS, type FeedIndex, type Poll, type PollAnswer, type PollResults } from './schema'

export type PollPhase = 'upcoming' | 'open' | 'closed'

/** Open from `opensAt` (included) until `closesAt` (excluded). */
export function pollPhase(poll: Poll, now: number): PollPhase {
  if (now < Date.parse(poll.opensAt)) return 'upcoming'
  return now < Date.parse(poll.closesAt) ? 'open' : 'closed'
}

/** The polls a viewer can answer now, in the feed's order: what Home offers. */
export function openPolls(index: FeedIndex, now: number): Poll[] {
  return index.polls.filter((poll) => pollPhase(poll, now) === 'open')
}

export function findPoll(index: FeedIndex, pollId: string): Poll | undefined {
  return index.polls.find((poll) => poll.id === pollId)
}

/** The feed allows results after answering and after closing; never before either. */
export function mayShowResults(poll: Poll, phase: PollPhase, answered: boolean): boolean {
  return poll.showResults && (phase === 'closed' || answered)
}

// ---- Results as bars --------------------------------------------------------------------------------

export interface PollBar {
  optionId: string
  label: string
  count: number
  /** Whole percent; the bars of a poll with answers add up to exactly 100. */
  percent: number
}

export interface PollTally {
  total: number
  bars: PollBar[]
}

/**
 * The poll's options in the poll's order with the server's counts (an option the server does not name has
 * 0; a count for an option the poll lacks is left out). Percentages are rounded by largest remainder, so
 * they add up to 100: three equal options show 34, 33, 33, the extra point going to the earlier option.
 * Each share is its exact value rounded down or up, never further; a poll without answers shows 0 each.
 */
export function tallyResults(poll: Poll, results: PollResults | undefined): PollTally {
  const counts = new Map<string, number>()
  for (const entry of results?.counts ?? []) counts.set(entry.optionId, (counts.get(entry.optionId) ?? 0) + entry.count)
  const rows = poll.options.map((option) => ({ optionId: option.id, label: option.label, count: counts.get(option.id) ?? 0 }))
  const total = rows.reduce((sum, row) => sum + row.count, 0)
  if (total === 0) return { total, bars: rows.map((row) => ({ ...row, percent: 0 })) }
  const exact = rows.map((row) => (row.count * 100) / total)
  const percents = exact.map((x) => Math.floor(x))
  let left = 100 - percents.reduce((a, b) => a + b, 0)
  // Largest remainder first; on a tie, the larger count, then the earlier option.
  const order = rows
    .map((row, i) => ({ i, remainder: (exact[i] ?? 0) - (percents[i] ?? 0), count: row.count }))
    .filter((entry) => entry.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || b.count - a.count || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    percents[i] = (percents[i] ?? 0) + 1
    left--
  }
  return { total, bars: rows.map((row, i) => ({ ...row, percent: percents[i] ?? 0 })) }
}

// ---- The live API -------------------------------------------------------------------------------------

export type PollAnswerResult =
  /** 201: counted; the body may carry the results so far. */
  | { kind: 'counted'; results?: PollResults }
  /** 409: the poll is no longer (or not yet) taking answers. */
  | { kind: 'closed' }
  /** 429: too many answers from this network just now; `Retry-After` or 60 s. */
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** 400: the service does not know that option (an index older than the poll's last change). */
  | { kind: 'bad-option' }
  /** 5xx, a timeout, any other answer: the service cannot take it now. */
  | { kind: 'unavailable' }
  /** No answer at all: the box's network is down. */
  | { kind: 'offline' }

export type PollResultsResult = { kind: 'results'; results: PollResults } | { kind: 'unavailable' } | { kind: 'offline' }

export interface PollRequestOptions {
  /** Per request, covering headers and body. Default 8000, the feed's default. */
  timeoutMs?: number
  /** Tests pass their own; the box uses fetch or XMLHttpRequest, whichever can time out (postJson.ts). */
  post?: PostJson
}

/** Results the service sent for this poll, or undefined (a 201 without a body is an ordinary answer). */
function resultsIn(text: string, pollId: string): PollResults | undefined {
  const json = text ? parseJson(text, LIMITS.detailChars) : undefined
  if (!json?.ok) return undefined
  const parsed = parsePollResults(json.value)
  return parsed.ok && parsed.value.pollId === pollId ? parsed.value : undefined
}

/** One attempt, no retries: an answer must not be counted twice because a reply was slow. */
export async function sendPollAnswer(
  pollApiUrl: string,
  pollId: string,
  optionId: string,
  options: PollRequestOptions = {},
): Promise<PollAnswerResult> {
  const post = options.post ?? postJson
  const body: PollAnswer = { optionId }
  try {
    const response = await post(pollAnswerUrl(pollApiUrl, pollId), body, { timeoutMs: options.timeoutMs ?? 8000 })
    if (response.status === 201 || response.status === 200) {
      const results = resultsIn(response.text, pollId)
      return results ? { kind: 'counted', results } : { kind: 'counted' }
    }
    if (response.status === 409) return { kind: 'closed' }
    if (response.status === 429) {
      return { kind: 'rate-limited', retryAfterSeconds: parseRetryAfter(response.header('Retry-After'), Date.now()) ?? 60 }
    }
    if (response.status === 400) return { kind: 'bad-option' }
    return { kind: 'unavailable' }
  } catch (error) {
    return error instanceof PostError && error.kind === 'network' ? { kind: 'offline' } : { kind: 'unavailable' }
  }
}

/** The counts so far, asked once (the viewer is waiting); results are not personal, so a CDN may cache them. */
export async function fetchPollResults(http: HttpClient, pollApiUrl: string, pollId: string): Promise<PollResultsResult> {
  try {
    const response = await http.get(pollResultsUrl(pollApiUrl, pollId), { retries: 0 })
    const results = response.status === 200 ? resultsIn(response.text, pollId) : undefined
    return results ? { kind: 'results', results } : { kind: 'unavailable' }
  } catch (error) {
    return error instanceof HttpError && error.kind === 'network' ? { kind: 'offline' } : { kind: 'unavailable' }
  }
}

// ---- What the box remembers -----------------------------------------------------------------------------

export interface FlagStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** One key per poll, its value only "1": nothing else about the answer ever reaches storage. */
export const POLL_ANSWERED_PREFIX = 'gov-affairs-tv:poll-answered:'
export const POLL_ANSWERED_VALUE = '1'

export interface PollMemory {
  answered(pollId: string): boolean
  remember(pollId: string): void
}

/**
 * One answer per box. Storage that throws (private mode, full, disabled) still remembers for this session,
 * so the screen does not offer the poll again until the box restarts.
 */
export function createPollMemory(storage: FlagStorage | undefined): PollMemory {
  const session = new Set<string>()
  return {
    answered(pollId) {
      if (session.has(pollId)) return true
      try {
        return storage?.getItem(POLL_ANSWERED_PREFIX + pollId) === POLL_ANSWERED_VALUE
      } catch {
        return false
      }
    },
    remember(pollId) {
      session.add(pollId)
      try {
        storage?.setItem(POLL_ANSWERED_PREFIX + pollId, POLL_ANSWERED_VALUE)
      } catch {
        // The session set above still keeps the poll answered until the box restarts.
      }
    },
  }
}

// ---- What a poll page is given ---------------------------------------------------------------------------

/** The functions a route hands the poll page (src/routes.ts): the page never fetches, parses or stores. */
export interface PollActions {
  answered(pollId: string): boolean
  send(pollId: string, optionId: string): Promise<PollAnswerResult>
  results(pollId: string): Promise<PollResultsResult>
}

export interface PollActionDeps {
  pollApiUrl: string
  http: HttpClient
  memory: PollMemory
  timeoutMs: number
  post?: PostJson
}

/** A counted answer is remembered before the page hears of it; a 409 is not an answer and is not. */
export function pollActions(deps: PollActionDeps): PollActions {
  return {
    answered: (pollId) => deps.memory.answered(pollId),
    async send(pollId, optionId) {
      const result = await sendPollAnswer(deps.pollApiUrl, pollId, optionId, {
        timeoutMs: deps.timeoutMs,
        ...(deps.post ? { post: deps.post } : {}),
      })
      if (result.kind === 'counted') deps.memory.remember(pollId)
      return result
    },
    results: (pollId) => fetchPollResults(deps.http, deps.pollApiUrl, pollId),
  }
}
