/**
 * 请工作人员联系我: the call-back form for one guide tagged 帮代办 or 上门办. A phone number typed with the
 * remote's digit keys (shown while typed, masked once entered), the township and village picked with
 * Left/Right from the feed's places, a preferred time, and 提交. The answer: a reference number in large
 * type, read aloud, with what happens next and 12345; or, in words, why it did not go.
 *
 * The phone is personal: it lives in this page only, is never stored, logged, put in a URL or in the
 * Router's history (the route keeps this page out of it), and is forgotten when the page is left. The page
 * never sends anything itself: the route hands it `send`.
 */
import { Accessibility, Lightning } from '@lightningjs/sdk'
import { ActionButton } from '../components/ActionButton'
import { CHOSEN_MARK } from '../components/ChipRow'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import { offersAssist, type AssistFields, type AssistResult } from '../feed/assist'
import type { FeedStatus } from '../feed/repository'
import { ASSIST_TIMES, type FeedIndex } from '../feed/schema'
import { formatDate, formatTime } from '../i18n/format'
import { t, type StringKey } from '../i18n/strings'
import {
  assistAnnouncementAfter,
  assistFields,
  assistFormProblem,
  emptyAssistForm,
  phoneShown,
  placesOf,
  reduceAssistForm,
  rowAnnouncement,
  rowHint,
  rowsOf,
  spelledOut,
  timeLabel,
  townshipShown,
  villageShown,
  type AssistAction,
  type AssistForm,
  type Places,
} from '../layout/assistForm'
import { digitForKeyCode } from '../layout/remoteDigits'
import { textWidthEm } from '../layout/textLayout'
import { scaledSize } from '../theme/scale'
import { focusStyle, palette, safeArea, type } from '../theme/tokens'
import type { HistoryState, PageTypeConfig } from './page'

const LABEL_W = 330
const BOX_X = LABEL_W + 20
const BOX_W = 720
const ROW_H = 90
const ROW_STEP = 116
const CHIP_W = 226
const CHIP_GAP = 21
const RIGHT_X = safeArea.x + BOX_X + BOX_W + 60
const RIGHT_W = safeArea.x + safeArea.w - RIGHT_X
const REFERENCE_SIZE = 96

type Mode = 'loading' | 'form' | 'notice' | 'done'

interface RowSpec {
  Label: object
  Outline: object
  Frame: object
  Value: object
}

export interface AssistRequestTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  Item: object
  Form: {
    PhoneRow: RowSpec
    TownshipRow: RowSpec
    VillageRow: RowSpec
    TimeRow: { Label: object; Chips: object }
    Submit: typeof ActionButton
  }
  Hint: object
  Message: object
  Privacy: object
  Done: { Title: object; ReferenceLabel: object; Reference: object; Next: object; Keep: object }
  Notice: { Title: object; Body: object }
}

export type AssistSend = (fields: AssistFields) => Promise<AssistResult>

const ROW_REFS: Record<'phone' | 'township' | 'village', 'PhoneRow' | 'TownshipRow' | 'VillageRow'> = {
  phone: 'PhoneRow',
  township: 'TownshipRow',
  village: 'VillageRow',
}

