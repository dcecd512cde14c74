/**
 * What every list row shares: a rounded card that turns focus-yellow, its texts turning dark on it,
 * so focus is told by a filled card and not by a thin line.
 */
import { Lightning } from '@lightningjs/sdk'
import { focusStyle, palette } from '../theme/tokens'

const INSET = 6

/** The card behind a row's texts; sized by `sizeRowCard` once the row knows its width. */
export function rowCardTemplate(): Lightning.Element.PatchTemplate {
  return {
    x: focusStyle.outline,
    y: INSET,
    rect: true,
    color: palette.surface,
  }
}

interface Row {
  w: number
  patch(template: Lightning.Element.PatchTemplate): void
  tag(ref: string): Lightning.Element | undefined
}

export function sizeRowCard(row: Row, h: number): void {
  row.patch({ h })
  row.tag('Background')?.patch({ w: row.w - 2 * focusStyle.outline, h: h - 2 * INSET })
}

/** Main texts are white and secondary ones muted at rest; all turn dark on the focused card. */
export function paintRowFocus(row: Row, focused: boolean, refs: { main: readonly string[]; muted?: readonly string[] }): void {
  row.tag('Background')?.patch({ color: focused ? palette.focus : palette.surface })
  for (const ref of refs.main) row.tag(ref)?.patch({ color: focused ? palette.focusText : palette.text })
  for (const ref of refs.muted ?? []) row.tag(ref)?.patch({ color: focused ? palette.focusText : palette.textMuted })
}
