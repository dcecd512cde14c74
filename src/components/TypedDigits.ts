/**
 * Digits typed on the remote, shown spaced for reading at a distance with a cursor after them: `9 2 5_`.
 *
 * A key press draws no text. Each place holds one element per digit it has shown, made when first needed and
 * then only shown or hidden, and the cursor only moves. Elements with the same digit share one texture
 * (same words, same settings), so each of the ten digits is drawn once. Redrawing the whole line on every
 * key cost 6–9 ms per press at 4× CPU (bench: 常见问题 digit search). One element per place whose text changed
 * would not do: Lightning frees a text's texture as soon as its words change, so retyping drew it again.
 */
import { Lightning } from '@lightningjs/sdk'
import { textWidthEm } from '../layout/textLayout'
import { scaledSize } from '../theme/scale'
import { type } from '../theme/tokens'
import { textPatch } from './text'

const CURSOR = '_'

/** The ref of the element showing `digit` at place `at`: `At3d9`, read back by the browser tests. */
function slotRef(at: number, digit: string): string {
  return `At${at}d${digit}`
}

export class TypedDigits extends Lightning.Component {
  private digits = ''
  /** The text size the elements were made for; large-text mode changes it. */
  private madeFor = 0
  /** Per place, the element made for each digit shown there so far. */
  private places: Map<string, Lightning.Element>[] = []

  get value(): string {
    return this.digits
  }

  set value(digits: string) {
    this.paint(digits)
  }

  private paint(digits: string): void {
    const size = scaledSize(type.label)
    if (size !== this.madeFor) this.remake(size)
    const pitch = Math.ceil(textWidthEm('0 ') * size)
    for (let at = 0; at < digits.length; at++) {
      const digit = digits[at] ?? ''
      const made = (this.places[at] ??= new Map())
      if (!made.has(digit)) {
        const element = this.stage.c({ ref: slotRef(at, digit), x: at * pitch, text: textPatch(digit, { size: type.label, bold: true }) }) as Lightning.Element
        this.childList.add(element)
        made.set(digit, element)
      }
    }
    this.places.forEach((made, at) => made.forEach((element, digit) => (element.visible = digits[at] === digit)))
    this.tag('Cursor')?.patch({ x: digits.length * pitch })
    this.digits = digits
  }

  private remake(size: number): void {
    this.childList.clear()
    this.places = []
    this.childList.add(this.stage.c({ ref: 'Cursor', text: textPatch(CURSOR, { size: type.label, bold: true }) }))
    this.madeFor = size
  }
}
