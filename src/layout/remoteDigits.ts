/** The remote's digit keys, shared by the progress keypad, page numbers and search. */
/** Digit keys on remotes and keyboards: top row 48–57, numpad 96–105. */
export function digitForKeyCode(keyCode: number): string | undefined {
  if (keyCode >= 48 && keyCode <= 57) return String(keyCode - 48)
  if (keyCode >= 96 && keyCode <= 105) return String(keyCode - 96)
  return undefined
}
