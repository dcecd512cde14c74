/**
 * 办事进度: the application number and verification code typed with the remote's digit keys or the
 * on-screen keypad; the answer as the current status in large text and a timeline of steps.
 * The answer is personal: it is masked (feed/progress.ts), never stored, and forgotten on leaving.
 */
import { Accessibility, Lightning } from '@lightningjs/sdk'
import { ScreenHeader } from '../components/ScreenHeader'
import { textPatch } from '../components/text'
import { Timeline } from '../components/Timeline'
import type { ProgressResult } from '../feed/progress'
import type { Progress as ProgressAnswer } from '../feed/schema'
import { formatDate } from '../i18n/format'
import { t, type StringKey } from '../i18n/strings'
import { digitForKeyCode } from '../layout/remoteDigits'
import {
  announcementAfter,
  emptyForm,
  formProblem,
  KEYPAD,
  keyLabel,
  keypadAnnouncement,
  maskedCode,
  reduceForm,
  type FormAction,
  type ProgressForm,
} from '../layout/progressForm'
import { iconTexture } from '../theme/icons'
import { focusStyle, palette, safeArea, type } from '../theme/tokens'
import type { PageTypeConfig } from './page'

const KEY_W = 210
const KEY_H = 80
const KEY_GAP = 14
const RIGHT_X = 900
const RIGHT_W = safeArea.x + safeArea.w - RIGHT_X
const RESULT_Y = 180
const FACTS_Y = 120

export interface ProgressTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof ScreenHeader
  NumberLabel: object
  NumberBox: { Outline: object; Frame: object; Value: object }
  CodeLabel: object
  CodeBox: { Outline: object; Frame: object; Value: object }
  Hint: object
  Keypad: object
  Message: object
  Privacy: object
  Result: {
    StatusIcon: object
    Status: object
    Facts: object
    Steps: typeof Timeline
  }
}

export type ProgressLookup = (applicationNo: string, code: string) => Promise<ProgressResult>

