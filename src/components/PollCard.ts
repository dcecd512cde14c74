/**
 * A poll (问卷调查) as a card: the ballot-box icon beside its label, focus an outline. On Home it sits in the
 * collections row and opens the poll; on the poll screen it is the 确认提交 button. Read-aloud says
 * `spoken` (the whole question, or what is about to be sent), which the one-line label may cut.
 */
import type { IconName } from '../theme/icons'
import { CollectionCard } from './CollectionCard'

export class PollCard extends CollectionCard {
  static override readonly icon: IconName = 'poll'
  private spoken = ''

  /** The label is drawn when it changes, never on focus; `spoken` defaults to the label. */
  override show(label: string, w: number, spoken: string = label): void {
    super.show(label, w)
    this.spoken = spoken
  }

  get announce(): string {
    return this.spoken
  }
}
