/**
 * What the poll screen says, as pure functions the specs test without a GPU: whether the viewer may answer,
 * the sentence for a closed, not yet open or already answered poll, the words under each results bar, and
 * what an answer from the service means on screen. No Lightning imports.
 */
import type { PollAnswerResult, PollBar, PollPhase, PollResultsResult } from '../feed/polls'
import { mayShowResults, pollPhase } from '../feed/polls'
import type { Poll } from '../feed/schema'
import { formatDate, formatTime } from '../i18n/format'
import { t, type StringKey } from '../i18n/strings'

/** 2026-09-30 18:00, in the region's clock. */
export function pollTime(value: string): string {
  return `${formatDate(value)} ${formatTime(value)}`
}

/** 1234567 → "1,234,567": numbers people read aloud, grouped as on a bank slip. */
export function groupDigits(n: number): string {
  const digits = String(Math.max(0, Math.floor(n)))
  let out = ''
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ','
    out += digits[i]
  }
  return out
}

/** The words beside a bar, the same for the screen and for read-aloud: 惠民补贴 1,234 票，占 41%. */
export function barText(bar: PollBar): string {
  return t('poll.bar', { label: bar.label, count: groupDigits(bar.count), percent: bar.percent })
}

export interface PollIntro {
  phase: PollPhase
  /** The options can be chosen and sent. */
  canAnswer: boolean
  /** Results may be asked for now (the feed allows them, and the box answered or the poll closed). */
  showResults: boolean
  /** What the screen says instead of the options; '' while the poll is open and unanswered. */
  notice: string
  /** A second line under it: that the results are not published, when they are not. */
  note: string
  /** 参加时间：2026-11-16 08:00 至 2027-12-31 18:00 */
  period: string
}

export function pollIntro(poll: Poll, now: number, answered: boolean): PollIntro {
  const phase = pollPhase(poll, now)
  const showResults = mayShowResults(poll, phase, answered)
  const period = t('poll.period', { opens: pollTime(poll.opensAt), closes: pollTime(poll.closesAt) })
  const notice =
    phase === 'upcoming'
      ? t('poll.upcoming', { opens: pollTime(poll.opensAt) })
      : phase === 'closed'
        ? t('poll.closed', { closes: pollTime(poll.closesAt) })
        : answered
          ? t('poll.alreadyAnswered')
          : ''
  // Said only where results would otherwise be expected: after answering, or after closing.
  const note = notice !== '' && phase !== 'upcoming' && !showResults ? t('poll.noResults') : ''
  return { phase, canAnswer: phase === 'open' && !answered, showResults, notice, note, period }
}

/** What the screen says after an answer that was not counted; undefined for a counted one. */
export function answerProblem(result: PollAnswerResult): string | undefined {
  switch (result.kind) {
    case 'counted':
      return undefined
    case 'closed':
      return t('poll.closedByServer')
    case 'rate-limited':
      return t('poll.rate-limited', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) })
    default: {
      const key: StringKey = `poll.${result.kind}`
      return t(key)
    }
  }
}

/** What stands where the bars would when the results cannot be read. */
export function resultsProblem(result: PollResultsResult): string | undefined {
  if (result.kind === 'results') return undefined
  return t(result.kind === 'offline' ? 'poll.resultsOffline' : 'poll.resultsUnavailable')
}