export class AssistRequest
  extends Lightning.Component<AssistRequestTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<AssistRequestTemplateSpec>
{
  /** Set by the route from the deep link or the list: which guide the request is for. */
  guideId = ''
  /** Set by the route: when this guide was last asked about from this box, if within the hour. */
  sentAt: number | undefined
  /** Set by the route: sends the request (throttle, region and service filled in there). */
  send: AssistSend | undefined
  private mode: Mode = 'loading'
  private form: AssistForm = emptyAssistForm()
  private places: Places = { county: '', townships: [] }
  private sending = false
  private spoken = ''

  static override _template(): Lightning.Component.Template<AssistRequestTemplateSpec> {
    const o = focusStyle.outline
    const row = (i: number): RowSpec & { y: number } => ({
      y: i * ROW_STEP,
      Label: { y: 18 },
      Outline: { x: BOX_X - o, y: -o, w: BOX_W + 2 * o, h: ROW_H + 2 * o, rect: true, color: palette.focus, visible: false },
      Frame: { x: BOX_X, w: BOX_W, h: ROW_H, rect: true, color: palette.surface },
      Value: { x: BOX_X + 24, y: 12 },
    })
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      Item: { x: safeArea.x, y: 150 },
      Form: {
        x: safeArea.x,
        y: 240,
        visible: false,
        PhoneRow: row(0),
        TownshipRow: row(1),
        VillageRow: row(2),
        TimeRow: { y: 3 * ROW_STEP, Label: { y: 18 }, Chips: { x: BOX_X } },
        Submit: { type: ActionButton, x: BOX_X, y: 4 * ROW_STEP + 20 },
      },
      Hint: { x: RIGHT_X, y: 240 },
      // Below the form, the whole width: a message reads on one line (a date or 12345 is not split).
      Message: { x: safeArea.x, y: 240 + 4 * ROW_STEP + 20 + 88 + 28, visible: false },
      Privacy: { x: RIGHT_X, y: 240 + 4 * ROW_STEP + 20 },
      Done: {
        x: safeArea.x,
        y: 250,
        visible: false,
        Title: {},
        ReferenceLabel: { y: 110 },
        Reference: { y: 170 },
        Next: { y: 330 },
        Keep: { y: 420 },
      },
      Notice: { x: safeArea.x, y: 260, visible: false, Title: {}, Body: { y: 100 } },
    }
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('assist.title'), 'assist')
    const label = (text: string) => ({ text: textPatch(text, { size: type.label }) })
    this.tag('Form.PhoneRow.Label')?.patch(label(t('assist.phoneLabel')))
    this.tag('Form.VillageRow.Label')?.patch(label(t('assist.villageLabel')))
    this.tag('Form.TimeRow.Label')?.patch(label(t('assist.timeLabel')))
    const submit = this.tag('Form.Submit') as ActionButton
    submit.show(t('assist.submit'), 'assist', 360)
    this.tag('Privacy')?.patch({ text: textPatch(t('assist.privacy'), { size: type.hint, color: palette.textMuted, width: RIGHT_W, maxLines: 3 }) })
    const chips = this.tag('Form.TimeRow.Chips')
    ASSIST_TIMES.forEach((_time, i) =>
      chips?.childList.add(
        this.stage.c({
          x: i * (CHIP_W + CHIP_GAP),
          w: CHIP_W,
          h: ROW_H,
          rect: true,
          // One ✓ texture for the three chips, as in ChipRow: choosing a time shows, hides and moves, never draws.
          ChosenMark: { y: ROW_H / 2 + 6, mountY: 0.5, visible: false, text: textPatch(CHOSEN_MARK, { size: type.label, color: 0xffffffff }) },
          Label: { x: CHIP_W / 2, y: ROW_H / 2 + 6, mount: 0.5 },
        }),
      ),
    )
    this.showMode()
  }

  /** Called by the route and on every feed update; the form itself is set up once, from the first index. */
  onFeed(index: FeedIndex | undefined, status: FeedStatus, _now: number): void {
    if (this.mode !== 'loading') return
    if (!index) {
      // Still loading: the notice says so (or that the service cannot be reached), and the form follows the index.
      const unavailable = status.phase === 'unavailable'
      this.paintNotice(unavailable ? 'unavailable.title' : 'status.loading', unavailable ? 'unavailable.body' : undefined)
      return
    }
    const guide = index.guides.find((g) => g.id === this.guideId)
    // Lists and guides only link to guides tagged 帮代办 / 上门办; a stale deep link (a guide gone or retagged) is told so.
    if (!guide || !offersAssist(guide)) {
      this.showNotice('assist.notFound')
      return
    }
    this.tag('Item')?.patch({ text: textPatch(t('assist.item', { name: guide.name }), { size: type.label, width: safeArea.w, maxLines: 1 }) })
    if (this.sentAt !== undefined) {
      this.showNotice('assist.already', 'assist.alreadyBody', { time: formatTime(this.sentAt) })
      return
    }
    this.places = placesOf(index)
    this.tag('Form.TownshipRow.Label')?.patch({
      text: textPatch(t(this.places.townships.length > 0 ? 'assist.townshipLabel' : 'assist.countyLabel'), { size: type.label }),
    })
    this.mode = 'form'
    this.showMode()
    this.paintForm()
  }

  /** Forgotten when the person leaves the screen: nothing personal outlives the visit. */
  override _inactive(): void {
    this.forget()
  }

  override _detach(): void {
    this.forget()
  }

  private forget(): void {
    this.form = emptyAssistForm()
    this.spoken = ''
    this.tag('Done.Reference')?.patch({ text: { text: '' } })
    if (this.mode === 'form') this.paintForm()
  }

  /** Nothing of the form goes into the Router's history (the route also keeps the page out of it). */
  override historyState(_state?: HistoryState): HistoryState {
    return undefined
  }

  get announce(): string {
    if (this.mode === 'form') return `${t('assist.title')}。${rowAnnouncement(this.form, this.places)}`
    return this.spoken || t('status.loading')
  }

  private showMode(): void {
    const form = this.mode === 'form'
    this.tag('Form')?.patch({ visible: form })
    this.tag('Hint')?.patch({ visible: form })
    this.tag('Privacy')?.patch({ visible: form })
    this.tag('Done')?.patch({ visible: this.mode === 'done' })
    this.tag('Notice')?.patch({ visible: this.mode === 'notice' || this.mode === 'loading' })
    if (!form) this.showMessage(undefined)
  }

  private showNotice(title: StringKey, body?: StringKey, params: Record<string, string | number> = {}): void {
    this.mode = 'notice'
    this.showMode()
    this.paintNotice(title, body, params)
  }

  private paintNotice(title: StringKey, body?: StringKey, params: Record<string, string | number> = {}): void {
    const bodyText = body ? t(body, params) : ''
    this.tag('Notice')?.patch({
      Title: { text: textPatch(t(title), { size: type.heading, bold: true, width: safeArea.w, maxLines: 2 }) },
      Body: { text: textPatch(bodyText, { size: type.body, width: safeArea.w, maxLines: 4 }) },
    })
    this.spoken = [t(title), bodyText].filter(Boolean).join('。')
  }

  private apply(action: AssistAction): void {
    const before = this.form
    this.form = reduceAssistForm(this.form, action, this.places)
    if (this.form === before) return
    // A count of digits, never a digit: the Announcer only speaks when read-aloud is on.
    const said = assistAnnouncementAfter(before, this.form, this.places)
    if (said) Accessibility.Announcer.speak(said)
    if (before.row !== this.form.row) this.showMessage(undefined)
    this.paintForm()
  }

  /**
   * Every element is made once and patched in place: a focus move changes an outline's visibility and a
   * few tints; a text is drawn again only when its words change (the phone masked or unmasked, a choice).
   */
  private paintForm(): void {
    const rows = rowsOf(this.form, this.places)
    const row = this.form.row
    const paintRow = (name: 'phone' | 'township' | 'village', value: string, shown: boolean, focusable: boolean): void => {
      const active = row === name
      this.tag(`Form.${ROW_REFS[name]}`)?.patch({
        visible: shown,
        Outline: { visible: active },
        Frame: { color: focusable ? palette.surface : palette.background },
        Value: { text: textPatch(`${focusable && name !== 'phone' ? `◀ ${value} ▶` : value}`, { size: type.heading, width: BOX_W - 48 }) },
      })
    }
    paintRow('phone', phoneShown(this.form), true, true)
    const townships = this.places.townships.length > 0
    paintRow('township', townshipShown(this.form, this.places), true, townships)
    paintRow('village', villageShown(this.form, this.places), rows.indexOf('village') >= 0, true)
    // The village row may be missing: time and 提交 move up into its place.
    const lower = rows.indexOf('village') >= 0 ? 3 : 2
    this.tag('Form.TimeRow')?.patch({ y: lower * ROW_STEP })
    const chips = this.tag('Form.TimeRow.Chips')
    const size = scaledSize(type.label)
    const markW = Math.ceil(textWidthEm(`${CHOSEN_MARK} `) * size)
    ASSIST_TIMES.forEach((time, i) => {
      const chosen = this.form.time === time
      const lit = chosen && row === 'time'
      const ink = lit || chosen ? palette.focusText : palette.text
      const words = timeLabel(time)
      // The label and its ✓ are centred together; the label moves aside for the ✓, it is not drawn again.
      const centre = CHIP_W / 2 + (chosen ? markW / 2 : 0)
      chips?.children[i]?.patch({
        color: lit ? palette.focus : chosen ? palette.text : palette.surfaceRaised,
        ChosenMark: { visible: chosen, x: centre - Math.ceil(textWidthEm(words) * size) / 2 - markW, color: ink },
        Label: { x: centre, color: ink, text: textPatch(words, { size: type.label, color: 0xffffffff }) },
      })
    })
    const submit = this.tag('Form.Submit') as ActionButton
    submit.patch({ y: (lower + 1) * ROW_STEP + 20 })
    submit.highlight(row === 'submit')
    this.tag('Hint')?.patch({ text: textPatch(t(rowHint(row)), { size: type.hint, color: palette.textMuted, width: RIGHT_W, maxLines: 4 }) })
  }

  private showMessage(key: StringKey | undefined, params: Record<string, string | number> = {}, extra = ''): void {
    const words = key ? [t(key, params), extra].filter(Boolean).join('\n') : ''
    this.tag('Message')?.patch({
      visible: words !== '',
      text: textPatch(words, { size: type.label, width: safeArea.w, maxLines: 2 }),
    })
    if (words) Accessibility.Announcer.speak(words)
  }

  override _handleUp(): boolean {
    if (this.mode === 'form' && !this.sending) this.apply({ type: 'move', by: -1 })
    return true
  }
  override _handleDown(): boolean {
    if (this.mode === 'form' && !this.sending) this.apply({ type: 'move', by: 1 })
    return true
  }
  override _handleLeft(): boolean {
    if (this.mode === 'form' && !this.sending) this.apply({ type: 'change', by: -1 })
    return true
  }
  override _handleRight(): boolean {
    if (this.mode === 'form' && !this.sending) this.apply({ type: 'change', by: 1 })
    return true
  }

  override _handleEnter(): boolean {
    if (this.mode !== 'form' || this.sending) return true
    if (this.form.row === 'submit') void this.submit()
    else this.apply({ type: 'next' })
    return true
  }

  /** Digits from the remote type into the phone, from any row of the form. */
  override _handleKey(event: KeyboardEvent): boolean {
    const digit = digitForKeyCode(event.keyCode)
    if (digit === undefined || this.mode !== 'form') return false
    if (!this.sending) this.apply({ type: 'digit', digit })
    return true
  }

  private async submit(): Promise<void> {
    if (!this.send) return
    const problem = assistFormProblem(this.form, this.places)
    if (problem) {
      this.apply({ type: 'focus', row: problem.row })
      this.showMessage(problem.message)
      return
    }
    this.sending = true
    this.showMessage('assist.sending')
    try {
      this.showResult(await this.send(assistFields(this.form, this.places)))
    } finally {
      this.sending = false
    }
  }

  private showResult(result: AssistResult): void {
    if (!this.active) return // Left while waiting: the answer is dropped, not shown later.
    switch (result.kind) {
      case 'accepted':
        this.showAccepted(result.referenceNo, result.nextStep)
        return
      case 'already-sent':
        this.forget()
        this.showNotice('assist.already', 'assist.alreadyBody', { time: formatTime(result.sentAt) })
        return
      case 'rate-limited':
        this.showMessage('assist.rate-limited', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) })
        return
      case 'closed':
        if (result.reopensAt) this.showMessage('assist.closedUntil', { date: formatDate(result.reopensAt) }, result.message)
        else this.showMessage('assist.closed', {}, result.message)
        return
      case 'invalid':
        if (result.field === 'phone') {
          this.apply({ type: 'focus', row: 'phone' })
          this.showMessage('assist.invalid.phone')
        } else if (result.field === 'township' || result.field === 'village') {
          this.apply({ type: 'focus', row: 'township' })
          this.showMessage('assist.invalid.place')
        } else {
          this.showMessage('assist.invalid')
        }
        return
      default:
        this.showMessage(`assist.${result.kind}`)
    }
  }

  private showAccepted(referenceNo: string | undefined, nextStep: string | undefined): void {
    // The phone is not needed any more: it goes before the answer is drawn.
    this.forget()
    this.mode = 'done'
    this.showMode()
    const next = nextStep ?? t('assist.nextDefault')
    this.tag('Done')?.patch({
      Title: { text: textPatch(`✓ ${t(referenceNo ? 'assist.accepted' : 'assist.acceptedNoReference')}`, { size: type.title, bold: true }) },
      ReferenceLabel: { visible: Boolean(referenceNo), text: textPatch(t('assist.reference'), { size: type.label, color: palette.textMuted }) },
      Reference: { visible: Boolean(referenceNo), text: textPatch(referenceNo ?? '', { size: REFERENCE_SIZE, bold: true }) },
      Next: { text: textPatch(next, { size: type.heading, width: safeArea.w, maxLines: 2 }) },
      Keep: { text: textPatch(t('assist.keepReference'), { size: type.heading, width: safeArea.w, maxLines: 2 }) },
    })
    this.spoken = referenceNo
      ? t('assist.acceptedSpoken', { reference: spelledOut(referenceNo), next })
      : `${t('assist.acceptedNoReference')}。${next}。${t('assist.keepReference')}`
    Accessibility.Announcer.speak(this.spoken)
  }
}
