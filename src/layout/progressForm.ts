/**
 * The two fields of the progress lookup typed with a remote: digits only, one field at a time.
 * Pure state transitions, so keypad behaviour is unit-tested without a GPU.
 */
import { isValidApplicationNo, isValidCode } from '../feed/progress'
import { t } from '../i18n/strings'

export type Field = 'number' | 'code'

export interface ProgressForm {
  number: string
  code: string
  field: Field
}

export const MAX_NUMBER = 32
export const MAX_CODE = 8

export const emptyForm = (): ProgressForm => ({ number: '', code: '', field: 'number' })

export type FormAction =
  | { type: 'digit'; digit: string }
  | { type: 'delete' }
  | { type: 'clear' }
  | { type: 'next' }
  | { type: 'focus'; field: Field }

export function reduceForm(form: ProgressForm, action: FormAction): ProgressForm {
  const value = form[form.field]
  const max = form.field === 'number' ? MAX_NUMBER : MAX_CODE
  switch (action.type) {
    case 'digit':
      if (!/^\d$/.test(action.digit) || value.length >= max) return form
      return { ...form, [form.field]: value + action.digit }
    case 'delete':
      return { ...form, [form.field]: value.slice(0, -1) }
    case 'clear':
      return { ...form, [form.field]: '' }
    case 'next':
      return { ...form, field: form.field === 'number' ? 'code' : 'number' }
    case 'focus':
      return { ...form, field: action.field }
  }
}

export type FormProblem = 'progress.numberInvalid' | 'progress.codeInvalid'

/** What stops a search, in the order the person should fix it. */
export function formProblem(form: ProgressForm): FormProblem | undefined {
  if (!isValidApplicationNo(form.number)) return 'progress.numberInvalid'
  if (!isValidCode(form.code)) return 'progress.codeInvalid'
  return undefined
}

/** The code is never shown: one dot per digit. */
export function maskedCode(code: string): string {
  return '●'.repeat(code.length)
}

/** The keypad's keys, row by row; the last key reads 下一项 or 查询 depending on the field. */
export const KEYPAD: readonly (readonly string[])[] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['delete', '0', 'submit'],
]

/** What a keypad key reads: a digit, 删除, and 下一项 in the number field or 查询 in the code field. */
export function keyLabel(form: ProgressForm, key: string): string {
  if (key === 'delete') return t('progress.delete')
  if (key === 'submit') return form.field === 'number' ? t('progress.next') : t('progress.search')
  return key
}

function fieldState(form: ProgressForm): string {
  const field = t(form.field === 'number' ? 'progress.numberLabel' : 'progress.codeLabel')
  return t('progress.fieldTyped', { field, count: form[form.field].length })
}

/**
 * What read-aloud says after a key: the count of digits in the field (and the field's name when it
 * changed), never a digit. The room hears the TV, and the code is what keeps the answer the person's.
 * Nothing when the key changed nothing.
 */
export function announcementAfter(before: ProgressForm, after: ProgressForm): string | undefined {
  if (after.field !== before.field) return fieldState(after)
  if (after[after.field] === before[before.field]) return undefined
  return t('progress.typed', { count: after[after.field].length })
}

/**
 * What read-aloud says for the focused keypad key. A digit key is not named: the digit it names is the
 * one about to be typed.
 */
export function keypadAnnouncement(form: ProgressForm, key: string | undefined): string {
  if (key === 'delete' || key === 'submit') return t('progress.onKey', { key: keyLabel(form, key), state: fieldState(form) })
  return fieldState(form)
}
