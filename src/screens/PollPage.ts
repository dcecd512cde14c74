/**
 * 问卷调查: one poll answered with the remote on one screen. The question large; the options as a list (Up
 * and Down, or the option's digit); OK picks one and moves to 确认提交, OK again sends it (Up or Back picks
 * again). Then 谢谢参与 and, where the poll allows, the results as bars with the numbers in words. A closed
 * or not yet open poll says so with its dates; an answered one says 您已参加过这次调查. A failed answer says
 * why, with 12345 where the service cannot be reached, after at most requestTimeoutMs: never a spinner.
 * Feed-aware, so a deep link (#polls/{id}) waits for the index. The route gives the page its `actions`:
 * the page never fetches, parses or stores.
 */
import { Accessibility, Lightning } from '@lightningjs/sdk'
import { PollCard } from '../components/PollCard'
import { PollOptionRow } from '../components/PollOptionRow'
import { PollResultBars } from '../components/PollResultBars'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import { findPoll, tallyResults, type PollActions, type PollAnswerResult, type PollResultsResult } from '../feed/polls'
import type { FeedStatus } from '../feed/repository'
import type { FeedIndex, Poll, PollResults } from '../feed/schema'
import { t } from '../i18n/strings'
import { digitForKeyCode } from '../layout/remoteDigits'
import { answerProblem, barText, groupDigits, pollIntro, resultsProblem } from '../layout/pollView'
import { palette, safeArea, type } from '../theme/tokens'
import type { PageTypeConfig } from './page'

const QUESTION_Y = 150
const BODY_Y = 370
const OPTIONS_W = 1080
const SIDE_X = safeArea.x + OPTIONS_W + 48
const SIDE_W = safeArea.x + safeArea.w - SIDE_X
const PROMPT_Y = BODY_Y + 110
const SUBMIT_Y = PROMPT_Y + 180
const STATUS_Y = SUBMIT_Y + 110
const RESULTS_Y = BODY_Y + 80
const BARS_Y = RESULTS_Y + 70
/** Where App's status strip begins: the bars stay above it. */
const BARS_BOTTOM = safeArea.y + safeArea.h - 66

export interface PollPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Question: object
  Meta: object
  Options: object
  Prompt: object
  Submit: typeof PollCard
  Status: object
  Privacy: object
  Notice: object
  Note: object
  ResultsTitle: object
  Results: typeof PollResultBars
}

type Zone = 'options' | 'submit'