export class Progress
  extends Lightning.Component<ProgressTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<ProgressTemplateSpec>
{
  private form: ProgressForm = emptyForm()
  private row = 0
  private col = 0
  private searching = false
  /** Set by the route: the live lookup, masked, never cached. */
  lookup: ProgressLookup | undefined

  static override _template(): Lightning.Component.Template<ProgressTemplateSpec> {
    // The active field's outline is an element of its own behind the frame: no shader anywhere (see
    // src/theme/tokens.ts, focusStyle), so it reads the same in WebGL and canvas2d.
    const o = focusStyle.outline
    const w = 3 * KEY_W + 2 * KEY_GAP
    const box = (y: number) => ({
      x: safeArea.x,
      y,
      Outline: { x: -o, y: -o, w: w + 2 * o, h: 90 + 2 * o, rect: true, color: palette.focus, visible: false },
      Frame: { w, h: 90, rect: true, color: palette.surface },
      Value: { x: 24, y: 12 },
    })
    return {
      w: 1920,
      h: 1080,
      Header: { type: ScreenHeader },
      NumberLabel: { x: safeArea.x, y: 170 },
      NumberBox: box(225),
      CodeLabel: { x: safeArea.x, y: 335 },
      CodeBox: box(390),
      Hint: { x: safeArea.x, y: 495 },
      Keypad: { x: safeArea.x, y: 560 },
      Message: { x: RIGHT_X, y: 190 },
      Privacy: { x: RIGHT_X, y: safeArea.y + safeArea.h - 110 },
      Result: {
        x: RIGHT_X,
        y: RESULT_Y,
        visible: false,
        StatusIcon: { w: 96, h: 96 },
        Status: { x: 120, y: 6 },
        Facts: { y: FACTS_Y },
        Steps: { type: Timeline, y: 400, w: RIGHT_W },
      },
    }
  }

  override _init(): void {
    ;(this.tag('Header') as ScreenHeader).show(t('progress.title'), 'progress')
    this.tag('NumberLabel')?.patch({ text: textPatch(t('progress.numberLabel'), { size: type.label }) })
    this.tag('CodeLabel')?.patch({ text: textPatch(t('progress.codeLabel'), { size: type.label }) })
    this.tag('Hint')?.patch({ text: textPatch(t('progress.hint'), { size: type.hint, color: palette.textMuted }) })
    this.tag('Privacy')?.patch({ text: textPatch(t('progress.privacy'), { size: type.hint, color: palette.textMuted }) })
    this.paintForm()
    this.paintKeypad()
  }

  /** Forgotten when the person leaves the screen: nothing personal outlives the visit. */
  override _inactive(): void {
    this.form = emptyForm()
    this.row = 0
    this.col = 0
    this.showMessage(undefined)
    this.tag('Result')?.patch({ visible: false })
    this.tag('Result.Facts')?.patch({ text: { text: '' } })
    ;(this.tag('Result.Steps') as Timeline).clear()
    this.paintForm()
  }

  private apply(action: FormAction): void {
    const before = this.form
    this.form = reduceForm(this.form, action)
    // A count, never the digit: the Announcer only speaks when read-aloud is on.
    const said = announcementAfter(before, this.form)
    if (said) Accessibility.Announcer.speak(said)
    this.paintForm()
    this.paintKeypad()
  }

  private paintForm(): void {
    const paintBox = (ref: 'NumberBox' | 'CodeBox', active: boolean, shown: string): void => {
      // The active field has the focus outline and a ▶ marker, not just another colour.
      this.tag(ref)?.patch({
        Outline: { visible: active },
        Value: { text: textPatch(`${active ? '▶ ' : ''}${shown}${active ? '_' : ''}`, { size: type.heading }) },
      })
    }
    paintBox('NumberBox', this.form.field === 'number', this.form.number)
    paintBox('CodeBox', this.form.field === 'code', maskedCode(this.form.code))
  }

  /**
   * The keys are made once and patched in place: focus moving changes two fills and two tints, and a
   * label is drawn again only when its words change (删除 / 下一项 / 查询).
   */
  private paintKeypad(): void {
    const host = this.tag('Keypad')
    if (!host) return
    if (host.children.length === 0) {
      KEYPAD.forEach((keys, r) =>
        keys.forEach((_key, c) =>
          host.childList.add(
            this.stage.c({
              ref: `Key${r}${c}`,
              x: c * (KEY_W + KEY_GAP),
              y: r * (KEY_H + KEY_GAP),
              w: KEY_W,
              h: KEY_H,
              rect: true,
              Label: { x: KEY_W / 2, y: KEY_H / 2 + 8, mount: 0.5 },
            }),
          ),
        ),
      )
    }
    let i = 0
    KEYPAD.forEach((keys, r) =>
      keys.forEach((key, c) => {
        const focused = r === this.row && c === this.col
        host.children[i++]?.patch({
          color: focused ? palette.focus : palette.surfaceRaised,
          Label: {
            color: focused ? palette.focusText : palette.text,
            text: textPatch(keyLabel(this.form, key), { size: type.label, color: 0xffffffff }),
          },
        })
      }),
    )
  }


  /** Read when the page takes focus: the field and its count, and the key only when it is not a digit. */
  get announce(): string {
    return keypadAnnouncement(this.form, KEYPAD[this.row]?.[this.col])
  }

  private moveKey(dr: number, dc: number): boolean {
    const r = this.row + dr
    const c = this.col + dc
    if (r < 0 || r >= KEYPAD.length || c < 0 || c >= 3) return false
    this.row = r
    this.col = c
    this.paintKeypad()
    return true
  }

  override _handleUp(): boolean {
    return this.moveKey(-1, 0) || true
  }
  override _handleDown(): boolean {
    return this.moveKey(1, 0) || true
  }
  override _handleLeft(): boolean {
    return this.moveKey(0, -1) || true
  }
  override _handleRight(): boolean {
    return this.moveKey(0, 1) || true
  }

  override _handleEnter(): boolean {
    const key = KEYPAD[this.row]?.[this.col]
    if (key === 'delete') {
      // Deleting in an empty code field goes back to the number, as people expect.
      if (this.form.field === 'code' && this.form.code === '') this.apply({ type: 'focus', field: 'number' })
      else this.apply({ type: 'delete' })
    } else if (key === 'submit') {
      if (this.form.field === 'number') this.apply({ type: 'next' })
      else void this.search()
    } else if (key) {
      this.apply({ type: 'digit', digit: key })
    }
    return true
  }

  /** Digits from the remote type straight into the active field. */
  override _handleKey(event: KeyboardEvent): boolean {
    const digit = digitForKeyCode(event.keyCode)
    if (digit === undefined) return false
    this.apply({ type: 'digit', digit })
    return true
  }

  private showMessage(key: StringKey | undefined, params: Record<string, string | number> = {}): void {
    this.tag('Message')?.patch({
      visible: key !== undefined,
      text: textPatch(key ? t(key, params) : '', { size: type.heading, width: RIGHT_W, maxLines: 4 }),
    })
  }

  private async search(): Promise<void> {
    if (this.searching || !this.lookup) return
    const problem = formProblem(this.form)
    if (problem) {
      this.showMessage(problem)
      this.tag('Result')?.patch({ visible: false })
      if (problem === 'progress.numberInvalid') this.apply({ type: 'focus', field: 'number' })
      return
    }
    this.searching = true
    this.tag('Result')?.patch({ visible: false })
    this.showMessage('progress.searching')
    try {
      this.showResult(await this.lookup(this.form.number, this.form.code))
    } finally {
      this.searching = false
    }
  }

  private showResult(result: ProgressResult): void {
    if (!this.active) return // Left the screen while waiting: the answer is dropped, not shown later.
    switch (result.kind) {
      case 'found':
        this.showMessage(undefined)
        this.showAnswer(result.progress)
        return
      case 'too-many':
        this.showMessage('progress.too-many', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) })
        return
      case 'wrong-code':
        this.showMessage('progress.wrong-code')
        this.apply({ type: 'clear' })
        return
      default:
        this.showMessage(`progress.${result.kind}`)
    }
  }

  private showAnswer(p: ProgressAnswer): void {
    // Each fact keeps its own line (the item name may take two), so the timeline goes below them all.
    const facts = [
      textPatch(t('progress.item', { item: p.itemName }), { size: type.body, width: RIGHT_W, maxLines: 2 }).text,
      t('progress.applicant', { name: p.applicant }),
      t('progress.submittedAt', { date: formatDate(p.submittedAt) }),
      p.expectedBy ? t('progress.expectedBy', { date: formatDate(p.expectedBy) }) : '',
      p.pickup ? textPatch(t('progress.pickup', { pickup: p.pickup }), { size: type.body, width: RIGHT_W }).text : '',
    ].filter(Boolean)
    const factsText = textPatch(facts.join('\n'), { size: type.body })
    const factLines = factsText.text.split('\n').length
    const stepsY = FACTS_Y + factLines * factsText.lineHeight + 24
    this.tag('Result')?.patch({
      visible: true,
      StatusIcon: { texture: iconTexture('progress') },
      Status: { text: textPatch(t(`status.${p.status}`), { size: type.title, bold: true }) },
      Facts: { text: factsText },
      Steps: { y: stepsY },
    })
    // As many steps as fit above the privacy line; the newest are kept.
    const room = safeArea.y + safeArea.h - 120 - (RESULT_Y + stepsY)
    ;(this.tag('Result.Steps') as Timeline).show(p.steps, Math.max(1, Math.floor(room / Timeline.stepHeight)))
  }
}
