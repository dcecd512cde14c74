/**
 * A poll's results as big horizontal bars, one per option in the poll's order: the label with the numbers
 * in words above each bar (惠民补贴 1,234 票，占 41%), so no bar is told by its colour or length alone.
 * Drawn once per result; nothing here takes focus.
 */
import { Lightning } from '@lightningjs/sdk'
import type { PollBar } from '../feed/polls'
import { barText } from '../layout/pollView'
import { lineHeightOf } from '../theme/scale'
import { palette, type } from '../theme/tokens'
import { textPatch } from './text'

/** Light blue on the dark surface: a fill that is not the focus yellow, well over 3:1 against the track. */
const BAR_FILL = 0xff7cc4ff
const BAR_H = 30
const MIN_BAR_H = 8
const GAP = 6

export class PollResultBars extends Lightning.Component {
  /** One bar per option, each below its words; six options in `maxH` get thinner bars, never smaller text. */
  show(bars: readonly PollBar[], w: number, maxH: number): void {
    this.childList.clear()
    const textH = lineHeightOf(type.body)
    const room = Math.floor(maxH / Math.max(1, bars.length)) - textH - 2 - GAP
    const barH = Math.max(MIN_BAR_H, Math.min(BAR_H, room))
    const step = textH + 2 + barH + GAP
    bars.forEach((bar, i) => {
      // An option with answers keeps a sliver of bar even at 0 %, so "some" never looks like "none".
      const fill = bar.count > 0 ? Math.max(6, Math.round((w * bar.percent) / 100)) : 0
      this.childList.add(
        this.stage.c({
          ref: `Bar${i}`,
          y: i * step,
          Label: { text: textPatch(barText(bar), { size: type.body, width: w, maxLines: 1 }) },
          Track: { y: textH + 2, w, h: barH, rect: true, color: palette.surfaceRaised },
          Fill: { y: textH + 2, w: fill, h: barH, rect: true, color: BAR_FILL, visible: fill > 0 },
        }),
      )
    })
  }

  clear(): void {
    this.childList.clear()
  }
}