export class PollPage
  extends Lightning.Component<PollPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<PollPageTemplateSpec>
{
  /** Set by the route from the deep link or Home. */
  pollId = ''
  /** Set by the route when the operator configured pollApiUrl; without it there are no polls. */
  actions: PollActions | undefined
  private poll: Poll | undefined
  /** What is on screen, so a refresh of the same poll does not disturb an answer being chosen or sent. */
  private shownKey = ''
  private canAnswer = false
  private zone: Zone = 'options'
  private focusIndex = 0
  private chosen: number | undefined
  private sending = false
  /** Bumped whenever the screen is redrawn for another state, so a late answer is not shown over it. */
  private generation = 0
  private spoken = ''

  static override _template(): Lightning.Component.Template<PollPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Question: { x: safeArea.x, y: QUESTION_Y },
      Meta: { x: safeArea.x, y: QUESTION_Y + 90 },
      Options: { x: safeArea.x - 6, y: BODY_Y },
      Privacy: { x: SIDE_X, y: BODY_Y },
      Prompt: { x: SIDE_X, y: PROMPT_Y },
      Submit: { type: PollCard, x: SIDE_X, y: SUBMIT_Y, visible: false },
      Status: { x: SIDE_X, y: STATUS_Y },
      Notice: { x: safeArea.x, y: BODY_Y },
      Note: { x: safeArea.x, y: BODY_Y + 80 },
      ResultsTitle: { x: safeArea.x, y: RESULTS_Y },
      Results: { type: PollResultBars, x: safeArea.x, y: BARS_Y },
    }
  }

  private get submit(): PollCard {
    return this.tag('Submit') as PollCard
  }

  private get results(): PollResultBars {
    return this.tag('Results') as PollResultBars
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('poll.title'), 'poll')
    this.tag('Privacy')?.patch({ text: textPatch(t('poll.anonymous'), { size: type.hint, color: palette.textMuted, width: SIDE_W, maxLines: 2 }) })
  }

  /** Leaving forgets the choice that was not sent; the page is made again when opened again. */
  override _inactive(): void {
    this.generation++
    this.shownKey = ''
    this.sending = false
  }

  onFeed(index: FeedIndex | undefined, status: FeedStatus, now: number): void {
    const poll = index && this.actions ? findPoll(index, this.pollId) : undefined
    if (!poll) {
      this.poll = undefined
      this.shownKey = ''
      const message = index || !this.actions ? t('poll.gone') : t(status.phase === 'unavailable' ? 'unavailable.body' : 'status.loading')
      this.showOnly(message)
      return
    }
    const key = JSON.stringify(poll)
    if (key === this.shownKey) return
    this.shownKey = key
    this.poll = poll
    this.render(poll, now)
  }

  private render(poll: Poll, now: number): void {
    this.generation++
    const answered = this.actions?.answered(poll.id) ?? false
    const intro = pollIntro(poll, now, answered)
    this.canAnswer = intro.canAnswer
    this.zone = 'options'
    this.focusIndex = 0
    this.chosen = undefined
    this.sending = false
    const question = textPatch(poll.question, { size: type.heading, bold: true, width: safeArea.w, maxLines: 2 })
    this.tag('Question')?.patch({ visible: true, text: question })
    // The publisher and dates right under the question, one line or two.
    const metaY = QUESTION_Y + question.text.split('\n').length * question.lineHeight + 12
    const meta = poll.publisher ? `${t('poll.publisher', { publisher: poll.publisher })}　${intro.period}` : intro.period
    this.tag('Meta')?.patch({ visible: true, y: metaY, text: textPatch(meta, { size: type.hint, color: palette.textMuted, width: safeArea.w, maxLines: 1 }) })
    this.showOptions(poll, intro.canAnswer)
    this.showNotice(intro.notice, intro.note)
    this.results.clear()
    this.tag('ResultsTitle')?.patch({ visible: false })
    this.spoken = [poll.question, intro.notice, intro.note].filter(Boolean).join('，')
    if (intro.showResults) void this.loadResults(poll)
    if (this.hasFocus()) this._refocus()
  }

  private showOptions(poll: Poll, visible: boolean): void {
    const host = this.tag('Options')
    host?.childList.clear()
    for (const ref of ['Options', 'Prompt', 'Privacy'] as const) this.tag(ref)?.patch({ visible })
    this.submit.patch({ visible: false })
    this.setStatus('')
    if (!visible || !host) return
    this.setPrompt(t('poll.hint'))
    poll.options.forEach((option, i) => {
      const row = this.stage.c({ type: PollOptionRow, ref: `Option${i}`, y: i * PollOptionRow.height }) as PollOptionRow
      host.childList.add(row)
      row.show(i + 1, option.label, poll.options.length, OPTIONS_W + 12)
    })
  }

  private showNotice(notice: string, note: string): void {
    this.tag('Notice')?.patch({ visible: notice !== '', text: textPatch(notice, { size: type.heading, bold: true, width: safeArea.w, maxLines: 1 }) })
    this.tag('Note')?.patch({ visible: note !== '', text: textPatch(note, { size: type.body, width: safeArea.w, maxLines: 2 }) })
  }

  /** No poll: one message, nothing else on the page. */
  private showOnly(message: string): void {
    this.generation++
    this.canAnswer = false
    for (const ref of ['Question', 'Meta', 'Options', 'Prompt', 'Privacy', 'Note', 'ResultsTitle'] as const) this.tag(ref)?.patch({ visible: false })
    this.submit.patch({ visible: false })
    this.setStatus('')
    this.results.clear()
    this.tag('Notice')?.patch({ visible: true, text: textPatch(`${message}\n${t('alert.hint')}`, { size: type.body, width: safeArea.w, maxLines: 3 }) })
    this.spoken = message
    if (this.hasFocus()) this._refocus()
  }

  private setPrompt(text: string): void {
    this.tag('Prompt')?.patch({ text: textPatch(text, { size: type.body, width: SIDE_W, maxLines: 3 }) })
  }

  private setStatus(text: string): void {
    this.tag('Status')?.patch({ visible: text !== '', text: textPatch(text, { size: type.body, width: SIDE_W, maxLines: 3 }) })
  }

  private row(i: number): PollOptionRow | undefined {
    return this.tag('Options')?.childList.getAt(i) as PollOptionRow | undefined
  }

  override _getFocused(): Lightning.Component | null | undefined {
    if (!this.canAnswer) return undefined
    if (this.zone === 'submit') return this.submit
    return this.row(this.focusIndex)
  }

  /** Picks option `i` and moves to 确认提交: the first OK of two. */
  private choose(i: number): void {
    const poll = this.poll
    const option = poll?.options[i]
    if (!poll || !option || this.sending) return
    if (this.chosen !== undefined) this.row(this.chosen)?.setChosen(false)
    this.chosen = i
    this.focusIndex = i
    this.row(i)?.setChosen(true)
    this.setPrompt(t('poll.confirmPrompt', { label: option.label }))
    this.setStatus('')
    this.submit.patch({ visible: true })
    this.submit.show(t('poll.submit'), SIDE_W, `${t('poll.submit')}，${t('poll.confirmPrompt', { label: option.label })}`)
    this.zone = 'submit'
    this._refocus()
  }

  private backToOptions(): void {
    this.zone = 'options'
    this._refocus()
  }

  override _handleUp(): boolean {
    if (!this.canAnswer) return false
    if (this.zone === 'submit') this.backToOptions()
    else if (this.focusIndex > 0) {
      this.focusIndex--
      this._refocus()
    }
    return true
  }

  override _handleDown(): boolean {
    if (!this.canAnswer || this.zone === 'submit') return this.canAnswer
    const count = this.poll?.options.length ?? 0
    if (this.focusIndex < count - 1) {
      this.focusIndex++
      this._refocus()
    }
    return true
  }

  override _handleLeft(): boolean {
    if (this.canAnswer && this.zone === 'submit') this.backToOptions()
    return this.canAnswer
  }

  override _handleRight(): boolean {
    // Right from a chosen option goes to the button beside the list, as it looks.
    if (this.canAnswer && this.zone === 'options' && this.chosen !== undefined) {
      this.zone = 'submit'
      this._refocus()
    }
    return this.canAnswer
  }

  override _handleEnter(): boolean {
    if (!this.canAnswer) return false
    if (this.zone === 'options') this.choose(this.focusIndex)
    else void this.send()
    return true
  }

  /** Back while confirming picks again; otherwise it leaves the screen as everywhere. */
  override _handleBack(): boolean {
    if (this.canAnswer && this.zone === 'submit' && !this.sending) {
      this.backToOptions()
      return true
    }
    return false
  }

  /** The option's digit picks it (1 for the first); other digits are left to page numbers. */
  override _handleKey(event: KeyboardEvent): boolean {
    const digit = digitForKeyCode(event.keyCode)
    const count = this.poll?.options.length ?? 0
    if (!this.canAnswer || digit === undefined) return false
    const n = Number(digit)
    if (n < 1 || n > count) return false
    this.choose(n - 1)
    return true
  }

  private async send(): Promise<void> {
    const poll = this.poll
    const option = this.chosen !== undefined ? poll?.options[this.chosen] : undefined
    if (!poll || !option || !this.actions || this.sending) return
    this.sending = true
    this.setStatus(t('poll.sending'))
    const generation = this.generation
    let result: PollAnswerResult
    try {
      result = await this.actions.send(poll.id, option.id)
    } finally {
      if (generation === this.generation) this.sending = false
    }
    // Left the screen, or it shows something else now: the answer is counted (or not), not shown.
    if (generation !== this.generation || !this.active) return
    this.afterAnswer(poll, result)
  }

  private afterAnswer(poll: Poll, result: PollAnswerResult): void {
    const problem = answerProblem(result)
    if (problem !== undefined) {
      this.setStatus(problem)
      Accessibility.Announcer.speak(problem)
      if (result.kind === 'closed') this.closeAnswering(problem, poll)
      return
    }
    this.closeAnswering(t('poll.thanks'), poll)
    if (!poll.showResults || result.kind !== 'counted') return
    if (result.results) this.showResults(poll, result.results)
    else void this.loadResults(poll)
  }

  /** No more choosing: the options give way to a sentence and, where allowed, the results. */
  private closeAnswering(notice: string, poll: Poll): void {
    this.generation++
    this.canAnswer = false
    this.showOptions(poll, false)
    const resultsAllowed = poll.showResults
    this.showNotice(notice, resultsAllowed ? '' : t('poll.noResults'))
    this.spoken = [notice, resultsAllowed ? '' : t('poll.noResults')].filter(Boolean).join('，')
    Accessibility.Announcer.speak(this.spoken)
    this._refocus()
    if (resultsAllowed) {
      this.tag('ResultsTitle')?.patch({ visible: true, text: textPatch(t('poll.resultsLoading'), { size: type.label, bold: true }) })
    }
  }

  private async loadResults(poll: Poll): Promise<void> {
    if (!this.actions) return
    this.tag('ResultsTitle')?.patch({ visible: true, text: textPatch(t('poll.resultsLoading'), { size: type.label, bold: true }) })
    const generation = this.generation
    const result: PollResultsResult = await this.actions.results(poll.id)
    // Only the generation tells: the route asks before the Router shows the page (not yet `active`), and an
    // answer that came back then was thrown away, leaving 正在读取结果… for good. Leaving bumps the generation.
    if (generation !== this.generation) return
    if (result.kind === 'results') {
      this.showResults(poll, result.results)
      return
    }
    const problem = resultsProblem(result) ?? ''
    this.tag('ResultsTitle')?.patch({ visible: true, text: textPatch(problem, { size: type.body, width: safeArea.w, maxLines: 2 }) })
    Accessibility.Announcer.speak(problem)
  }

  private showResults(poll: Poll, results: PollResults): void {
    const tally = tallyResults(poll, results)
    const title = t('poll.resultsTitle', { total: groupDigits(tally.total) })
    this.tag('ResultsTitle')?.patch({ visible: true, text: textPatch(title, { size: type.label, bold: true }) })
    this.results.show(tally.bars, safeArea.w, BARS_BOTTOM - BARS_Y)
    const said = [title, ...tally.bars.map(barText)].join('，')
    this.spoken = [this.spoken, said].filter(Boolean).join('，')
    Accessibility.Announcer.speak(said)
  }

  /** Read when the page takes focus; the focused row or button says itself after it. */
  get announce(): string {
    return this.spoken
  }
}
