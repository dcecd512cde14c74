/** The large-text preference (适老化): type scales by 1.25 when on. Layouts read sizes through here. */
import { LARGE_TEXT_FACTOR } from './tokens'

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
