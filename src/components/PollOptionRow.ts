/**
 * One answer of a poll: its number (the digit key that picks it), its label and, once picked, 已选 in
 * words. A square card that turns focus-yellow, its texts tinted dark on it: every text is drawn once
 * when the poll is shown, and focus or choosing only changes colours and visibility.
 */
import { Lightning } from '@lightningjs/sdk'
import { t } from '../i18n/strings'
import { type } from '../theme/tokens'
import { paintRowFocus, rowCardTemplate, sizeRowCard } from './rowCard'
import { textPatch } from './text'

export interface PollOptionRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object
  Number: object
  Label: object
  Chosen: object
}

const ROW_TEXTS = { main: ['Number', 'Label', 'Chosen'] }
const CHOSEN_W = 150

export class PollOptionRow
  extends Lightning.Component<PollOptionRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PollOptionRowTemplateSpec>
{
  /** The card is 12 px shorter: rowCard leaves 6 px above and below it. */
  static readonly height = 96
  private spoken = ''

  static override _template(): Lightning.Component.Template<PollOptionRowTemplateSpec> {
    return {
      Background: rowCardTemplate(),
      Number: { x: 32, y: 18 },
      Label: { x: 96, y: 18 },
      Chosen: { y: 18, visible: false },
    }
  }

  /** Draws the row's texts; `n` counts from 1, `count` is how many options the poll has. */
  show(n: number, label: string, count: number, w: number): void {
    this.patch({ w })
    sizeRowCard(this, PollOptionRow.height)
    this.spoken = t('poll.option', { n, label, count })
    this.tag('Number')?.patch({ text: textPatch(String(n), { size: type.label, bold: true }) })
    this.tag('Label')?.patch({ text: textPatch(label, { size: type.label, width: w - 96 - CHOSEN_W - 24, maxLines: 1 }) })
    this.tag('Chosen')?.patch({ x: w - CHOSEN_W, text: textPatch(`● ${t('poll.chosen')}`, { size: type.label, bold: true }) })
    paintRowFocus(this, false, ROW_TEXTS)
  }

  setChosen(chosen: boolean): void {
    this.tag('Chosen')?.patch({ visible: chosen })
  }

  get announce(): string {
    return this.spoken
  }

  override _focus(): void {
    paintRowFocus(this, true, ROW_TEXTS)
  }

  override _unfocus(): void {
    paintRowFocus(this, false, ROW_TEXTS)
  }
}
