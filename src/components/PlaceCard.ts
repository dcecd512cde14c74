/**
 * The household's village on Home (我的村：汾市镇 石门村, or where to choose it), first in the cards row:
 * Down and OK from the tiles open 选择我的村, two presses from Home.
 */
import type { IconName } from '../theme/icons'
import { PollCard } from './PollCard'

export class PlaceCard extends PollCard {
  // A house: where the household lives.
  static override readonly icon: IconName = 'assist'
}
