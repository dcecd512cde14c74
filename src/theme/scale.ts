/** The large-text preference (适老化): type scales by 1.25 when on. Layouts read sizes through here. */
import { LARGE_TEXT_FACTOR, type } from './tokens'

let factor = 1

export function setLargeText(on: boolean): void {
  factor = on ? LARGE_TEXT_FACTOR : 1
}

export function isLargeText(): boolean {
  return factor !== 1
}

export function scaledSize(px: number): number {
  return Math.round(px * factor)
}

/** Line height in px of text set at `px` (before scaling) in the current mode. */
export function lineHeightOf(px: number): number {
  return Math.round(scaledSize(px) * type.lineHeightRatio)
}
