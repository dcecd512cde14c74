/**
 * A row of category chips (全部, 通知公告, 政策解读 …). The chosen chip is filled and marked with ✓,
 * so the choice is not told by colour alone; focus is the yellow outline.
 */
import { Lightning } from '@lightningjs/sdk'
import { focusStyle, palette, type } from '../theme/tokens'
import { textPatch } from './text'
import { scaledSize } from '../theme/scale'
import { textWidthEm } from '../layout/textLayout'

export interface ChipRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Chips: object
}

const HEIGHT = 80
const GAP = 20
/** Beside a chosen chip's label, so that the choice is not told by its fill alone. */
export const CHOSEN_MARK = '✓'

export class ChipRow
  extends Lightning.Component<ChipRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ChipRowTemplateSpec>
{
  private labels: string[] = []
  private chosen = 0
  private cursorIndex = 0
  private rowFocused = false
  /** Called when the chosen chip changes (focus moving onto it chooses it, as on most TV apps). */
  onChange: ((index: number) => void) | undefined

  static override _template(): Lightning.Component.Template<ChipRowTemplateSpec> {
    return { h: HEIGHT, clipping: false, Chips: {} }
  }

  setLabels(labels: string[], chosen: number): void {
    this.labels = labels
    this.chosen = Math.max(0, Math.min(labels.length - 1, chosen))
    this.cursorIndex = this.chosen
    this.paint()
  }

  get chosenIndex(): number {
    return this.chosen
  }

  /**
   * Lays the chips out again: only when the labels or the chosen chip change (a chosen chip gains ✓ and
   * grows). Chips are made once per set of labels and patched in place; a text is drawn again only
   * when its words change, and its colour is a tint (`color`), never a new texture.
   */
  private paint(): void {
    const host = this.tag('Chips')
    if (!host) return
    const size = scaledSize(type.label)
    if (host.children.length !== this.labels.length) {
      host.childList.clear()
      this.labels.forEach((_, i) =>
        host.childList.add(
          this.stage.c({
            ref: `Chip${i}`,
            h: HEIGHT,
            rect: true,
            // One ✓ texture serves every chip (same text, same settings), so choosing never draws a text.
            ChosenMark: {
              x: 28,
              y: (HEIGHT - size * 1.5) / 2 + 2,
              text: textPatch(CHOSEN_MARK, { size: type.label, color: 0xffffffff }),
            },
            Label: { y: (HEIGHT - size * 1.5) / 2 + 2 },
          }),
        ),
      )
    }
    let x = 0
    let focusX = 0
    this.labels.forEach((label, i) => {
      const chosen = i === this.chosen
      const focused = this.rowFocused && i === this.cursorIndex
      const markWidth = chosen ? Math.ceil(textWidthEm(`${CHOSEN_MARK} `) * size) : 0
      const w = Math.ceil(textWidthEm(label) * size) + markWidth + 56
      const ink = focused || chosen ? palette.focusText : palette.text
      if (focused) focusX = x
      host.children[i]?.patch({
        x,
        w,
        color: focused ? palette.focus : chosen ? palette.text : palette.surfaceRaised,
        ChosenMark: { visible: chosen, color: ink },
        Label: {
          x: 28 + markWidth,
          color: ink,
          // White text tinted by `color`: focus and choice moving only change tints and places. A bold
          // chosen label would be a second texture per chip, drawn on every move; the fill and ✓ say it.
          text: textPatch(label, { size: type.label, color: 0xffffffff }),
        },
      })
      x += w + GAP
    })
    // Keep the focused chip on screen when there are more categories than fit.
    const visibleWidth = this.w || 1728
    const shift = focusX > visibleWidth - 300 ? visibleWidth - 300 - focusX : 0
    host.patch({ x: Math.min(0, shift) })
  }

  get announce(): string {
    return this.labels[this.cursorIndex] ?? ''
  }

  override _focus(): void {
    this.rowFocused = true
    this.paint()
  }
  override _unfocus(): void {
    this.rowFocused = false
    this.paint()
  }

  private move(delta: number): boolean {
    const next = this.cursorIndex + delta
    if (next < 0 || next >= this.labels.length) return false
    this.cursorIndex = next
    this.chosen = next
    this.paint()
    this.onChange?.(next)
    return true
  }

  override _handleLeft(): boolean {
    return this.move(-1)
  }
  override _handleRight(): boolean {
    return this.move(1)
  }
}

export const CHIP_ROW_HEIGHT = HEIGHT + focusStyle.outline
